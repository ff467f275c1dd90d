/**
 * One read model for everything a List or Report-Query can page through: people, companies,
 * programs, transactions and the report tables. Rows are addressed by index (into the record
 * array or the log columns), so filters and sorts never materialize objects they discard.
 */
import { formatWireDate } from '../protocol';

/** Comparison semantics: text case-insensitively, numbers numerically, dates by time. */
export type FieldKind = 'text' | 'number' | 'date' | 'day';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  /** text: the string ('' when empty); number: the number; date/day: epoch ms; null when empty. */
  raw(row: number): string | number | null;
  /** The value as the wire shows it. */
  wire(row: number): string | null;
  /** Ascending order by this field is the record-id order (lets time sorts skip sorting). */
  idOrdered?: () => boolean;
}

export interface Table {
  readonly name: string;
  /** Rows including soft-deleted ones. */
  size(): number;
  visible(row: number): boolean;
  recordId(row: number): string;
  /** By any accepted name (`cf_Department` and `cf_1001` both). */
  field(name: string): FieldDef | undefined;
  /** Changes whenever a cached result over this table could be stale. */
  version(): number;
}

/** Empty custom fields are null on the wire, empty standard fields "". */
const emptyWire = (name: string): string | null => (name.startsWith('cf_') ? null : '');

export function textField(name: string, get: (row: number) => string | null): FieldDef {
  const empty = emptyWire(name);
  return {
    name,
    kind: 'text',
    raw: (row) => get(row) ?? '',
    wire: (row) => {
      const v = get(row);
      return v === null || v === '' ? empty : v;
    },
  };
}

export function numberField(name: string, get: (row: number) => number | null, idOrdered?: () => boolean): FieldDef {
  const empty = emptyWire(name);
  return {
    name,
    kind: 'number',
    raw: get,
    wire: (row) => {
      const v = get(row);
      return v === null ? empty : String(v);
    },
    ...(idOrdered ? { idOrdered } : {}),
  };
}

/** `day` fields show `YYYY-MM-DD`, `date` fields `YYYY-MM-DD HH:MM:SS` (UTC). */
export function dateField(
  name: string,
  get: (row: number) => number | null,
  kind: 'date' | 'day' = 'date',
  idOrdered?: () => boolean,
): FieldDef {
  const empty = emptyWire(name);
  return {
    name,
    kind,
    raw: get,
    wire: (row) => {
      const v = get(row);
      if (v === null) return empty;
      const text = formatWireDate(v);
      return kind === 'day' ? text.slice(0, 10) : text;
    },
    ...(idOrdered ? { idOrdered } : {}),
  };
}

/** A table over an array of records with numeric `id`s in ascending order. */
export function recordTable<T extends { id: number }>(
  name: string,
  rows: () => readonly T[],
  visible: (record: T) => boolean,
  fields: ReadonlyArray<FieldDef & { aliases?: readonly string[] }>,
  version: () => number,
): Table {
  const byName = new Map<string, FieldDef>();
  for (const f of fields) {
    byName.set(f.name, f);
    for (const alias of f.aliases ?? []) byName.set(alias, f);
  }
  return {
    name,
    size: () => rows().length,
    visible: (row) => {
      const record = rows()[row];
      return record !== undefined && visible(record);
    },
    recordId: (row) => String(rows()[row]?.id ?? ''),
    field: (n) => byName.get(n),
    version,
  };
}

/** Field definitions of `names` (a function's list), or the first unknown name. */
export function resolveFields(
  table: Table,
  names: readonly string[],
): { fields: Array<{ key: string; def: FieldDef }> } | { unknown: string } {
  const fields: Array<{ key: string; def: FieldDef }> = [];
  for (const key of names) {
    const def = table.field(key);
    if (!def) return { unknown: key };
    fields.push({ key, def });
  }
  return { fields };
}
