/**
 * A plan that counts with first pages hands them to the run: the first sync then makes exactly
 * the calls its page sizes need, planning included, and mirrors everything; a page asked for at
 * another size, or too long ago, is not used.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { planSync } from './plan';
import type { PlannedPages } from './planned-pages';
import { PLANNED_PAGE_TTL_MS } from './planned-pages';
import { runSync } from './run-sync';
import { getSyncCursor } from './store';
import { callsTo, makeSyncClient, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import { openTestDb } from './test-support/test-db';

const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function planAndRun(options: { runPageSize?: number; clockShift?: number } = {}) {
  const sb = await startSyncSandbox();
  sandboxes.push(sb);
  const { db, instanceId } = openTestDb();
  const { client } = makeSyncClient(sb);
  const firstPages: PlannedPages = new Map();
  const start = sb.requestLog.length;
  const plan = await planSync(db, instanceId, client, { pageSize: 100, logPageSize: 2000, firstPages });
  const afterPlan = sb.requestLog.length;
  const runStartedAt = Date.now();
  const result = await runSync({
    db,
    client,
    instanceId,
    mode: 'auto',
    pageSize: options.runPageSize ?? 100,
    logPageSize: 2000,
    plannedPages: firstPages,
    ctx: testJob().ctx,
    logger: silentLogger,
    ...(options.clockShift ? { clock: () => Date.now() + (options.clockShift as number) } : {}),
  });
  const runCalls = sb.requestLog.length - afterPlan;
  return { sb, db, instanceId, plan, result, planCalls: afterPlan - start, runCalls, runStartedAt };
}

describe('a plan counting with first pages', () => {
  it('lets the run start from them: planning and run together make exactly the planned calls', async () => {
    const { sb, db, instanceId, plan, planCalls, runCalls, runStartedAt } = await planAndRun();
    expect(plan.planningCalls).toBe(planCalls);
    expect(planCalls).toBeGreaterThan(0);
    // The floor: one call per page of each step (and the roles), the first pages fetched once.
    expect(planCalls + runCalls).toBe(plan.calls);
    const people = sb.state.data.people.filter((p) => !p.deleted).length;
    expect(callsTo(sb, 'users.list')).toBe(Math.ceil(people / 100));
    const count = (sql: string) => db.prepare(sql).pluck().get(instanceId) as number;
    expect(count('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL')).toBe(people);
    expect(count('SELECT count(*) FROM mirror_login_sessions WHERE instance_id = ?')).toBe(
      sb.state.data.sessions.length,
    );
    // The pass counts as begun when its first page was fetched, before the run started.
    expect(getSyncCursor(db, instanceId, 'people')?.passStartedMs).toBeLessThanOrEqual(runStartedAt);
  });

  it('does not use a first page asked for at another page size', async () => {
    const { sb } = await planAndRun({ runPageSize: 150 });
    const people = sb.state.data.people.filter((p) => !p.deleted).length;
    // The plan's page of 100 plus every page of 150 the run asked for itself.
    expect(callsTo(sb, 'users.list')).toBe(1 + Math.ceil(people / 150));
  });

  it('does not use a first page fetched too long ago', async () => {
    const { sb } = await planAndRun({ clockShift: PLANNED_PAGE_TTL_MS + 60_000 });
    const people = sb.state.data.people.filter((p) => !p.deleted).length;
    expect(callsTo(sb, 'users.list')).toBe(1 + Math.ceil(people / 100));
  });
});
