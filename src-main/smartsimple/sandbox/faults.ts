/**
 * Fault injection for tests: latency, HTTP 500, connection reset, a request that never gets an
 * answer, a malformed body, one bad record in a batch, and hourly-limit exhaustion. A fault waits
 * for the next request that matches it and is used up after `times` requests. `when: 'after'`
 * lets the action run first, so the client cannot know whether its write landed.
 */
import type { Action } from '../protocol';

export const FAULT_KINDS = ['latency', 'http500', 'reset', 'timeout', 'malformed', 'badRecord', 'hourlyLimit'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** Requests it affects before it is used up. Default 1. */
  times?: number;
  /**
   * Which requests it hits: a function, an action, and `minPageSize` for pages of at least that
   * many records (a server that fails or slows down on big pages).
   */
  match?: { function?: string; action?: Action; minPageSize?: number };
  /** Default 'before'. badRecord and hourlyLimit always act before the action. */
  when?: 'before' | 'after';
  /** For latency. */
  ms?: number;
  /** For badRecord: which record of the batch fails (1-based). Default: the last one. */
  recordIndex?: number;
}

export interface ActiveFault extends Required<Pick<FaultSpec, 'kind' | 'when'>> {
  id: number;
  remaining: number;
  match: FaultSpec['match'];
  ms: number;
  recordIndex: number | undefined;
}

export class FaultController {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private latency = 0;

  add(spec: FaultSpec): number {
    const id = this.nextId++;
    this.faults.push({
      id,
      kind: spec.kind,
      when: spec.kind === 'badRecord' || spec.kind === 'hourlyLimit' ? 'before' : (spec.when ?? 'before'),
      remaining: Math.max(1, spec.times ?? 1),
      match: spec.match,
      ms: spec.ms ?? 0,
      recordIndex: spec.recordIndex,
    });
    return id;
  }

  remove(id: number): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }
  clear(): void {
    this.faults = [];
    this.latency = 0;
  }
  /** Latency added to every response. */
  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }
  globalLatency(): number {
    return this.latency;
  }
  pending(): readonly ActiveFault[] {
    return this.faults;
  }

  /**
   * Uses up and returns the faults of `phase` that match this request. badRecord is taken only
   * by writes (`kinds` lets the update action ask for it alone).
   */
  take(
    phase: 'before' | 'after',
    request: { function?: string; action?: Action; pageSize?: number },
    kinds?: readonly FaultKind[],
  ): ActiveFault[] {
    const taken: ActiveFault[] = [];
    for (const fault of this.faults) {
      if (fault.when !== phase || fault.remaining <= 0) continue;
      if (kinds ? !kinds.includes(fault.kind) : fault.kind === 'badRecord') continue;
      if (fault.match?.function !== undefined && fault.match.function !== request.function) continue;
      if (fault.match?.action !== undefined && fault.match.action !== request.action) continue;
      if (fault.match?.minPageSize !== undefined && (request.pageSize ?? 0) < fault.match.minPageSize) continue;
      fault.remaining--;
      taken.push(fault);
    }
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return taken;
  }
}
