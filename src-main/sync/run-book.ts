/**
 * The running account of one sync run: its summary (saved in the same transaction as every page,
 * so a crash loses neither rows nor counts), the calls made since the last save, and how long the
 * SQLite writes took (for the benchmark's write rate and the event-loop budget).
 */
import { performance } from 'node:perf_hooks';
import { saveSyncRunSummary } from '../db/queries/mirror-sync';
import type { DB } from '../db/open';
import type { SmartConnectClient } from '../smartsimple/client';
import type { PageCounts } from './write-common';
import { addCounts } from './write-common';
import type { SyncSummary } from './types';

export interface WriteTiming {
  /** Time inside write transactions. */
  writeMs: number;
  /** Longest single transaction (what one page costs the event loop). */
  maxWriteMs: number;
  /** Records written (applied, whether or not they changed anything). */
  rows: number;
  transactions: number;
}

export class RunBook {
  readonly timing: WriteTiming = { writeMs: 0, maxWriteMs: 0, rows: 0, transactions: 0 };
  private callsMark: number;

  constructor(
    private readonly db: DB,
    readonly runId: number,
    public summary: SyncSummary,
    private readonly client: SmartConnectClient,
  ) {
    this.callsMark = client.stats().calls;
  }

  /**
   * Runs `fn` in one transaction that also saves the summary. If it fails, the in-memory summary
   * goes back to what the database still holds.
   */
  write<T>(fn: () => T, rows = 0): T {
    const snapshot = structuredClone(this.summary);
    const mark = this.callsMark;
    const started = performance.now();
    try {
      const out = this.db.transaction(() => {
        const result = fn();
        saveSyncRunSummary(this.db, this.runId, this.summary);
        return result;
      }).immediate();
      const ms = performance.now() - started;
      this.timing.writeMs += ms;
      this.timing.maxWriteMs = Math.max(this.timing.maxWriteMs, ms);
      this.timing.rows += rows;
      this.timing.transactions++;
      return out;
    } catch (e) {
      this.summary = snapshot;
      this.callsMark = mark;
      throw e;
    }
  }

  /** Calls made since the last time this was asked; counted into the summary. Call inside write(). */
  takeCalls(): number {
    const now = this.client.stats().calls;
    const calls = now - this.callsMark;
    this.callsMark = now;
    this.summary.calls += calls;
    return calls;
  }

  /** Counts a page's outcome. Call inside write(). */
  add(counts: PageCounts, records: number): void {
    addCounts(this.summary.kinds, counts);
    this.summary.records += records;
  }

  /** A step finished. Call inside write(). */
  done(key: string): void {
    if (!this.summary.done.includes(key)) this.summary.done.push(key);
  }

  /** Saves calls made since the last page (a failed or cancelled call still used the budget). */
  flushCalls(): void {
    if (this.client.stats().calls === this.callsMark) return;
    this.write(() => void this.takeCalls());
  }
}

/** Gives the event loop a turn between pages: timers, IPC and progress events get through. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
