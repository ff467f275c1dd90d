/**
 * A synced sandbox mirror in a real SQLite file, for the question tests: the sandbox over HTTP,
 * a full sync, then the sandbox closed. The clock is fixed, so answers are deterministic.
 */
import { silentLogger } from '../../log/logger';
import { startSandbox } from '../../smartsimple/sandbox';
import { runSync } from '../../sync/run-sync';
import { makeSyncClient, testJob } from '../../sync/test-support/sync-fixtures';
import { openTestDb, type TestDb } from '../../sync/test-support/test-db';

export const ASK_TEST_NOW = Date.UTC(2026, 10, 20, 12);

export async function syncedMirror(dir: string, people = 400, seed = 5): Promise<TestDb & { file: string }> {
  const sb = await startSandbox({ seed, people, now: ASK_TEST_NOW, clock: 'manual' });
  try {
    const test = openTestDb(dir);
    const { client } = makeSyncClient(sb);
    await runSync({
      db: test.db,
      client,
      instanceId: test.instanceId,
      mode: 'auto',
      pageSize: 500,
      logPageSize: 5000,
      ctx: testJob().ctx,
      logger: silentLogger,
    });
    return { ...test, file: `${dir}/app.sqlite` };
  } finally {
    await sb.close();
  }
}
