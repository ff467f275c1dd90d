/**
 * Every write a sync makes, as a batch of operations run in ONE transaction together with the
 * run's summary: a page's rows with the cursor that says the page is done, the seen ids of a
 * deletion sweep, a slice of that sweep, the start and end of a pass. The same executor runs on the
 * main thread (inline) or in the write worker (write-worker.ts), so both behave alike.
 */
import type { DB } from '../db/open';
import type { SyncCursor } from './store';
import { getSyncRun, saveSyncCursor, saveSyncRunSummary } from './store';
import type { WireRecord } from '../smartsimple/protocol';
import type { EntityWriter, PageCounts } from './write-common';
import { addCounts, seenStatements } from './write-common';
import { deferIndexes, restoreIndexes } from './index-store';
import { createAccessEventsWriter, createLoginSessionsWriter } from './write-logs';
import { createPeopleWriter } from './write-people';
import {
  createAssignmentsWriter,
  createOrganizationsWriter,
  createProgramsWriter,
  createRolesWriter,
} from './write-records';
import type { SyncEntity, SyncSummary } from './types';

export type WriteOp =
  | { op: 'apply'; entity: SyncEntity; records: WireRecord[] }
  | { op: 'seen'; entity: SyncEntity; ids: number[] }
  | { op: 'clearSeen'; entity: SyncEntity }
  | { op: 'markUnseen'; entity: SyncEntity; afterId: number; limit: number }
  /** Saves the cursor; `continueAfterMax` starts it after the highest id the mirror holds. */
  | { op: 'cursor'; cursor: SyncCursor; continueAfterMax?: boolean }
  /** Ends a pass: the cursor with the entity's live count filled in. */
  | { op: 'endPass'; cursor: SyncCursor }
  /** Drops the entity's secondary indexes if its tables are empty (see indexes.ts). */
  | { op: 'deferIndexes'; entity: SyncEntity }
  /** Builds the entity's deferred indexes again. */
  | { op: 'restoreIndexes'; entity: SyncEntity | 'all' };

export interface WriteBatch {
  runId: number;
  /** ISO time for `deleted_at` and `completed_at`. */
  at: string;
  ops: WriteOp[];
  /** Calls made since the last batch, counted into the summary. */
  calls: number;
  /** Step finished with this batch. */
  done?: string;
}

export interface BatchResult {
  counts: PageCounts;
  /** From a markUnseen op: where the next slice starts (null when the sweep is over). */
  unseenLastId?: number | null;
  /** From a cursor or endPass op: the cursor as saved. */
  cursor?: SyncCursor;
  summary: SyncSummary;
  /** This batch's share of its transaction's time (by records), and records applied. */
  ms: number;
  rows: number;
  /** The transaction it ran in (several queued batches may share one) and how long that took. */
  transaction: number;
  transactionMs: number;
}

function createWriters(db: DB, instanceId: string): Record<SyncEntity, EntityWriter> {
  return {
    roles: createRolesWriter(db, instanceId),
    organizations: createOrganizationsWriter(db, instanceId),
    people: createPeopleWriter(db, instanceId),
    programs: createProgramsWriter(db, instanceId),
    assignments: createAssignmentsWriter(db, instanceId),
    access_events: createAccessEventsWriter(db, instanceId),
    login_sessions: createLoginSessionsWriter(db, instanceId),
  };
}

export interface BatchExecutor {
  /** One batch, one transaction. */
  (batch: WriteBatch): BatchResult;
  /**
   * Several queued batches in one transaction, in order (the write worker drains its queue so):
   * each keeps its own cursor and counts, and a bigger transaction writes each index page once.
   */
  many(batches: readonly WriteBatch[]): BatchResult[];
}

/** Runs batches for one instance on `db`; statements are prepared once. */
export function createBatchExecutor(db: DB, instanceId: string): BatchExecutor {
  const writers = createWriters(db, instanceId);
  const seen = new Map<SyncEntity, ReturnType<typeof seenStatements>>();
  const seenOf = (entity: SyncEntity) => {
    let s = seen.get(entity);
    if (!s) seen.set(entity, (s = seenStatements(db, instanceId, entity)));
    return s;
  };

  const run = (batch: WriteBatch): Omit<BatchResult, 'ms' | 'transaction' | 'transactionMs'> => {
    const counts: PageCounts = {};
    let rows = 0;
    let unseenLastId: number | null | undefined;
    let cursor: SyncCursor | undefined;
    for (const op of batch.ops) {
      switch (op.op) {
        case 'apply':
          addCounts(counts, writers[op.entity].apply(op.records, batch.at));
          rows += op.records.length;
          break;
        case 'seen':
          seenOf(op.entity).add(op.ids);
          break;
        case 'clearSeen':
          seenOf(op.entity).clear();
          break;
        case 'markUnseen': {
          const marked = writers[op.entity].markUnseen?.(op.afterId, op.limit, batch.at);
          if (marked) addCounts(counts, marked.counts);
          unseenLastId = marked?.lastId ?? null;
          break;
        }
        case 'cursor':
          cursor = op.continueAfterMax
            ? { ...op.cursor, afterId: writers[op.cursor.entity].maxId?.() ?? 0 }
            : op.cursor;
          saveSyncCursor(db, cursor);
          break;
        case 'endPass':
          cursor = { ...op.cursor, lastCount: writers[op.cursor.entity].count(), completedAt: batch.at };
          saveSyncCursor(db, cursor);
          break;
        case 'deferIndexes':
          deferIndexes(db, op.entity);
          break;
        case 'restoreIndexes':
          restoreIndexes(db, op.entity);
          break;
      }
    }
    const summary = getSyncRun(db, batch.runId)?.summary;
    if (!summary) throw new Error(`sync run ${batch.runId} does not exist`);
    addCounts(summary.kinds, counts);
    summary.calls += batch.calls;
    summary.records += rows;
    if (batch.done && !summary.done.includes(batch.done)) summary.done.push(batch.done);
    saveSyncRunSummary(db, batch.runId, summary);
    return { counts, unseenLastId, cursor, summary, rows };
  };

  let transactions = 0;
  const runAll = db.transaction((batches: readonly WriteBatch[]) => batches.map(run));
  const many = (batches: readonly WriteBatch[]): BatchResult[] => {
    const started = performance.now();
    const results = runAll.immediate(batches);
    const transactionMs = performance.now() - started;
    const transaction = ++transactions;
    const rows = results.reduce((n, r) => n + r.rows, 0);
    return results.map((r) => ({
      ...r,
      ms: rows > 0 ? (transactionMs * r.rows) / rows : transactionMs / results.length,
      transaction,
      transactionMs,
    }));
  };
  const one = ((batch: WriteBatch) => many([batch])[0] as BatchResult) as BatchExecutor;
  one.many = many;
  return one;
}
