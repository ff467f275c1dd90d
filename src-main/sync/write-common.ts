/**
 * What every mirror writer shares: the counts it reports, reading typed values off wire records,
 * and the prepared statements of the "seen" bookkeeping of passes that look for deletions.
 */
import type { DB } from '../db/open';
import type { WireRecord } from '../smartsimple/protocol';
import type { KindCounts, SummaryKind, SyncEntity } from './types';

export type PageCounts = Partial<Record<SummaryKind, KindCounts>>;

/** A writer's statement values for some records (see EntityWriter.prepare). */
export interface Prepared {
  readonly prepared: true;
}

/** A local view of one record, for a reconcile's comparison with the server's id listing. */
export interface LocalStamp {
  lastUpdated: string | null;
  deleted: boolean;
}

/** Writes one entity's pages into the mirror. Every method but `prepare` runs inside the caller's transaction. */
export interface EntityWriter {
  /**
   * The statement values of records, computed without the database: the executor calls it before
   * the transaction, so the write lock is held for the writes alone. Opaque to everyone but `apply`.
   */
  prepare(records: readonly WireRecord[]): Prepared;
  /**
   * Inserts new records, updates changed ones (a removed one comes back), leaves equal ones alone.
   * `prepared` is what `prepare` made of these records (made here when absent).
   */
  apply(records: readonly WireRecord[], at: string, prepared?: Prepared): PageCounts;
  /** Marks up to `limit` live rows after `afterId` that the pass did not see as removed. */
  markUnseen?(afterId: number, limit: number, at: string): { lastId: number | null; counts: PageCounts };
  /** The highest id the mirror holds (append-only sources continue after it). */
  maxId?(): number;
  /** Live rows. */
  count(): number;
}

export const emptyCounts = (): KindCounts => ({ added: 0, changed: 0, removed: 0 });

export function addCounts(into: PageCounts, more: PageCounts): PageCounts {
  for (const [kind, c] of Object.entries(more) as [SummaryKind, KindCounts][]) {
    const t = (into[kind] ??= emptyCounts());
    t.added += c.added;
    t.changed += c.changed;
    t.removed += c.removed;
  }
  return into;
}

/** A text field; missing and null are null (empty custom fields are null on the wire). */
export function text(record: WireRecord, field: string): string | null {
  const v = record[field];
  return typeof v === 'string' ? v : null;
}

/** An id field; anything that is not a whole number is null. */
export function int(record: WireRecord, field: string): number | null {
  const v = record[field];
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

/** Flags travel as "1"/"0" (some instances say "Yes"/"No" or "true"). */
export function flag(record: WireRecord, field: string): 0 | 1 {
  const v = record[field]?.trim().toLowerCase();
  return v === '1' || v === 'yes' || v === 'true' || v === 'y' ? 1 : 0;
}

/** The seen-id bookkeeping of one entity. */
export function seenStatements(db: DB, instanceId: string, entity: SyncEntity) {
  const insert = db.prepare('INSERT OR IGNORE INTO sync_seen (instance_id, entity, id) VALUES (?, ?, ?)');
  const clear = db.prepare('DELETE FROM sync_seen WHERE instance_id = ? AND entity = ?');
  return {
    add(ids: readonly number[]): void {
      for (const id of ids) insert.run(instanceId, entity, id);
    },
    clear(): void {
      clear.run(instanceId, entity);
    },
  };
}

/**
 * The "live rows after `afterId` the pass did not see" query for a mirror table, in id order,
 * `limit` at a time, so marking removals over 100,000 rows happens in short slices.
 */
export function unseenQuery(db: DB, table: string, idColumn: string, entity: SyncEntity) {
  return db.prepare(
    `SELECT t.${idColumn} AS id, (s.id IS NULL) AS unseen FROM ${table} t
     LEFT JOIN sync_seen s ON s.instance_id = t.instance_id AND s.entity = '${entity}' AND s.id = t.${idColumn}
     WHERE t.instance_id = ? AND t.${idColumn} > ? AND t.deleted_at IS NULL
     ORDER BY t.${idColumn} LIMIT ?`,
  );
}

/** Runs a slice of `unseenQuery` and marks the unseen rows; returns the ids it marked. */
export function markUnseenSlice(
  query: ReturnType<typeof unseenQuery>,
  mark: (id: number) => void,
  instanceId: string,
  afterId: number,
  limit: number,
): { lastId: number | null; marked: number[] } {
  const rows = query.all(instanceId, afterId, limit) as { id: number; unseen: number }[];
  const marked: number[] = [];
  for (const row of rows) {
    if (row.unseen) {
      mark(row.id);
      marked.push(row.id);
    }
  }
  const last = rows[rows.length - 1];
  return { lastId: rows.length < limit || !last ? null : last.id, marked };
}

/** The mirror tables that keep the server's last-updated date, by entity. */
export const STAMPED_TABLES = { people: 'mirror_people', organizations: 'mirror_organizations' } as const;

/** Local stamps of ids in (afterId, toId] of a table with last_updated, for a reconcile page. */
export function localStamps(
  db: DB,
  table: (typeof STAMPED_TABLES)[keyof typeof STAMPED_TABLES],
  instanceId: string,
  afterId: number,
  toId: number,
): Map<number, LocalStamp> {
  const rows = db
    .prepare(`SELECT id, last_updated, deleted_at FROM ${table} WHERE instance_id = ? AND id > ? AND id <= ?`)
    .all(instanceId, afterId, toId) as { id: number; last_updated: string | null; deleted_at: string | null }[];
  return new Map(rows.map((r) => [r.id, { lastUpdated: r.last_updated, deleted: r.deleted_at !== null }]));
}
