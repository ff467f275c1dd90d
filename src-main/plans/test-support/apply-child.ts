/**
 * The apply job in a process of its own, for the crash test: it opens the app database, builds a
 * client on the sandbox the test runs, applies (or resumes) the plan, prints one JSON line and
 * exits. The test kills it with SIGKILL at random points and starts it again.
 *
 *   APPLY_CHILD_CONFIG='{"dbFile":…,"instanceId":…,"planId":…,"connection":{…},"batchSize":50}' tsx apply-child.ts
 */
import { openDatabase } from '../../db/open';
import { silentLogger } from '../../log/logger';
import { createMemoryBudget } from '../../smartsimple/client';
import { clientOnSandbox } from '../../smartsimple/sandbox/client-on-sandbox';
import type { SandboxConnection } from '../../smartsimple/sandbox';
import { applyPlan } from '../apply/apply-plan';

interface ChildConfig {
  dbFile: string;
  instanceId: string;
  planId: string;
  connection: SandboxConnection;
  batchSize: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.APPLY_CHILD_CONFIG ?? '{}') as ChildConfig;
  const { db } = openDatabase(config.dbFile);
  const { connection } = config;
  const client = clientOnSandbox(connection, {
    budget: createMemoryBudget({ limit: 1000 }),
    logger: silentLogger,
    timeoutMs: 30_000,
    retry: { attempts: 3, baseMs: 5, maxMs: 20 },
  });

  const controller = new AbortController();
  const result = await applyPlan({
    db,
    client,
    instanceId: config.instanceId,
    planId: config.planId,
    approver: 'bo',
    logger: silentLogger,
    batchSize: config.batchSize,
    ctx: { signal: controller.signal, progress: () => undefined, throwIfCancelled: () => undefined },
  });
  process.stdout.write(`${JSON.stringify({ done: true, state: result.plan.state, summary: result.summary })}\n`);
  db.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stdout.write(`${JSON.stringify({ done: false, error: e instanceof Error ? e.message : String(e) })}\n`);
    process.exit(1);
  },
);
