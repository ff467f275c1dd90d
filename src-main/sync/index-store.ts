/**
 * Bulk-load help for a first full sync. Filling an empty table with a million log rows through a
 * secondary index means a million random index inserts, and with one transaction per page every
 * transaction rewrites thousands of index pages. Dropping the index while the table fills and
 * building it at the end of the pass is one sort. The definitions are kept in
 * sync_deferred_indexes (in the same transaction as the drop), so a crash leaves them to the next
 * sync, which builds them again.
 *
 * Two kinds of deferred structure, each built back in short transactions of its own:
 * - `index`: a CREATE INDEX (people by name, holdings by person, ...), built back one per
 *   transaction (100,000 rows: a fraction of a second).
 * - `shadow`: a log's per-person table (`<log>_by_user`, kept by an insert trigger; migration log-shadows).
 *   Its trigger is what is dropped. Built back without holding the write lock for the sort:
 *   the trigger first (rows from then on keep it up to date), then the log's keys are sorted into
 *   a temporary table (a write to the connection's temp database, not the app's file), then copied
 *   across in key order, a slice per transaction; an entry already there is skipped.
 *
 * Only when the tables are empty for every instance: the indexes are shared, and another
 * instance's mirror keeps its fast reads.
 */
import type { DB } from '../db/open';
import type { SyncEntity } from './types';

export const ENTITY_TABLES: Readonly<Record<SyncEntity, readonly string[]>> = {
  roles: [],
  organizations: ['mirror_organizations'],
  people: ['mirror_people', 'mirror_role_holdings'],
  programs: ['mirror_programs'],
  assignments: ['mirror_program_assignments'],
  access_events: ['mirror_access_events'],
  login_sessions: ['mirror_login_sessions'],
};

/** The logs' per-person tables: their insert trigger, and the columns in key order. */
const SHADOWS: Readonly<Record<string, { shadow: string; trigger: string; columns: string }>> = {
  mirror_login_sessions: {
    shadow: 'mirror_login_sessions_by_user',
    trigger: 'mirror_login_sessions_by_user_insert',
    columns: 'user_key, started_at, key',
  },
  mirror_access_events: {
    shadow: 'mirror_access_events_by_user',
    trigger: 'mirror_access_events_by_user_insert',
    columns: 'user_key, at, key',
  },
};

/**
 * Indexes kept while the tables fill. Building an index back is one CREATE INDEX statement: one
 * transaction holding the write lock for all its rows, and SQLite cannot build one in slices.
 * Organizations, holdings and program assignments keep theirs: their entries cost little (holdings
 * by person are appended, people coming by id; the others are small next to their rows), and each
 * is a long statement less at the end. People defer theirs: three random entries per person cost
 * the people pass about 45% more CPU (bench/sync at 20,000 people), more than the fair baseline's
 * ratio allows; the logs defer theirs too (a million random entries: 3.4 times the fill's time).
 */
const KEPT_WHILE_FILLING: ReadonlySet<string> = new Set([
  'mirror_role_holdings_person',
  'mirror_organizations_parent',
  'mirror_program_assignments_person',
  'mirror_program_assignments_program',
]);

export interface DeferredItem {
  /** The index's name, or a shadow's insert trigger. */
  name: string;
  tableName: string;
  sql: string;
  kind: 'index' | 'shadow';
}

export interface DeferResult {
  /** The entity's tables held nothing: everything in them at the end of the pass came from it. */
  empty: boolean;
  deferred: string[];
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops the entity's deferrable indexes (and log triggers) when its tables are empty for every
 * instance. `keepSmall: false` (the raw baseline's bulk load, one transaction per table) defers the
 * ones a sync keeps too.
 */
export function deferIndexes(db: DB, entity: SyncEntity, options: { keepSmall?: boolean } = {}): DeferResult {
  const kept = options.keepSmall === false ? new Set<string>() : KEPT_WHILE_FILLING;
  const tables = ENTITY_TABLES[entity];
  if (tables.length === 0) return { empty: false, deferred: [] };
  if (tables.some((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() !== undefined))
    return { empty: false, deferred: [] };
  // Indexes made by CREATE INDEX (sql is null for the ones behind PRIMARY KEY and UNIQUE, which
  // the writers need), and the shadows' insert triggers.
  const triggers = tables.flatMap((t) => (SHADOWS[t] ? [SHADOWS[t].trigger] : []));
  const items = db
    .prepare(
      `SELECT name, tbl_name AS tableName, sql, CASE type WHEN 'trigger' THEN 'shadow' ELSE 'index' END AS kind
       FROM sqlite_master
       WHERE sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))
         AND (type = 'index' OR (type = 'trigger' AND name IN (SELECT value FROM json_each(?))))`,
    )
    .all(JSON.stringify(tables), JSON.stringify(triggers))
    .filter((item) => !kept.has((item as DeferredItem).name)) as DeferredItem[];
  const keep = db.prepare(
    'INSERT OR REPLACE INTO sync_deferred_indexes (name, table_name, sql, kind) VALUES (?, ?, ?, ?)',
  );
  for (const item of items) {
    keep.run(item.name, item.tableName, item.sql, item.kind);
    db.exec(`DROP ${item.kind === 'index' ? 'INDEX' : 'TRIGGER'} ${quoteName(item.name)}`);
  }
  return { empty: true, deferred: items.map((i) => i.name) };
}

/** What waits to be built back for an entity (or for all), indexes first. */
export function deferredItems(db: DB, entity: SyncEntity | 'all'): DeferredItem[] {
  const rows = db
    .prepare('SELECT name, table_name AS tableName, sql, kind FROM sync_deferred_indexes ORDER BY kind, name')
    .all() as DeferredItem[];
  return entity === 'all' ? rows : rows.filter((r) => ENTITY_TABLES[entity].includes(r.tableName));
}

const exists = (db: DB, type: 'index' | 'trigger', name: string) =>
  db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(type, name) !== undefined;

/** Builds one deferred index back (one statement: the caller's transaction is its own). */
export function buildIndex(db: DB, item: DeferredItem): void {
  if (!exists(db, 'index', item.name)) db.exec(item.sql);
  db.prepare('DELETE FROM sync_deferred_indexes WHERE name = ?').run(item.name);
}

const SORT_TABLE = 'temp.sync_shadow_sort';

/** The per-person table of a log table, and its columns in key order (undefined for other tables). */
export function logShadow(tableName: string): { shadow: string; columns: string } | undefined {
  const spec = SHADOWS[tableName];
  return spec && { shadow: spec.shadow, columns: spec.columns };
}

function shadowOf(item: DeferredItem) {
  const spec = SHADOWS[item.tableName];
  if (!spec) throw new Error(`no per-person table for ${item.tableName}`);
  return spec;
}

/** Shadow, step 1 (in a short transaction): its trigger back, so new rows keep it from now on. */
export function restoreShadowTrigger(db: DB, item: DeferredItem): void {
  if (!exists(db, 'trigger', item.name)) db.exec(item.sql);
}

/**
 * Shadow, step 2 (outside any transaction on the app's file: it reads it and writes only the temp
 * database): the log's keys, sorted, into a temporary table whose rowids are that order.
 */
export function sortShadowKeys(db: DB, item: DeferredItem): number {
  const { columns } = shadowOf(item);
  db.exec(`DROP TABLE IF EXISTS ${SORT_TABLE}`);
  db.exec(`CREATE TABLE ${SORT_TABLE} AS SELECT ${columns} FROM main.${item.tableName} ORDER BY ${columns}`);
  return db.prepare(`SELECT count(*) FROM ${SORT_TABLE}`).pluck().get() as number;
}

/**
 * Shadow, step 3 (one transaction per slice): the sorted keys in rowids (from, to] copied across
 * (CREATE TABLE AS SELECT numbers them 1..n in the order selected).
 */
export function copyShadowSlice(db: DB, item: DeferredItem, from: number, to: number): void {
  const { shadow, columns } = shadowOf(item);
  db.prepare(
    `INSERT OR IGNORE INTO main.${shadow} (${columns}) SELECT ${columns} FROM ${SORT_TABLE} WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
  ).run(from, to);
}

/** Shadow, step 4 (with the last slice): no longer deferred; the sorted copy is dropped after it. */
export function finishShadow(db: DB, item: DeferredItem): void {
  db.prepare('DELETE FROM sync_deferred_indexes WHERE name = ?').run(item.name);
}

export function dropShadowSort(db: DB): void {
  db.exec(`DROP TABLE IF EXISTS ${SORT_TABLE}`);
}

/**
 * The people search index, merged a slice at a time. A first sync fills it one short transaction
 * after another, each leaving a small segment of the index behind; a search then looks every term
 * up in each of them. One step merges about `pages` pages (of 4 KB) towards a single segment;
 * false once there was nothing left to merge. FTS5's 'merge' with a negative size merges segments
 * of every level together (its documented way to optimize in steps).
 */
export function mergeSearchIndexStep(db: DB, pages: number): boolean {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number;
  db.prepare(
    `INSERT INTO mirror_people_fts (mirror_people_fts, rank) VALUES ('merge', ${-Math.max(1, Math.floor(pages))})`,
  ).run();
  const after = db.prepare('SELECT total_changes()').pluck().get() as number;
  return after - before >= 2;
}
