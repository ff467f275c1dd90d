/** What an action gets to work with, and the small helpers every action shares. */
import { ERROR_TEXTS, type WireRecord } from '../../protocol';
import type { SandboxClock } from '../clock';
import type { ApiCredentials } from '../credentials';
import { type ErrorStyle, SandboxError } from '../errors';
import type { FaultController } from '../faults';
import type { FunctionIndex, RegisteredFunction } from '../functions';
import type { Person } from '../model';
import type { QueryCache } from '../query';
import type { RollingWindow } from '../rate-limit';
import type { ReportName } from '../report-tables';
import type { RequestLog, RequestLogEntry } from '../request-log';
import type { InstanceState } from '../state';
import { resolveFields, type Table } from '../table';

/** Behaviour a test may change while the sandbox runs (`handle.settings`). */
export interface SandboxSettings {
  errorStyle: ErrorStyle;
  /**
   * One bad record in an Update/Associations-Update batch: 'all-or-nothing' (default) refuses the
   * whole call with the record error and applies nothing; 'per-record' applies the good records
   * and gives the bad one the error text as its status (the call itself answers normally).
   */
  partialBatch: 'all-or-nothing' | 'per-record';
  hourlyLimit: number;
  /** Refuse plain-http calls with the https error. Off by default: the sandbox lives on loopback. */
  requireHttps: boolean;
}

export type RecordTableType = 'user' | 'company' | 'levelone' | 'transactions';

export interface ServerCore {
  state: InstanceState;
  functions: FunctionIndex;
  tables: Record<RecordTableType, Table>;
  reports: Record<ReportName, Table>;
  queries: QueryCache;
  faults: FaultController;
  log: RequestLog;
  settings: SandboxSettings;
  clock: SandboxClock;
  credentials: ApiCredentials;
  limiter: RollingWindow;
}

export interface ActionContext {
  core: ServerCore;
  fn: RegisteredFunction;
  params: Readonly<Record<string, string>>;
  now: number;
  apiUser: Person;
  entry: RequestLogEntry;
}

export interface ActionResult {
  body: Record<string, unknown>;
  /** 'ok' unless said otherwise ('partial'). */
  outcome?: string;
}

export function recordTableOf(ctx: ActionContext): Table {
  const type = ctx.fn.spec.type;
  if (type === 'user' || type === 'company' || type === 'levelone' || type === 'transactions') return ctx.core.tables[type];
  throw new SandboxError(ERROR_TEXTS.notFound, `no records of type ${type}`);
}

/** Records of `rows` with the function's fields, `recordid` first. */
export function renderRows(table: Table, fieldNames: readonly string[], rows: ArrayLike<number>): WireRecord[] {
  const resolved = resolveFields(table, fieldNames);
  if ('unknown' in resolved) throw new SandboxError(ERROR_TEXTS.list, `field ${resolved.unknown} is unknown to ${table.name}`);
  const out: WireRecord[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] ?? 0;
    const record: WireRecord = { recordid: table.recordId(row) };
    for (const { key, def } of resolved.fields) record[key] = def.wire(row);
    out[k] = record;
  }
  return out;
}

/** A record id parameter: digits only, else the record cannot exist. */
export function idParam(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (!/^\d{1,15}$/.test(text)) throw new SandboxError(ERROR_TEXTS.notFound, `record id "${text}"`);
  return Number(text);
}

/** Seconds resolution, as the wire shows times. */
export const stamp = (now: number): number => Math.floor(now / 1000) * 1000;
