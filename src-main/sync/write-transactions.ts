/**
 * Runs and times the sync's write transactions: each gets a number, its wall-clock and CPU time
 * are charged to the batches written in it, the longest is remembered with what it wrote, and
 * (where automatic checkpoints are off) a passive checkpoint runs between transactions every so
 * often: it copies the log back into the file without holding the write lock, where an automatic
 * one would run inside a commit.
 */
import type { DB } from '../db/open';
import { SLOW_TRANSACTION_MS, type BatchResult, type UnitResult } from './write-batch';
import { addCounts } from './write-common';
import { threadCpuMs } from './thread-cpu';
import { DecayingRate } from './write-slicer';

/** A batch's result as its transactions add up. */
export type BatchAcc = BatchResult;

export const emptyAcc = (): BatchAcc => ({
  counts: {},
  summary: { kinds: {} as BatchResult['summary']['kinds'], calls: 0, records: 0, done: [], resumes: 0 },
  ms: 0,
  cpuMs: 0,
  rows: 0,
  transactions: [],
  longest: { ms: 0, what: '' },
  slow: [],
});

/** What one unit of a batch did, added to the batch's result. */
export function mergeUnit(acc: BatchAcc, r: UnitResult): void {
  addCounts(acc.counts, r.counts);
  acc.rows += r.rows;
  acc.summary = r.summary;
  if (r.unseenLastId !== undefined) acc.unseenLastId = r.unseenLastId;
  if (r.cursor) acc.cursor = r.cursor;
}

/** Time a batch spent, wall clock and CPU (a share of a transaction, or work of its own). */
export function charge(acc: BatchAcc, ms: number, cpuMs: number | null): void {
  acc.ms += ms;
  acc.cpuMs = acc.cpuMs === null || cpuMs === null ? null : acc.cpuMs + cpuMs;
}

/** A batch was (partly) written in transaction `id`, which took `ms` and wrote `what`. */
function noteTransaction(acc: BatchAcc, id: number, ms: number, what: string): void {
  if (acc.transactions[acc.transactions.length - 1]?.id !== id) acc.transactions.push({ id, ms });
  if (ms > acc.longest.ms) acc.longest = { ms, what };
  if (ms >= SLOW_TRANSACTION_MS && acc.slow.at(-1)?.what !== what) acc.slow.push({ ms, what });
}

/** Runs `work` and measures it on the wall clock and in this thread's CPU. */
export function measure<T>(work: () => T): { value: T; ms: number; cpuMs: number | null } {
  const started = performance.now();
  const cpuStart = threadCpuMs();
  const value = work();
  const ms = performance.now() - started;
  const cpuEnd = threadCpuMs();
  return { value, ms, cpuMs: cpuStart === null || cpuEnd === null ? null : cpuEnd - cpuStart };
}

export interface TransactionOptions {
  /** Run passive checkpoints between transactions (only where automatic checkpoints are off). */
  checkpoints?: boolean;
  /** Called before each transaction begins: the worker gives way to the app's writes there. */
  beforeTransaction?: () => void;
}

/** A checkpoint after this much transaction time, or this many transactions, since the last. */
const CHECKPOINT_AFTER_MS = 1000;
const CHECKPOINT_AFTER_TRANSACTIONS = 20;

/** The most a busy machine shrinks the work per transaction (see workBudgetMs). */
const MAX_STRETCH = 2;

export class TransactionClock {
  private count = 0;
  private sinceCheckpoint = { ms: 0, transactions: 0 };
  /**
   * The work of the last transaction: its CPU time where the platform tells it (the measure slices
   * are sized by: on a machine busy with other work, wall-clock time says more about the others
   * than about the writes), else its wall-clock time.
   */
  lastWorkMs = 0;
  /** Wall-clock and CPU time of recent transactions, decaying: how much the machine stretches them. */
  private readonly stretch = new DecayingRate();

  constructor(
    private readonly db: DB,
    private readonly options: TransactionOptions,
  ) {}

  /**
   * `work` in one IMMEDIATE transaction, its time shared out among the batches `sharesOf` names
   * (with their fractions); the last one also pays for a checkpoint that follows.
   */
  run<T>(
    work: () => T,
    sharesOf: (value: T) => readonly { acc: BatchAcc; share: number }[],
    what: (value: T) => string,
  ): T {
    this.options.beforeTransaction?.();
    const { value, ms, cpuMs } = measure(() => this.db.transaction(work).immediate());
    this.lastWorkMs = cpuMs ?? ms;
    // Wall-clock ms per CPU ms; tiny transactions say more about the clock's tick than the machine.
    if (cpuMs !== null && ms >= 5) this.stretch.record(Math.max(cpuMs, 0.5), ms);
    const id = ++this.count;
    const label = what(value);
    const shares = sharesOf(value);
    for (const { acc, share } of shares) {
      charge(acc, ms * share, cpuMs === null ? null : cpuMs * share);
      noteTransaction(acc, id, ms, label);
    }
    const last = shares[shares.length - 1];
    if (last) this.checkpointMaybe(last.acc, ms);
    return value;
  }

  /**
   * The work (CPU where measured) a transaction may do to last about `budgetMs` on the wall clock:
   * on a machine busy with other processes a transaction's wall-clock time is its CPU time times
   * how much the others delay it, and the app's connection waits for the wall-clock time. Counted
   * down to half the budget at most: smaller slices cost more than they spare (each commit writes
   * its index pages again, each people slice leaves the search index a segment more; at a quarter,
   * the sync's CPU per record rose by a sixth at 20,000 people under load).
   */
  workBudgetMs(budgetMs: number): number {
    const stretch = Math.min(MAX_STRETCH, Math.max(1, this.stretch.value ?? 1));
    return budgetMs / stretch;
  }

  private checkpointMaybe(acc: BatchAcc, ms: number): void {
    if (!this.options.checkpoints) return;
    const since = { ms: this.sinceCheckpoint.ms + ms, transactions: this.sinceCheckpoint.transactions + 1 };
    this.sinceCheckpoint = since;
    if (since.ms < CHECKPOINT_AFTER_MS && since.transactions < CHECKPOINT_AFTER_TRANSACTIONS) return;
    const checkpoint = measure(() => this.db.pragma('wal_checkpoint(PASSIVE)'));
    charge(acc, checkpoint.ms, checkpoint.cpuMs);
    this.sinceCheckpoint = { ms: 0, transactions: 0 };
  }
}
