/**
 * Turns write batches into transactions of bounded length, so the sync never holds the database's
 * write lock for long: the app's own connection (settings, jobs, plans, the audit trail) then
 * writes between two of them without waiting.
 *
 * - Batches queued together share a transaction while its estimated length stays under the budget
 *   (a bigger transaction writes each index page once); a page whose rows would take longer is
 *   split into slices of its records, each its own transaction, the page's other ops (seen ids,
 *   the cursor) with the last slice. The slices before it are safe to write twice (a record equal
 *   to the mirrored one is not written again, log rows have natural keys), so a crash between them
 *   only means the page is fetched and applied again.
 * - The estimate is the measured work per record of each entity: the CPU time of its transactions
 *   (Linux; elsewhere their wall-clock time). On a machine busy with other work the wall-clock time
 *   of a transaction says more about the others than about it, and slices sized by it would shrink
 *   to a few hundred people, each leaving the search index a segment more to merge (a quarter more
 *   work in all); sized by CPU time they stay near a page. But the app's connection waits for the
 *   wall-clock time: where other processes stretch a transaction's wall-clock time beyond its CPU
 *   time, the work per transaction is counted down by that stretch (to half the budget at most;
 *   TransactionClock.workBudgetMs).
 * - A batch that starts with `restoreIndexes` or `compactSearch` first builds the deferred indexes
 *   back or merges the search index, in transactions of their own (write-rebuild.ts), then commits
 *   the rest.
 * - Transactions are run and timed by write-transactions.ts (checkpoints between them too).
 */
import type { DB } from '../db/open';
import type { BatchResult, MaintenanceOp, UnitResult, WriteBatch, WriteOp } from './write-batch';
import { createUnitRunner, isMaintenance } from './write-batch';
import { createRebuilder } from './write-rebuild';
import type { BatchAcc, TransactionOptions } from './write-transactions';
import { TransactionClock, emptyAcc, mergeUnit } from './write-transactions';
import { WriteSlicer } from './write-slicer';

export interface ExecutorOptions extends TransactionOptions {
  /** Target length of one write transaction (default 80 ms; the longest should stay well under 250 ms). */
  budgetMs?: number;
}

export interface BatchExecutor {
  /** One batch: one transaction, or several when it is long. */
  (batch: WriteBatch): BatchResult;
  /** Several queued batches, in order, in as few transactions as the budget allows. */
  many(batches: readonly WriteBatch[]): BatchResult[];
}

export const DEFAULT_TRANSACTION_BUDGET_MS = 80;
/** Fixed cost of a transaction's bookkeeping (summary, cursor), in the estimate. */
const UNIT_OVERHEAD_MS = 1;

/** The first op when it is an `apply` (the only op a batch is split on). */
const applyOf = (ops: readonly WriteOp[]) => (ops[0]?.op === 'apply' ? ops[0] : undefined);

/** What a transaction of units wrote, for the longest one's description. */
function describeUnits(units: readonly WriteBatch[]): string {
  const parts = new Map<string, number>();
  for (const u of units) {
    for (const op of u.ops) {
      const key = op.op === 'apply' ? op.entity : op.op === 'markUnseen' ? `${op.entity} removal sweep` : op.op;
      parts.set(key, (parts.get(key) ?? 0) + (op.op === 'apply' ? op.records.length : 0));
    }
  }
  return [...parts].map(([k, n]) => (n > 0 ? `${k} ${n} records` : k)).join(', ');
}

/** A batch as units: its `apply` split into slices of `size` records, the rest of it with the last. */
function unitsOf(batch: WriteBatch, rates: WriteSlicer, workMs: number): WriteBatch[] {
  const apply = applyOf(batch.ops);
  const size = apply ? rates.size(apply.entity, workMs) : 0;
  if (!apply || apply.records.length <= size) return [batch];
  const units: WriteBatch[] = [];
  for (let from = 0; from < apply.records.length; from += size) {
    const records = apply.records.slice(from, from + size);
    const last = from + size >= apply.records.length;
    const ops: WriteOp[] = [{ op: 'apply', entity: apply.entity, records }, ...(last ? batch.ops.slice(1) : [])];
    const unit: WriteBatch = { runId: batch.runId, at: batch.at, ops, calls: from === 0 ? batch.calls : 0 };
    if (last && batch.done) unit.done = batch.done;
    units.push(unit);
  }
  return units;
}

function estimate(unit: WriteBatch, rates: WriteSlicer, workMs: number): number {
  const apply = applyOf(unit.ops);
  if (!apply) return UNIT_OVERHEAD_MS;
  return UNIT_OVERHEAD_MS + (apply.records.length * workMs) / Math.max(1, rates.size(apply.entity, workMs));
}

export function createBatchExecutor(db: DB, instanceId: string, options: ExecutorOptions = {}): BatchExecutor {
  const budgetMs = options.budgetMs ?? DEFAULT_TRANSACTION_BUDGET_MS;
  const runner = createUnitRunner(db, instanceId);
  const rates = new WriteSlicer(budgetMs);
  const clock = new TransactionClock(db, options);
  const rebuild = createRebuilder(db, clock, budgetMs);

  /** One transaction of units from one or more batches; the time goes to each by its records. */
  const commit = (group: readonly { unit: WriteBatch; acc: BatchAcc }[]) => {
    const units = group.map((g) => runner.prepare(g.unit));
    const results = clock.run(
      () => units.map((u) => runner.run(u)),
      (out) => {
        const total = out.reduce((n, r) => n + r.rows, 0);
        return group.map((g, k) => ({
          acc: g.acc,
          share: total > 0 ? (out[k] as UnitResult).rows / total : 1 / group.length,
        }));
      },
      () => describeUnits(group.map((g) => g.unit)),
    );
    const entities = new Set(group.flatMap((g) => applyOf(g.unit.ops)?.entity ?? []));
    const [entity] = entities;
    if (entities.size === 1 && entity)
      rates.record(
        entity,
        results.reduce((n, r) => n + r.rows, 0),
        clock.lastWorkMs,
      );
    return results;
  };

  const many = (batches: readonly WriteBatch[]): BatchResult[] => {
    const accs = batches.map(emptyAcc);
    let group: { unit: WriteBatch; acc: BatchAcc }[] = [];
    let groupMs = 0;
    const flush = () => {
      if (group.length === 0) return;
      const done = group;
      group = [];
      groupMs = 0;
      const results = commit(done);
      done.forEach((g, k) => mergeUnit(g.acc, results[k] as UnitResult));
    };
    batches.forEach((batch, i) => {
      const acc = accs[i] as BatchAcc;
      const head = batch.ops.findIndex((o) => !isMaintenance(o));
      const maintenance = (head < 0 ? batch.ops : batch.ops.slice(0, head)) as MaintenanceOp[];
      const rest = { ...batch, ops: head < 0 ? [] : batch.ops.slice(head) };
      if (maintenance.length > 0) flush();
      for (const op of maintenance) {
        if (op.op === 'restoreIndexes') rebuild.indexes(acc, op.entity);
        else rebuild.searchIndex(acc);
      }
      if (rest.ops.some(isMaintenance)) throw new Error('restoreIndexes and compactSearch lead their batch');
      // The work that fits the budget on this machine now (the CPU time, where measured, counted
      // down when other processes stretch it).
      const workMs = clock.workBudgetMs(budgetMs);
      for (const unit of unitsOf(rest, rates, workMs)) {
        const ms = estimate(unit, rates, workMs);
        if (group.length > 0 && groupMs + ms > workMs) flush();
        group.push({ unit, acc });
        groupMs += ms;
      }
    });
    flush();
    return accs;
  };

  const one = ((batch: WriteBatch) => many([batch])[0] as BatchResult) as BatchExecutor;
  one.many = many;
  return one;
}
