/**
 * Bulk-load help for a first full sync. Filling an empty table with a million log rows through a
 * secondary index means a million random index inserts, and with one transaction per page every
 * transaction rewrites thousands of index pages. Dropping the index while the table fills and
 * building it at the end of the pass is one sort. The definitions are kept in
 * sync_deferred_indexes (in the same transaction as the drop), and the build runs in the same
 * transaction as the end of the pass, so a crash in between leaves them to the next sync.
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

export function deferIndexes(db: DB, entity: SyncEntity): string[] {
  const tables = ENTITY_TABLES[entity];
  if (tables.length === 0) return [];
  if (tables.some((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() !== undefined)) return [];
  // Only indexes made by CREATE INDEX (sql is null for the ones behind PRIMARY KEY and UNIQUE,
  // which the writers need).
  const indexes = db
    .prepare(
      `SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(tables)) as { name: string; tableName: string; sql: string }[];
  const keep = db.prepare('INSERT OR REPLACE INTO sync_deferred_indexes (name, table_name, sql) VALUES (?, ?, ?)');
  for (const ix of indexes) {
    keep.run(ix.name, ix.tableName, ix.sql);
    db.exec(`DROP INDEX ${quoteName(ix.name)}`);
  }
  return indexes.map((ix) => ix.name);
}

export function restoreIndexes(db: DB, entity: SyncEntity | 'all'): string[] {
  const rows = db.prepare('SELECT name, table_name AS tableName, sql FROM sync_deferred_indexes').all() as {
    name: string;
    tableName: string;
    sql: string;
  }[];
  const wanted = entity === 'all' ? rows : rows.filter((r) => ENTITY_TABLES[entity].includes(r.tableName));
  for (const r of wanted) {
    const exists =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(r.name) !== undefined;
    if (!exists) db.exec(r.sql);
    db.prepare('DELETE FROM sync_deferred_indexes WHERE name = ?').run(r.name);
  }
  return wanted.map((r) => r.name);
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;
