/**
 * The running account of one sync run: every write goes through `commit`, which sends a batch to
 * the page store with the calls made since the previous batch, so the summary (kept by the batch
 * executor in the same transaction as the rows) never loses a call or a count; and the time the
 * writes took, for the benchmark's write rate.
 */
import type { SmartConnectClient } from '../smartsimple/client';
import type { PageStore } from './page-store';
import type { BatchResult, WriteOp } from './write-batch';
import type { SyncEntity, SyncSummary } from './types';

export interface WriteTiming {
  /** Time inside write transactions (in the worker when there is one), index builds and checkpoints. */
  writeMs: number;
  /** The same in the writing thread's CPU time (Linux; null elsewhere). */
  writeCpuMs: number | null;
  /** Longest single transaction, and what it wrote. */
  maxWriteMs: number;
  longestWrite: string;
  /** Every transaction of SLOW_TRANSACTION_MS or more, with what it wrote. */
  slowWrites: { ms: number; what: string }[];
  /** Records written (applied, whether or not they changed anything). */
  rows: number;
  transactions: number;
  /** How long each write transaction took, in order. */
  transactionMs: number[];
  /** Where the store ran: a worker thread or the main thread. */
  writer: PageStore['kind'];
  /** CPU time of the write worker's thread (Linux; null inline or elsewhere). */
  writerCpuMs: number | null;
  /** How often the worker waited for the app's connection to write first, and for how long (null inline). */
  gaveWay: { times: number; ms: number } | null;
  /** Page writes per entity. */
  byEntity: Partial<Record<SyncEntity, { rows: number; ms: number; cpuMs: number | null }>>;
}

export class RunBook {
  readonly timing: WriteTiming;
  private callsMark: number;
  private lastTransaction = 0;

  constructor(
    readonly runId: number,
    public summary: SyncSummary,
    private readonly client: SmartConnectClient,
    private readonly store: PageStore,
    private readonly now: () => string,
  ) {
    this.callsMark = client.stats().calls;
    this.timing = {
      writeMs: 0,
      writeCpuMs: 0,
      maxWriteMs: 0,
      longestWrite: '',
      slowWrites: [],
      rows: 0,
      transactions: 0,
      transactionMs: [],
      writer: store.kind,
      writerCpuMs: null,
      gaveWay: null,
      byEntity: {},
    };
  }

  get writer(): PageStore['kind'] {
    return this.store.kind;
  }

  /**
   * The calls made since the last batch, taken now: a batch that is sent while the next page is
   * already being fetched carries the calls made up to its own page.
   */
  private takeCalls(): { calls: number; mark: number } {
    const mark = this.client.stats().calls;
    const calls = mark - this.callsMark;
    this.callsMark = mark;
    return { calls, mark };
  }

  /** One transaction: `ops`, the calls made since the last one, and the summary. */
  async commit(ops: WriteOp[], options: { done?: string; entity?: SyncEntity } = {}): Promise<BatchResult> {
    const { calls } = this.takeCalls();
    let result: BatchResult;
    try {
      result = await this.store.commit({ runId: this.runId, at: this.now(), ops, calls, done: options.done });
    } catch (e) {
      // Not saved: the next batch (or the final flush) carries them.
      this.callsMark -= calls;
      throw e;
    }
    this.summary = result.summary;
    const t = this.timing;
    t.writeMs += result.ms;
    t.writeCpuMs = t.writeCpuMs === null || result.cpuMs === null ? null : t.writeCpuMs + result.cpuMs;
    if (result.longest.ms > t.maxWriteMs) {
      t.maxWriteMs = result.longest.ms;
      t.longestWrite = result.longest.what;
    }
    t.slowWrites.push(...result.slow);
    t.rows += result.rows;
    // Numbers rise; batches written together share theirs.
    for (const { id, ms } of result.transactions) {
      if (id > this.lastTransaction) {
        t.transactions++;
        t.transactionMs.push(ms);
        this.lastTransaction = id;
      }
    }
    if (options.entity && result.rows > 0) {
      const e = (t.byEntity[options.entity] ??= { rows: 0, ms: 0, cpuMs: 0 });
      e.rows += result.rows;
      e.ms += result.ms;
      e.cpuMs = e.cpuMs === null || result.cpuMs === null ? null : e.cpuMs + result.cpuMs;
    }
    return result;
  }

  /** Saves calls made since the last batch (a failed or cancelled call used the budget too). */
  async flushCalls(): Promise<void> {
    if (this.client.stats().calls !== this.callsMark) await this.commit([]);
  }
}

/** Gives the event loop a turn between pages: timers, IPC and progress events get through. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
