/**
 * Every request the sandbox saw, and every write it applied: what a test reads to prove that a
 * retried update was not applied twice, that a refused call did not count, or which fault fired.
 */
import { createHash } from 'node:crypto';
import type { Action } from '../protocol';
import type { FaultKind } from './faults';

export interface WriteOutcome {
  recordid: string;
  applied: boolean;
  status: string;
}

export interface RequestLogEntry {
  seq: number;
  time: number;
  method: string;
  path: string;
  type: string;
  function?: string;
  action?: Action;
  /** Records a paged request asked for (List, Report-Query, Associations-List). */
  pageSize?: number;
  /** 'ok', 'partial' (per-record batch with failures), the error text, or `fault:<kind>`. */
  outcome: string;
  /** What the action answered when an 'after' fault replaced the response. */
  actionOutcome?: string;
  /** Why an error happened (never on the wire). */
  detail?: string;
  status: number | null;
  faults: FaultKind[];
  /** Counted toward the hourly limit. */
  counted: boolean;
  writes?: WriteOutcome[];
}

export interface AppliedWrite {
  seq: number;
  function: string;
  op: 'create' | 'update' | 'delete' | 'associate';
  recordid: string;
  /** sha1 of the record as sent (keys sorted), 16 hex digits. */
  payloadHash: string;
}

export function payloadHash(payload: unknown): string {
  const canonical = JSON.stringify(payload, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
  return createHash('sha1').update(canonical).digest('hex').slice(0, 16);
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  readonly applied: AppliedWrite[] = [];
  private seq = 0;

  begin(method: string, path: string, time: number): RequestLogEntry {
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      time,
      method,
      path,
      type: '',
      outcome: 'pending',
      status: null,
      faults: [],
      counted: false,
    };
    this.entries.push(entry);
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
    this.applied.length = 0;
  }
}
