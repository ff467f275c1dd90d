import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from '../index';

/**
 * An in-memory database with every migration before `m` applied, and one instance ('i1', "Prod"):
 * where a migration's test starts, before it runs `m.up`.
 */
export function beforeMigration(m: Migration): Database.Database {
  const db = new Database(':memory:');
  for (const earlier of MIGRATIONS) if (earlier.version < m.version) earlier.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Prod', 'https://a.smartsimple.com', 'a', '1', 1, 'now', 'now')`,
  ).run();
  return db;
}
