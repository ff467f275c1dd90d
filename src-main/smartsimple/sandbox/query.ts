/**
 * Runs criteria and sort over a table and remembers the answer: paging through a result calls
 * List once per page with the same criteria, and filtering 100,000 people (or sorting a million
 * sessions) once per sync instead of once per page is what keeps a page in milliseconds.
 */
import { compileCriteria, parseSort, type SortKey } from './criteria';
import type { Table } from './table';

const CACHE_SIZE = 32;

function sortRows(rows: Uint32Array, keys: SortKey[]): Uint32Array {
  // Single key that follows the id order: the rows already are (or are exactly reversed).
  if (keys.length === 1 && keys[0]?.def.idOrdered?.()) return keys[0].descending ? rows.slice().reverse() : rows;
  const columns = keys.map(({ def, descending }) => {
    const values: Array<string | number> = new Array(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const raw = def.raw(rows[k] ?? 0);
      if (def.kind === 'text') values[k] = String(raw ?? '').toLowerCase();
      // Empty sorts first ascending (as NULL does in SQL).
      else values[k] = raw === null || raw === '' ? Number.NEGATIVE_INFINITY : Number(raw);
    }
    return { values, sign: descending ? -1 : 1 };
  });
  const order = Array.from({ length: rows.length }, (_, k) => k);
  order.sort((a, b) => {
    for (const { values, sign } of columns) {
      const x = values[a] as string | number;
      const y = values[b] as string | number;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    // Ties keep the id order.
    return a - b;
  });
  const sorted = new Uint32Array(rows.length);
  order.forEach((k, i) => (sorted[i] = rows[k] ?? 0));
  return sorted;
}

export class QueryCache {
  private readonly cache = new Map<string, Uint32Array>();

  /**
   * Matching visible rows in order. `scope` names who asks (the function), because the allowed
   * fields differ per function and a cached answer must not skip that check.
   */
  rows(
    scope: string,
    table: Table,
    allowed: ReadonlySet<string>,
    criteria: string | undefined,
    sortby: string | undefined,
  ): Uint32Array {
    const key = `${scope}\u0000${table.name}\u0000${table.version()}\u0000${criteria ?? ''}\u0000${sortby ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) {
      // Refresh its place in the LRU order.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const predicate = compileCriteria(criteria, table, allowed);
    const sortKeys = parseSort(sortby, table, allowed);
    const size = table.size();
    const matches = new Uint32Array(size);
    let n = 0;
    for (let row = 0; row < size; row++) if (table.visible(row) && (!predicate || predicate(row))) matches[n++] = row;
    const found = matches.slice(0, n);
    const rows = sortKeys.length > 0 ? sortRows(found, sortKeys) : found;
    this.cache.set(key, rows);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return rows;
  }

  clear(): void {
    this.cache.clear();
  }
}
