/**
 * Progress of a sync for the job runner: records done of the expected total, calls made, and the
 * time left, estimated in calls (the network and the hourly budget set the pace, not SQLite).
 */
import type { JobContext } from '../jobs/jobs-service';
import type { WaitEvent } from '../smartsimple/client';
import { ENTITY_LABELS } from './entities';
import type { SyncEntity } from './types';
import { clockTime } from './wait-relay';
import { formatDuration } from '../../src-preload/shared/format-duration';

export interface StepEstimate {
  key: string;
  entity: SyncEntity;
  records: number;
  calls: number;
}

interface StepState extends StepEstimate {
  recordsDone: number;
  callsDone: number;
  finished: boolean;
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

export class SyncProgress {
  private readonly steps = new Map<string, StepState>();
  private readonly startedMs: number;
  private calls = 0;
  private current: string | null = null;
  private waitingUntil: number | null = null;
  private readonly counterBase: number;

  /** Calls made by this run so far (with those before a resume). */
  callsSoFar(): number {
    const mine = this.callCounter ? this.callCounter() - this.counterBase : this.calls;
    return mine + this.priorCalls;
  }

  constructor(
    private readonly ctx: JobContext,
    private readonly clock: () => number,
    estimates: readonly StepEstimate[],
    /** Calls of this run already made before a resume (not part of the pace). */
    private readonly priorCalls = 0,
    /**
     * The client's own call counter: the live count is then the one the run's summary keeps
     * (every call, retries and checks included), so the two agree.
     */
    private readonly callCounter?: () => number,
  ) {
    this.startedMs = clock();
    this.counterBase = callCounter?.() ?? 0;
    for (const e of estimates) this.steps.set(e.key, { ...e, recordsDone: 0, callsDone: 0, finished: false });
  }

  /** A step a resumed run already finished. */
  skip(key: string): void {
    const s = this.steps.get(key);
    if (s) Object.assign(s, { finished: true, recordsDone: s.records, callsDone: s.calls });
  }

  /** What the server said the step will bring (its first page's allcount). */
  refine(key: string, records: number, calls: number): void {
    const s = this.steps.get(key);
    if (!s) return;
    s.records = Math.max(records, s.recordsDone);
    s.calls = Math.max(calls, s.callsDone);
    this.emit();
  }

  start(key: string): void {
    this.current = key;
    this.emit();
  }

  page(key: string, records: number, calls: number): void {
    const s = this.steps.get(key);
    if (s) {
      s.recordsDone += records;
      s.callsDone += calls;
    }
    this.calls += calls;
    this.waitingUntil = null;
    this.emit();
  }

  finish(key: string): void {
    const s = this.steps.get(key);
    if (s) {
      s.finished = true;
      s.records = s.recordsDone;
      s.calls = s.callsDone;
    }
    this.emit();
  }

  /** The client is waiting for the hourly limit. */
  wait(event: WaitEvent): void {
    this.waitingUntil = event.until;
    this.emit();
  }

  private emit(): void {
    const all = [...this.steps.values()];
    const done = all.reduce((n, s) => n + s.recordsDone, 0);
    const total = all.reduce((n, s) => n + Math.max(s.records, s.recordsDone), 0);
    if (this.waitingUntil !== null) {
      this.ctx.progress(done, total, `Waiting for the SmartSimple hourly limit until ${clockTime(this.waitingUntil)}`);
      return;
    }
    const s = this.current ? this.steps.get(this.current) : undefined;
    const parts: string[] = [];
    if (s)
      parts.push(
        `${ENTITY_LABELS[s.entity]}: ${number(s.recordsDone)} of ${number(Math.max(s.records, s.recordsDone))}`,
      );
    parts.push(`${number(this.callsSoFar())} calls`);
    const left = this.timeLeftMs(all);
    if (left !== null) parts.push(`about ${formatDuration(left)} left`);
    this.ctx.progress(done, total, parts.join(' · '));
  }

  /** Calls still expected times the pace so far; null until there is a pace. */
  private timeLeftMs(all: StepState[]): number | null {
    if (this.calls < 2) return null;
    const perCall = (this.clock() - this.startedMs) / this.calls;
    const callsLeft = all.reduce((n, s) => n + (s.finished ? 0 : Math.max(0, s.calls - s.callsDone)), 0);
    return callsLeft * perCall;
  }
}
