/**
 * Full-replace helpers. SmartConnect's Update replaces every field of the function's field list,
 * so a change is: read the current records, overlay the change, send exactly the field list.
 *
 * Reading back by id: with a List function the ids go `or`-ed into one criteria list, up to
 * `idsPerCall` (default 100) per call, so n records cost ceil(n / 100) calls; a Get function costs
 * one call per record. List is never dearer (equal at n = 1), so pass a List function when there
 * is one; a Get function is accepted for instances that expose no List.
 */
import type { Criterion, FunctionSpec, WireRecord } from '../protocol';
import {
  ID_CRITERIA_FIELDS,
  ROLE_LIST_READ_FIELD,
  ROLE_LIST_WRITE_FIELD,
  WRITE_FIELD_READ_NAMES,
  formatRoleList,
  parseRoleList,
} from '../protocol';
import type { Core } from './core';
import type { WriteResult } from './errors';
import { SmartConnectError, SmartConnectUsageError } from './errors';
import type { CallOptions } from './reads';
import { pages } from './reads';
import type { WriteOptions } from './writes';
import { checkFields, writeBatches } from './writes';

export type FieldValues = Record<string, string | null>;

export interface RecordChange {
  recordid: string;
  /** New values by field name, or a function of the current record (e.g. `(cur) => withRoles(cur, ['14078'], [])`). */
  set: FieldValues | ((current: WireRecord) => FieldValues);
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The OR-ed criteria that select `ids` by the id field. */
export function idCriteria(field: string, ids: readonly string[]): Criterion[] {
  return ids.map((value, i) => ({ andor: i === 0 ? 'and' : 'or', field, operator: '=', value }));
}

/** A copy of `record` with roles added and removed, in both the read and the write field. */
export function withRoles(record: WireRecord, add: readonly string[], remove: readonly string[]): WireRecord {
  const current = has(record, ROLE_LIST_WRITE_FIELD) ? record[ROLE_LIST_WRITE_FIELD] : record[ROLE_LIST_READ_FIELD];
  const drop = new Set(remove.map((r) => r.trim()));
  const ids = [...parseRoleList(current), ...add].filter((id) => !drop.has(id.trim()));
  const list = formatRoleList(ids);
  return { ...record, [ROLE_LIST_READ_FIELD]: list, [ROLE_LIST_WRITE_FIELD]: list };
}

/**
 * The value of update field `field` for the write: the change, else the current record (under
 * the field's read name if it is written under another).
 */
function valueFor(field: string, set: FieldValues, current: WireRecord): { found: boolean; value: string | null } {
  const readName = WRITE_FIELD_READ_NAMES[field];
  if (has(set, field)) return { found: true, value: set[field] ?? null };
  if (readName && has(set, readName)) return { found: true, value: set[readName] ?? null };
  if (has(current, field)) return { found: true, value: current[field] ?? null };
  if (readName && has(current, readName)) return { found: true, value: current[readName] ?? null };
  return { found: false, value: null };
}

/** The full-replace record for one change, or a usage error naming what does not fit. */
export function overlay(
  fields: readonly string[],
  current: WireRecord,
  set: FieldValues,
  fnForErrors: string,
): WireRecord {
  const allowed = new Set(fields);
  const readNames = new Set(fields.map((f) => WRITE_FIELD_READ_NAMES[f]).filter((n): n is string => !!n));
  // A key the update cannot write is an error, unless it is an unchanged copy of the current value.
  const unwritable = Object.keys(set).filter(
    (k) => k !== 'recordid' && !allowed.has(k) && !readNames.has(k) && set[k] !== current[k],
  );
  if (unwritable.length > 0)
    throw new SmartConnectUsageError(`${fnForErrors} cannot write ${unwritable.join(', ')}: not in its field list`);
  const record: WireRecord = {};
  const missing: string[] = [];
  for (const field of fields) {
    const { found, value } = valueFor(field, set, current);
    if (!found) missing.push(field);
    record[field] = value;
  }
  if (missing.length > 0) {
    throw new SmartConnectUsageError(
      `${fnForErrors}: the read function does not return ${missing.join(', ')}, so the full-replace update cannot keep their values`,
    );
  }
  return record;
}

/** Records by id through a Get function: one call per id. */
async function readByGet(
  core: Core,
  readFn: string,
  spec: FunctionSpec,
  ids: readonly string[],
  options: CallOptions,
): Promise<Map<string, WireRecord>> {
  const found = new Map<string, WireRecord>();
  for (const id of ids) {
    core.throwIfCancelled(options.signal, readFn);
    try {
      const reply = await core.send({
        fn: readFn,
        spec,
        signal: options.signal,
        write: false,
        params: { recordid: id },
      });
      const record = Array.isArray(reply.body.records) ? (reply.body.records[0] as WireRecord | undefined) : undefined;
      if (record) found.set(id, record);
    } catch (e) {
      if (e instanceof SmartConnectError && e.kind === 'not-found') continue;
      throw e;
    }
  }
  return found;
}

/** Records by id through a List function: `idsPerCall` ids or-ed in one criteria list per call. */
async function readByList(
  core: Core,
  readFn: string,
  spec: FunctionSpec,
  ids: readonly string[],
  options: CallOptions,
): Promise<Map<string, WireRecord>> {
  const found = new Map<string, WireRecord>();
  const field = ID_CRITERIA_FIELDS[spec.type];
  for (let i = 0; i < ids.length; i += core.idsPerCall) {
    const chunk = ids.slice(i, i + core.idsPerCall);
    const wanted = new Set(chunk);
    // One page: more matches than ids means the criteria did not select by id (a field the
    // server ignores), and paging on would read the whole table.
    const first = await pages(core, readFn, spec, {
      criteria: idCriteria(field, chunk),
      pageSize: chunk.length,
      signal: options.signal,
    }).next();
    const page = first.done ? undefined : first.value;
    if (page && page.allcount > chunk.length) {
      throw new SmartConnectError({
        kind: 'bad-request',
        fn: readFn,
        message: `${readFn}: criteria on ${field} matched ${page.allcount} records for ${chunk.length} ids; check ID_CRITERIA_FIELDS`,
      });
    }
    for (const r of page?.records ?? []) {
      const id = r.recordid ?? r[field];
      if (typeof id === 'string' && wanted.has(id)) found.set(id, r);
    }
  }
  return found;
}

/** Current records by id (absent ids are missing from the map). */
async function readCurrent(
  core: Core,
  readFn: string,
  ids: readonly string[],
  options: CallOptions = {},
): Promise<Map<string, WireRecord>> {
  const spec = core.spec(readFn, ['list', 'get']);
  const unique = [...new Set(ids)];
  return spec.action === 'get'
    ? readByGet(core, readFn, spec, unique, options)
    : readByList(core, readFn, spec, unique, options);
}

type Merged = { index: number; item: WireRecord; changed: string[] };

/** The changes overlaid on the current records, one full record per id; the ones not found. */
function mergeChanges(
  updateFn: string,
  spec: FunctionSpec,
  changes: readonly RecordChange[],
  current: Map<string, WireRecord>,
) {
  const notFound: WriteResult[] = [];
  const byId = new Map<string, Merged>();
  changes.forEach((change, index) => {
    const cur = current.get(change.recordid);
    if (!cur) {
      notFound.push({
        index,
        ok: false,
        recordid: change.recordid,
        status: 'Recordset does not exist',
        errorKind: 'not-found',
      });
      return;
    }
    // A second change to the same record builds on the first.
    const base = byId.get(change.recordid);
    const merged = base ? { ...cur, ...base.item } : cur;
    const set = typeof change.set === 'function' ? change.set(merged) : change.set;
    const item: WireRecord = { recordid: change.recordid, ...overlay(spec.fields, merged, set, updateFn) };
    checkFields(updateFn, spec, item, index);
    const changed = new Set(base?.changed ?? []);
    for (const field of spec.fields) {
      const readName = WRITE_FIELD_READ_NAMES[field];
      if (has(set, field) || (readName && has(set, readName))) {
        if (item[field] !== (merged[field] ?? (readName ? merged[readName] : undefined))) changed.add(field);
      }
    }
    byId.set(change.recordid, { index, item, changed: [...changed] });
  });
  return { byId, notFound };
}

/**
 * Reads the records, overlays the changes and writes exactly the update function's fields, in
 * batches. Results are indexed like `changes`; a record that does not exist is a 'not-found'
 * result and is not written. Several changes to one record are applied in order.
 */
async function readModifyWrite(
  core: Core,
  updateFn: string,
  readFn: string,
  changes: readonly RecordChange[],
  options: WriteOptions = {},
): Promise<WriteResult[]> {
  const spec = core.spec(updateFn, ['update']);
  core.spec(readFn, ['list', 'get']);
  const current = await readCurrent(
    core,
    readFn,
    changes.map((c) => c.recordid),
    options,
  );
  const { byId, notFound } = mergeChanges(updateFn, spec, changes, current);
  const results = await writeBatches(core, updateFn, spec, 'update', [...byId.values()], options);
  // Superseded changes to the same record share the result of the write that carried them.
  const all = [...results, ...notFound];
  const resultByIndex = new Map(all.map((r) => [r.index, r]));
  changes.forEach((change, index) => {
    if (resultByIndex.has(index)) return;
    const carrier = byId.get(change.recordid);
    const r = carrier ? resultByIndex.get(carrier.index) : undefined;
    if (r) all.push({ ...r, index });
  });
  return all.sort((a, b) => a.index - b.index);
}

export function createReadModifyWrite(core: Core) {
  return {
    readCurrent: (readFn: string, ids: readonly string[], options: CallOptions = {}) =>
      readCurrent(core, readFn, ids, options),
    readModifyWrite: (updateFn: string, readFn: string, changes: readonly RecordChange[], options: WriteOptions = {}) =>
      readModifyWrite(core, updateFn, readFn, changes, options),
  };
}

export type ReadModifyWrite = ReturnType<typeof createReadModifyWrite>;
