/**
 * The executor keeps write transactions short: a long page is split into slices, each its own
 * transaction, with the cursor in the last; short batches share one transaction while they fit;
 * the deferred indexes come back before the rest of a batch. Applying a page again (what a crash
 * between slices leads to) changes and counts nothing.
 */
import { describe, expect, it } from 'vitest';
import type { SyncCursor } from './store';
import { createSyncRun, getSyncCursor, getSyncRun } from './store';
import { createBatchExecutor } from './write-executor';
import { TransactionClock } from './write-transactions';
import { threadCpuMs } from './thread-cpu';
import type { WriteBatch } from './write-batch';
import { personRecord, roleRecord } from './test-support/wire-fixtures';
import { openTestDb } from './test-support/test-db';

function setUp(budgetMs: number) {
  const { db, instanceId } = openTestDb();
  const run = createSyncRun(db, instanceId, 'full', '2026-01-01T00:00:00Z');
  const execute = createBatchExecutor(db, instanceId, { budgetMs });
  const cursor = (records: number): SyncCursor => ({
    instanceId,
    entity: 'people',
    phase: 'full',
    runId: run.id,
    since: null,
    afterId: records,
    pages: 1,
    records,
    maxSeen: null,
    passStartedMs: 0,
    total: null,
    watermark: null,
    lastCount: null,
    completedAt: null,
  });
  const page = (from: number, n: number): WriteBatch => ({
    runId: run.id,
    at: '2026-01-01T00:00:00Z',
    calls: 1,
    ops: [
      { op: 'apply', entity: 'people', records: Array.from({ length: n }, (_, i) => personRecord(from + i)) },
      { op: 'cursor', cursor: cursor(from + n - 1) },
    ],
  });
  return { db, instanceId, run, execute, page };
}

describe('the write executor', () => {
  it('splits a long page into short transactions, the cursor with the last, every person counted once', () => {
    const { db, instanceId, run, execute, page } = setUp(1);
    const result = execute(page(1, 600));
    expect(result.transactions.length).toBeGreaterThan(1);
    expect(result.rows).toBe(600);
    expect(result.counts.people).toEqual({ added: 600, changed: 0, removed: 0 });
    expect(result.cursor?.afterId).toBe(600);
    expect(getSyncCursor(db, instanceId, 'people')?.afterId).toBe(600);
    expect(db.prepare('SELECT count(*) FROM mirror_people').pluck().get()).toBe(600);
    // The page's call is counted once, whatever the number of slices.
    expect(getSyncRun(db, run.id)?.summary).toMatchObject({ calls: 1, records: 600 });
  });

  it('changes and counts nothing when a page is applied again', () => {
    const { db, run, execute, page } = setUp(1);
    execute(page(1, 300));
    const again = execute(page(1, 300));
    expect(again.counts.people).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(db.prepare('SELECT count(*) FROM mirror_people').pluck().get()).toBe(300);
    expect(getSyncRun(db, run.id)?.summary.kinds.people.added).toBe(300);
  });

  it('writes short batches queued together in one transaction while they fit', () => {
    const { run, execute } = setUp(10_000);
    const batches: WriteBatch[] = [1, 2, 3].map((n) => ({
      runId: run.id,
      at: '2026-01-01T00:00:00Z',
      calls: 1,
      ops: [{ op: 'apply', entity: 'roles', records: [roleRecord(n, `Role ${n}`)] }],
    }));
    const results = execute.many(batches);
    expect(new Set(results.flatMap((r) => r.transactions.map((t) => t.id))).size).toBe(1);
    expect(results.map((r) => r.counts.roles?.added)).toEqual([1, 1, 1]);
  });

  it('builds deferred indexes back in transactions of their own, before the rest of the batch', () => {
    const { db, run, execute, page } = setUp(80);
    // Organizations keep their index while their table fills (index-store.ts); a log defers its own.
    execute({ runId: run.id, at: 'x', calls: 0, ops: [{ op: 'deferIndexes', entity: 'organizations' }] });
    const deferred = () => db.prepare('SELECT name FROM sync_deferred_indexes ORDER BY name').pluck().all();
    expect(deferred()).toEqual([]);
    execute({ runId: run.id, at: 'x', calls: 0, ops: [{ op: 'deferIndexes', entity: 'access_events' }] });
    expect(deferred()).toEqual([
      'mirror_access_events_by_user_insert',
      'mirror_access_events_changed_by',
      'mirror_access_events_user',
    ]);
    const batch = page(1, 10);
    const result = execute({ ...batch, ops: [{ op: 'restoreIndexes', entity: 'access_events' }, ...batch.ops] });
    expect(deferred()).toEqual([]);
    // Two index builds, the per-person table's trigger and its (empty) copy, then the page.
    expect(result.transactions.length).toBe(5);
    expect(() => execute({ ...batch, ops: [...batch.ops, { op: 'restoreIndexes', entity: 'people' }] })).toThrow(
      /lead their batch/,
    );
  });

  it.skipIf(threadCpuMs() === null)(
    'counts the work per transaction down when transactions take longer than their CPU time',
    () => {
      const { db } = openTestDb();
      const clock = new TransactionClock(db, {});
      expect(clock.workBudgetMs(80)).toBe(80);
      // Transactions that wait on the wall clock without working, as on a machine busy elsewhere.
      const sleep = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 5; i++)
        clock.run(
          () => Atomics.wait(sleep, 0, 0, 20),
          () => [],
          () => 'waiting',
        );
      expect(clock.workBudgetMs(80)).toBe(40);
    },
  );
});
