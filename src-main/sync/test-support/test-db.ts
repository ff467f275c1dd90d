/** A migrated database with one instance, for tests of the mirror. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type DB } from '../../db/open';
import { MIGRATIONS } from '../../db/migrations';
import { createInstance } from '../../instances/instances-store';

export interface TestDb {
  db: DB;
  instanceId: string;
}

/** In memory (fast), or a real WAL file in `dir` (what the app opens). */
export function openTestDb(dir?: string, name = 'Sandbox'): TestDb {
  let db: DB;
  if (dir) {
    db = openDatabase(path.join(dir, 'app.sqlite')).db;
  } else {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS) m.up(db);
  }
  const instance = createInstance(
    db,
    { name, host: 'http://127.0.0.1:1', alias: 'sandbox', rootCompanyId: '1', apiVersion: 1 },
    { isSandbox: true },
  );
  return { db, instanceId: instance.id };
}
