/** What an action gets to work with, and the small helpers every action shares. */
import { ERROR_TEXTS } from '../../protocol';
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
  if (type === 'user' || type === 'company' || type === 'levelone' || type === 'transactions')
    return ctx.core.tables[type];
  throw new SandboxError(ERROR_TEXTS.notFound, `no records of type ${type}`);
}

/**
 * Already-serialized JSON inside a response body. A 1,000-record page built as objects and then
 * stringified spent most of its time allocating; writing the JSON text directly halves a page.
 */
export class RawJson {
  constructor(readonly json: string) {}
  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** A response body as JSON text, splicing RawJson values in as they are. */
export function serializeBody(body: unknown): string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return JSON.stringify(body);
  const parts = Object.entries(body as Record<string, unknown>).map(
    ([k, v]) => `${JSON.stringify(k)}:${v instanceof RawJson ? v.json : JSON.stringify(v)}`,
  );
  return `{${parts.join(',')}}`;
}

/** Records of `rows` with the function's fields, `recordid` first, as a JSON array. */
export function renderRows(table: Table, fieldNames: readonly string[], rows: ArrayLike<number>): RawJson {
  const resolved = resolveFields(table, fieldNames);
  if ('unknown' in resolved)
    throw new SandboxError(ERROR_TEXTS.list, `field ${resolved.unknown} is unknown to ${table.name}`);
  const prefixes = resolved.fields.map(({ key }) => `,${JSON.stringify(key)}:`);
  const defs = resolved.fields.map(({ def }) => def);
  let out = '[';
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] ?? 0;
    out += `${k === 0 ? '' : ','}{"recordid":${JSON.stringify(table.recordId(row))}`;
    for (let i = 0; i < defs.length; i++) {
      const value = defs[i]!.wire(row);
      out += prefixes[i]! + (value === null ? 'null' : JSON.stringify(value));
    }
    out += '}';
  }
  return new RawJson(`${out}]`);
}

/** A record id parameter: digits only, else the record cannot exist. */
export function idParam(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (!/^\d{1,15}$/.test(text)) throw new SandboxError(ERROR_TEXTS.notFound, `record id "${text}"`);
  return Number(text);
}

/** Seconds resolution, as the wire shows times. */
export const stamp = (now: number): number => Math.floor(now / 1000) * 1000;
