/**
 * After a write ended in 'unknown-outcome' (see writes.ts), find out what the server did before
 * anything is resent:
 * - updates of existing records: read them back; a record whose intended values are all there is
 *   'applied', otherwise 'not-applied' (safe to resend). Fields the read does not return cannot be
 *   checked and are skipped; a field the server stores differently than it was written (an id
 *   written, a name read) shows as 'not-applied', which only costs a harmless resend.
 * - creates: look each record up by a caller-given natural key (e.g. `sf_Email`): one match is
 *   'applied' with its new id, none 'not-applied', several 'ambiguous' (a person who already existed
 *   with that key: the caller checked for duplicates before creating, so ask the administrator).
 * - deletes: a record still listed is 'not-applied', a record gone is 'applied'.
 * - associations-update: 'unverifiable' here; the caller compares associationsList itself.
 */
import type { WireRecord } from '../protocol';
import {
  ROLE_LIST_READ_FIELD,
  ROLE_LIST_WRITE_FIELD,
  SERVER_MAINTAINED_FIELDS,
  WRITE_FIELD_READ_NAMES,
  parseRoleList,
} from '../protocol';
import type { IndexedInput, PartialWrite } from './errors';
import { SmartConnectError, SmartConnectUsageError } from './errors';
import type { CallOptions, ListOptions } from './reads';
import { idCriteria } from './read-modify-write';

export type ReconcileState = 'applied' | 'not-applied' | 'missing' | 'ambiguous' | 'unverifiable';

export interface ReconcileEntry {
  /** Index in the original write call's input. */
  index: number;
  state: ReconcileState;
  /** The record's id (for a create found by its key: the new id). */
  recordid?: string;
  /** Update: fields whose read-back value differs from the intended one. */
  differing?: string[];
  /** Create: the ids that matched the natural key. */
  candidates?: string[];
  /** The item as it was sent. */
  item: Record<string, unknown>;
}

export interface ReconcileReport {
  entries: ReconcileEntry[];
  /** Items that certainly did not reach the server's data: resend these (as a new call). */
  safeToResend: IndexedInput[];
}

/** What the reconcile helpers need from the client. */
export interface ReconcileReader {
  readCurrent(readFn: string, ids: readonly string[], options?: CallOptions): Promise<Map<string, WireRecord>>;
  listAll(fn: string, options?: ListOptions): Promise<WireRecord[]>;
}

export interface ReconcileOptions extends CallOptions {
  /** A List (or Get) function that returns the written fields: for updates and deletes. */
  readFn: string;
  /** For creates: a List function and the field that identifies a new record (e.g. `sf_Email`). */
  listFn?: string;
  naturalKey?: string;
  /** How many key values per List call (default 100). */
  keysPerCall?: number;
  /**
   * Updates: the fields to compare when the write did not record what it changed (a plain
   * `update`); default every sent field except SERVER_MAINTAINED_FIELDS.
   */
  compareFields?: string[];
}

const ROLE_FIELDS = new Set([ROLE_LIST_READ_FIELD, ROLE_LIST_WRITE_FIELD]);

/** Whether a read-back value is what was written (dates written `yyyy-mm-dd` come back with a time). */
export function sameValue(field: string, intended: unknown, actual: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();
  if (ROLE_FIELDS.has(field)) {
    const a = new Set(parseRoleList(norm(intended)));
    const b = new Set(parseRoleList(norm(actual)));
    return a.size === b.size && [...a].every((x) => b.has(x));
  }
  const a = norm(intended);
  const b = norm(actual);
  if (a === b) return true;
  return /^\d{4}-\d{2}-\d{2}$/.test(a) && b.startsWith(a + ' ');
}

/**
 * Fields of `intended` that the read-back `actual` does not show. Only `fields` are compared when
 * given (what the caller changed); otherwise every sent field but those the server maintains.
 * Fields the read does not return are skipped.
 */
export function differingFields(
  intended: Record<string, unknown>,
  actual: WireRecord,
  fields?: readonly string[],
): string[] {
  const out: string[] = [];
  const only = fields ? new Set(fields) : undefined;
  for (const [field, value] of Object.entries(intended)) {
    if (field === 'recordid') continue;
    if (only ? !only.has(field) : SERVER_MAINTAINED_FIELDS.includes(field)) continue;
    const readName = WRITE_FIELD_READ_NAMES[field];
    const key = Object.prototype.hasOwnProperty.call(actual, field)
      ? field
      : readName && Object.prototype.hasOwnProperty.call(actual, readName)
        ? readName
        : undefined;
    if (key === undefined) continue;
    if (!sameValue(field, value, actual[key])) out.push(field);
  }
  return out;
}

export async function reconcileUpdates(
  reader: ReconcileReader,
  readFn: string,
  items: IndexedInput[],
  options: CallOptions & { compareFields?: string[] } = {},
): Promise<ReconcileEntry[]> {
  const ids = items.map(({ item }) => String(item.recordid ?? ''));
  const current = await reader.readCurrent(readFn, ids, options);
  return items.map(({ index, item, changed }): ReconcileEntry => {
    const recordid = String(item.recordid ?? '');
    const actual = current.get(recordid);
    if (!actual) return { index, state: 'missing', recordid, item };
    const differing = differingFields(item, actual, changed ?? options.compareFields);
    return { index, state: differing.length === 0 ? 'applied' : 'not-applied', recordid, differing, item };
  });
}

export async function reconcileCreates(
  reader: ReconcileReader,
  listFn: string,
  naturalKey: string,
  items: IndexedInput[],
  options: CallOptions & { keysPerCall?: number } = {},
): Promise<ReconcileEntry[]> {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim().toLowerCase();
  // Normalized key -> the value as the caller wrote it (what the criteria send).
  const keys = new Map<string, string>();
  for (const { item } of items) {
    const k = norm(item[naturalKey]);
    if (k !== '' && !keys.has(k)) keys.set(k, String(item[naturalKey]).trim());
  }
  const matches = new Map<string, string[]>();
  const perCall = options.keysPerCall ?? 100;
  const all = [...keys];
  for (let i = 0; i < all.length; i += perCall) {
    const chunk = all.slice(i, i + perCall);
    const wanted = new Set(chunk.map(([k]) => k));
    const records = await reader.listAll(listFn, {
      criteria: idCriteria(
        naturalKey,
        chunk.map(([, v]) => v),
      ),
      signal: options.signal,
    });
    for (const r of records) {
      const k = norm(r[naturalKey]);
      if (wanted.has(k)) matches.set(k, [...(matches.get(k) ?? []), String(r.recordid ?? '')]);
    }
  }
  return items.map(({ index, item }): ReconcileEntry => {
    const key = norm(item[naturalKey]);
    if (key === '') return { index, state: 'unverifiable', item };
    const candidates = matches.get(key) ?? [];
    if (candidates.length === 0) return { index, state: 'not-applied', candidates, item };
    if (candidates.length === 1) return { index, state: 'applied', recordid: candidates[0], candidates, item };
    return { index, state: 'ambiguous', candidates, item };
  });
}

export async function reconcileDeletes(
  reader: ReconcileReader,
  readFn: string,
  items: IndexedInput[],
  options: CallOptions = {},
): Promise<ReconcileEntry[]> {
  const ids = items.map(({ item }) => String(item.recordid ?? ''));
  const current = await reader.readCurrent(readFn, ids, options);
  return items.map(({ index, item }) => {
    const recordid = String(item.recordid ?? '');
    return { index, state: current.has(recordid) ? 'not-applied' : 'applied', recordid, item };
  });
}

/** Reconciles the batch in doubt of an 'unknown-outcome' error (or a PartialWrite). */
export async function reconcileUnknownOutcome(
  reader: ReconcileReader,
  error: SmartConnectError | PartialWrite,
  options: ReconcileOptions,
): Promise<ReconcileReport> {
  const partial = error instanceof SmartConnectError ? error.partial : error;
  if (!partial)
    throw new SmartConnectUsageError(
      'reconcileUnknownOutcome needs an error from a write call (it carries no partial write)',
    );
  const items = partial.inFlight;
  let entries: ReconcileEntry[];
  switch (partial.operation) {
    case 'update':
      entries = await reconcileUpdates(reader, options.readFn, items, options);
      break;
    case 'create':
      if (!options.naturalKey)
        throw new SmartConnectUsageError('reconciling creates needs a naturalKey (e.g. sf_Email)');
      entries = await reconcileCreates(reader, options.listFn ?? options.readFn, options.naturalKey, items, options);
      break;
    case 'delete':
      entries = await reconcileDeletes(reader, options.readFn, items, options);
      break;
    default:
      entries = items.map(({ index, item }) => ({ index, state: 'unverifiable', item }));
  }
  const resend = new Set(entries.filter((e) => e.state === 'not-applied').map((e) => e.index));
  return { entries, safeToResend: items.filter((x) => resend.has(x.index)) };
}
