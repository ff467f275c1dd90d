/**
 * A sync in a process of its own, for the crash test: it is killed with SIGKILL at random points
 * and started again. Configured by SYNC_CHILD_CONFIG (JSON): the database file, the instance, the
 * sandbox's connection and the page sizes. Exits 0 when the sync finished.
 */
import { openDatabase } from '../../db/open';
import { silentLogger } from '../../log/logger';
import type { SandboxConnection } from '../../smartsimple/sandbox';
import { runSync } from '../run-sync';
import { makeSyncClient, testJob } from './sync-fixtures';

interface ChildConfig {
  dbFile: string;
  instanceId: string;
  connection: SandboxConnection;
  pageSize: number;
  logPageSize: number;
}

const config = JSON.parse(process.env.SYNC_CHILD_CONFIG ?? '{}') as ChildConfig;
const { db } = openDatabase(config.dbFile);
const { client } = makeSyncClient(config.connection);
const result = await runSync({
  db,
  client,
  instanceId: config.instanceId,
  pageSize: config.pageSize,
  logPageSize: config.logPageSize,
  ctx: testJob().ctx,
  logger: silentLogger,
});
db.close();
process.stdout.write(
  `${JSON.stringify({ runId: result.runId, resumed: result.resumed, calls: result.summary.calls, writer: result.timing.writer })}\n`,
);
