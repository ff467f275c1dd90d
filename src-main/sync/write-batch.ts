/**
 * Every write a sync makes, as a batch of operations: a page's rows with the cursor that says the
 * page is done, the seen ids of a deletion sweep, a slice of that sweep, the start and end of a
 * pass. The same executor (write-executor.ts) runs batches on the main thread (inline) or in the
 * write worker (write-worker.ts), so both behave alike. This file says what one transaction of a
 * batch does; the executor decides how batches become transactions.
 */
import type { DB } from '../db/open';
import type { SyncCursor } from './store';
import { getSyncRun, saveSyncCursor, saveSyncRunSummary } from './store';
import type { WireRecord } from '../smartsimple/protocol';
import type { EntityWriter, PageCounts, Prepared } from './write-common';
import { addCounts, seenStatements } from './write-common';
import { deferIndexes } from './index-store';
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
  /** `prepared`: the writer's statement values of the records, made before the transaction (never sent). */
  | { op: 'apply'; entity: SyncEntity; records: WireRecord[]; prepared?: Prepared }
  | { op: 'seen'; entity: SyncEntity; ids: number[] }
  | { op: 'clearSeen'; entity: SyncEntity }
  | { op: 'markUnseen'; entity: SyncEntity; afterId: number; limit: number }
  /** Saves the cursor; `continueAfterMax` starts it after the highest id the mirror holds. */
  | { op: 'cursor'; cursor: SyncCursor; continueAfterMax?: boolean }
  /** Ends a pass: the cursor with the entity's live count filled in. */
  | { op: 'endPass'; cursor: SyncCursor }
  /**
   * Drops the entity's secondary indexes if its tables are empty (index-store.ts); a cursor saved
   * after it in the same batch is marked `bulk` then.
   */
  | { op: 'deferIndexes'; entity: SyncEntity }
  /**
   * Builds the entity's deferred indexes again, each in transactions of its own. Only first in a
   * batch: the rest of the batch is committed after them, so a crash in between repeats them.
   */
  | { op: 'restoreIndexes'; entity: SyncEntity | 'all' }
  /**
   * Merges the people search index into one segment, in slices (after a first sync, whose many
   * short transactions left many small ones). Only at the head of a batch, like restoreIndexes.
   */
  | { op: 'compactSearch' };

/** The ops that run, each in transactions of their own, before the rest of their batch. */
export type MaintenanceOp = Extract<WriteOp, { op: 'restoreIndexes' | 'compactSearch' }>;
export const isMaintenance = (op: WriteOp): op is MaintenanceOp =>
  op.op === 'restoreIndexes' || op.op === 'compactSearch';

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
  /** Time spent writing this batch: its share of the transactions it was in, and its index builds. */
  ms: number;
  /** The same in the writing thread's CPU time (Linux; null elsewhere). */
  cpuMs: number | null;
  /** Records applied. */
  rows: number;
  /** The transactions it was written in, by number (rising; several batches may share one), with their length. */
  transactions: { id: number; ms: number }[];
  /** The longest of those transactions, and what it wrote ("people: 250 records", "index ..."). */
  longest: { ms: number; what: string };
  /** Transactions of SLOW_TRANSACTION_MS or more, with what they wrote (the benchmark names them). */
  slow: { ms: number; what: string }[];
}

/** A write transaction this long keeps the app's connection waiting noticeably (issue 16's bound). */
export const SLOW_TRANSACTION_MS = 250;

/** What one transaction did for one batch (or one slice of it). */
export type UnitResult = Omit<BatchResult, 'ms' | 'cpuMs' | 'transactions' | 'longest' | 'slow'>;

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

export interface UnitRunner {
  /** Runs the ops of one unit (a batch, or a slice of one) inside the caller's transaction, and the summary. */
  run(unit: WriteBatch): UnitResult;
  /** The unit with its records' statement values made (before its transaction; no database access). */
  prepare(unit: WriteBatch): WriteBatch;
}

/** Statements are prepared once, for one instance. */
export function createUnitRunner(db: DB, instanceId: string): UnitRunner {
  const writers = createWriters(db, instanceId);
  const seen = new Map<SyncEntity, ReturnType<typeof seenStatements>>();
  const seenOf = (entity: SyncEntity) => {
    let s = seen.get(entity);
    if (!s) seen.set(entity, (s = seenStatements(db, instanceId, entity)));
    return s;
  };

  const prepare = (unit: WriteBatch): WriteBatch => ({
    ...unit,
    ops: unit.ops.map((op) =>
      op.op === 'apply' && !op.prepared ? { ...op, prepared: writers[op.entity].prepare(op.records) } : op,
    ),
  });

  const run = (batch: WriteBatch): UnitResult => {
    const counts: PageCounts = {};
    let rows = 0;
    let unseenLastId: number | null | undefined;
    let cursor: SyncCursor | undefined;
    let bulk = false;
    for (const op of batch.ops) {
      switch (op.op) {
        case 'apply':
          addCounts(counts, writers[op.entity].apply(op.records, batch.at, op.prepared));
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
          if (bulk) cursor = { ...cursor, bulk: true };
          saveSyncCursor(db, cursor);
          break;
        case 'endPass':
          cursor = {
            ...op.cursor,
            lastCount: writers[op.cursor.entity].count(),
            completedAt: batch.at,
            bulk: false,
          };
          saveSyncCursor(db, cursor);
          break;
        case 'deferIndexes':
          bulk = deferIndexes(db, op.entity).empty;
          break;
        case 'restoreIndexes':
        case 'compactSearch':
          throw new Error(`${op.op} runs before the transaction of its batch (write-executor.ts)`);
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
  return { run, prepare };
}
