/**
 * The job runner for long work (sync, apply, scans): progress events, cancel, and a history row
 * per job. A job's work function gets an AbortSignal and a progress reporter; progress events are
 * throttled so a tight loop cannot flood the renderer.
 */
import { randomUUID } from 'node:crypto';
import type { ApiError, JobInfo } from '../../src-preload/contract';
import { listJobs, markInterruptedJobs, saveJob } from './store';
import type { DB } from '../db/open';
import { conflict } from '../errors/app-error';
import { toApiError } from '../errors/to-api-error';
import type { Logger } from '../log/logger';

export interface JobContext {
  readonly signal: AbortSignal;
  /** Reports progress; `total` stays as it was when omitted. */
  progress(done: number, total?: number | null, message?: string | null): void;
  /** Throws a CANCELLED error when the job was cancelled. */
  throwIfCancelled(): void;
}

export interface StartJobOptions {
  kind: string;
  title: string;
  instanceId?: string | null;
  total?: number | null;
  /**
   * Work that must not run twice at once (`sync:<instance>`, `apply:<instance>`): while a job
   * holding the key runs, starting another with it is refused with `busyMessage` (CONFLICT).
   */
  exclusive?: { key: string; busyMessage: string };
}

export interface JobsService {
  start(options: StartJobOptions, work: (ctx: JobContext) => Promise<string | void>): JobInfo;
  /** Start-up: marks jobs a previous process left running as failed (interrupted); returns how many. */
  sweepInterrupted(): number;
  /** The running job holding an exclusive key, if any. */
  holder(key: string): JobInfo | undefined;
  cancel(id: string): JobInfo | undefined;
  get(id: string): JobInfo | undefined;
  list(): JobInfo[];
  /** Resolves when the job ends, with its final state. */
  wait(id: string): Promise<JobInfo>;
  /** Cancels every running job and waits for them to end. */
  shutdown(): Promise<void>;
}

export interface JobsServiceOptions {
  db: DB;
  emit: (job: JobInfo) => void;
  logger: Logger;
  /** Minimum time between progress events of one job. */
  throttleMs?: number;
}

interface Running {
  info: JobInfo;
  exclusiveKey: string | null;
  controller: AbortController;
  finished: Promise<JobInfo>;
  lastEmit: number;
  pendingEmit: NodeJS.Timeout | null;
}

/** What one runner's jobs share: the running set and how a job's state is published and saved. */
interface RunnerState {
  db: DB;
  logger: Logger;
  running: Map<string, Running>;
  publish(r: Running, force?: boolean): void;
  finish(r: Running, state: JobInfo['state'], message: string | null, error: ApiError | null): JobInfo;
}

export function createJobsService({ db, emit, logger, throttleMs = 100 }: JobsServiceOptions): JobsService {
  const running = new Map<string, Running>();
  const publish = (r: Running, force = false) => {
    const now = Date.now();
    if (!force && now - r.lastEmit < throttleMs) {
      r.pendingEmit ??= setTimeout(
        () => {
          r.pendingEmit = null;
          publish(r, true);
        },
        throttleMs - (now - r.lastEmit),
      );
      return;
    }
    if (r.pendingEmit) {
      clearTimeout(r.pendingEmit);
      r.pendingEmit = null;
    }
    r.lastEmit = now;
    emit({ ...r.info });
  };
  const finish: RunnerState['finish'] = (r, state, message, error) => {
    // A progress update still held back by the throttle goes out first: the last running figures
    // (records, calls) are what the live view ends on, not an earlier event's.
    if (r.pendingEmit) publish(r, true);
    r.info = { ...r.info, state, message: message ?? r.info.message, error, finishedAt: new Date().toISOString() };
    saveJob(db, r.info);
    publish(r, true);
    running.delete(r.info.id);
    return r.info;
  };
  const state: RunnerState = { db, logger, running, publish, finish };
  return { start: (options, work) => startJob(state, options, work), ...queries(state) };
}

const holderOf = (running: Map<string, Running>, key: string) =>
  [...running.values()].find((r) => r.exclusiveKey === key);

function startJob(state: RunnerState, options: StartJobOptions, work: (ctx: JobContext) => Promise<string | void>) {
  const { running, publish, finish } = state;
  if (options.exclusive && holderOf(running, options.exclusive.key)) throw conflict(options.exclusive.busyMessage);
  const info: JobInfo = {
    id: randomUUID(),
    kind: options.kind,
    title: options.title,
    state: 'running',
    done: 0,
    total: options.total ?? null,
    message: null,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  saveJob(state.db, info, options.instanceId ?? null);
  const controller = new AbortController();
  const r: Running = {
    info,
    exclusiveKey: options.exclusive?.key ?? null,
    controller,
    finished: Promise.resolve(info),
    lastEmit: 0,
    pendingEmit: null,
  };
  const ctx: JobContext = {
    signal: controller.signal,
    progress(done, total, message) {
      r.info = {
        ...r.info,
        done,
        total: total === undefined ? r.info.total : total,
        message: message === undefined ? r.info.message : message,
      };
      publish(r);
    },
    throwIfCancelled() {
      if (controller.signal.aborted) throw cancelledError();
    },
  };
  running.set(info.id, r);
  publish(r, true);
  r.finished = (async () => {
    // Let the caller receive the job id before the work starts.
    await Promise.resolve();
    try {
      const summary = await work(ctx);
      if (controller.signal.aborted) return finish(r, 'cancelled', 'Cancelled.', null);
      return finish(r, 'succeeded', summary ?? null, null);
    } catch (err) {
      if (controller.signal.aborted) return finish(r, 'cancelled', 'Cancelled.', null);
      const apiError = toApiError(err);
      state.logger.error('job failed', { kind: info.kind, id: info.id, error: err });
      return finish(r, 'failed', apiError.message, apiError);
    }
  })();
  return { ...info };
}

function queries({ db, logger, running }: RunnerState): Omit<JobsService, 'start'> {
  return {
    sweepInterrupted() {
      const interrupted = markInterruptedJobs(db, new Date().toISOString());
      if (interrupted > 0) logger.warn('jobs interrupted by the previous run', { count: interrupted });
      return interrupted;
    },
    holder(key) {
      const r = holderOf(running, key);
      return r ? { ...r.info } : undefined;
    },
    cancel(id) {
      const r = running.get(id);
      if (!r) return undefined;
      r.controller.abort();
      return { ...r.info };
    },
    get(id) {
      const r = running.get(id);
      if (r) return { ...r.info };
      return listJobs(db, 200).find((j) => j.id === id);
    },
    list() {
      const live = [...running.values()].map((r) => ({ ...r.info }));
      const liveIds = new Set(live.map((j) => j.id));
      return [...live, ...listJobs(db).filter((j) => !liveIds.has(j.id))];
    },
    async wait(id) {
      const r = running.get(id);
      if (r) return r.finished;
      const done = listJobs(db, 200).find((j) => j.id === id);
      if (!done) throw new Error(`No job ${id}`);
      return done;
    },
    async shutdown() {
      const all = [...running.values()];
      for (const r of all) r.controller.abort();
      await Promise.all(all.map((r) => r.finished));
    },
  };
}

export function cancelledError(): Error {
  const err = new Error('Cancelled.');
  err.name = 'AbortError';
  return err;
}
