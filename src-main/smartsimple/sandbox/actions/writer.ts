/**
 * The shared shape of Update: full-replace records checked field by field against a writer that
 * knows which fields it can set. Anything the writer cannot set is read-only: it must carry the
 * current value (or be empty on create; an id field may also say "0").
 */
import { ERROR_TEXTS } from '../../protocol';
import { recordError, SandboxError } from '../errors';
import type { Table } from '../table';
import { type ActionContext, stamp } from './context';

/** The input record with every value as a string (null and numbers normalized). */
export type InputRecord = Readonly<Record<string, string>>;

export interface PreparedWrite {
  op: 'create' | 'update' | 'delete' | 'associate';
  /** Applies the write and returns the record id. */
  apply(): string;
  /** Extra keys for this record's entry in the response (e.g. `objectid`). */
  extra?: Record<string, string>;
}

/** What every writable record has: an id and the created/updated stamps a save sets. */
export interface Stamped {
  id: number;
  created: number;
  createdBy: number;
  lastUpdated: number;
  updatedBy: number;
}

export interface RecordWriter<T extends Stamped> {
  table: Table;
  /** Field key (or canonical name) -> setter. `createOnly` setters are read-only on update. */
  setters: Readonly<Record<string, { set: (draft: T, value: string) => void; createOnly?: boolean }>>;
  /** The existing record for an update, or undefined when unknown/deleted. */
  find(id: number): { record: T; row: number } | undefined;
  blank(): T;
  copy(record: T): T;
  /** Cross-field rules after all setters ran (mandatory fields, consistency). */
  check(draft: T, before: T | null, fields: readonly string[]): void;
  /** Gives a new record its id and adds it to the state. */
  insert(draft: T): void;
  /** Side effects of a save (log rows), with the record as it was before (null on create). */
  afterWrite?(ctx: ActionContext, after: T, before: T | null, at: number): void;
  /** Id field that may say "0" on create. */
  idField?: string;
}

/** Validates one record and returns how to apply it; throws the record (or not-found) error. */
export function prepareWrite<T extends Stamped>(
  ctx: ActionContext,
  writer: RecordWriter<T>,
  input: InputRecord,
): PreparedWrite {
  const recordid = (input.recordid ?? '').trim();
  if (!/^\d{1,15}$/.test(recordid)) throw recordError(`recordid "${recordid}"`);
  const creating = recordid === '0';
  const existing = creating ? undefined : writer.find(Number(recordid));
  if (!creating && !existing) throw new SandboxError(ERROR_TEXTS.notFound, `${writer.table.name} ${recordid}`);
  const draft = existing ? writer.copy(existing.record) : writer.blank();
  for (const key of ctx.fn.spec.fields) {
    const value = input[key] ?? '';
    const canonical = writer.table.field(key)?.name ?? key;
    const setter = writer.setters[key] ?? (key.startsWith('cf_') ? writer.setters[canonical] : undefined);
    if (setter && (creating || !setter.createOnly)) {
      setter.set(draft, value.trim());
      continue;
    }
    if (creating) {
      if (!(value === '' || (key === writer.idField && value.trim() === '0'))) throw recordError(`${key} is read-only`);
      continue;
    }
    const def = writer.table.field(key);
    if (!def || !existing) throw recordError(`${key} is not a field of ${writer.table.name}`);
    if ((def.wire(existing.row) ?? '') !== value)
      throw recordError(`${key} is read-only and must carry its current value`);
  }
  writer.check(draft, existing?.record ?? null, ctx.fn.spec.fields);
  return {
    op: creating ? 'create' : 'update',
    apply: () => {
      const at = stamp(ctx.now);
      const before = existing ? writer.copy(existing.record) : null;
      Object.assign(draft, { lastUpdated: at, updatedBy: ctx.apiUser.id });
      let record = draft;
      if (existing) {
        record = Object.assign(existing.record, draft);
        ctx.core.state.touch();
      } else {
        Object.assign(draft, { created: at, createdBy: ctx.apiUser.id });
        writer.insert(draft);
      }
      writer.afterWrite?.(ctx, record, before, at);
      return String(record.id);
    },
  };
}

/** Common value checks. */
export const value = {
  text(max = 255): (v: string) => string {
    return (v) => {
      if (v.length > max) throw recordError(`longer than ${max}`);
      return v;
    };
  },
  oneOf<T extends string>(field: string, allowed: readonly T[]): (v: string) => T {
    return (v) => {
      const match = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
      if (match === undefined) throw recordError(`${field} "${v}" is not one of ${allowed.join(', ')}`);
      return match;
    };
  },
  id(field: string, v: string): number {
    if (!/^\d{1,15}$/.test(v)) throw recordError(`${field} "${v}" is not an id`);
    return Number(v);
  },
  idList(field: string, v: string): number[] {
    const ids = v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return [...new Set(ids.map((s) => value.id(field, s)))].sort((a, b) => a - b);
  },
};
