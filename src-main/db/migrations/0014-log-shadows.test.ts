import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0014LogShadows } from './0014-log-shadows';

function migrated(upTo: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS) if (m.version <= upTo) m.up(db);
  return db;
}

function withLogs(db: Database.Database) {
  db.prepare(
    "INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at) VALUES ('i1', 'A', 'https://a', 'a', '1', 1, 'x', 'x')",
  ).run();
  const session = db.prepare(
    "INSERT INTO mirror_login_sessions (key, instance_id, session_id, user_key, user_id, started_at) VALUES (?, 'i1', ?, ?, ?, ?)",
  );
  const event = db.prepare(
    "INSERT INTO mirror_access_events (key, instance_id, event_id, user_key, user_id, action, at) VALUES (?, 'i1', ?, ?, ?, 'role_added', ?)",
  );
  session.run(11, 11, 7, 7, '2026-01-02 10:00:00');
  session.run(12, 12, 7, 7, '2026-01-01 10:00:00');
  event.run(21, 21, 8, 8, '2026-01-03 10:00:00');
}

describe('migration log-shadows', () => {
  it('moves what the per-person log indexes held into per-person tables, in key order', () => {
    const db = migrated(m0014LogShadows.version - 1);
    withLogs(db);
    m0014LogShadows.up(db);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_user'")
      .pluck()
      .all();
    expect(indexes).toEqual([]);
    expect(db.prepare('SELECT user_key, started_at, key FROM mirror_login_sessions_by_user').raw().all()).toEqual([
      [7, '2026-01-01 10:00:00', 12],
      [7, '2026-01-02 10:00:00', 11],
    ]);
    expect(db.prepare('SELECT user_key, at, key FROM mirror_access_events_by_user').raw().all()).toEqual([
      [8, '2026-01-03 10:00:00', 21],
    ]);
  });

  it('keeps them with the logs: rows added, moved to another person, and removed with their instance', () => {
    const db = migrated(m0014LogShadows.version);
    withLogs(db);
    expect(db.prepare('SELECT count(*) FROM mirror_login_sessions_by_user').pluck().get()).toBe(2);
    db.prepare('UPDATE mirror_login_sessions SET user_key = 9 WHERE key = 11').run();
    expect(db.prepare('SELECT user_key FROM mirror_login_sessions_by_user WHERE key = 11').pluck().get()).toBe(9);
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    expect(db.prepare('SELECT count(*) FROM mirror_login_sessions_by_user').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM mirror_access_events_by_user').pluck().get()).toBe(0);
  });

  it('adds the kind of a deferred structure and the bulk flag of a pass, and forgets deferred log indexes', () => {
    const db = migrated(m0014LogShadows.version - 1);
    db.prepare(
      "INSERT INTO sync_deferred_indexes (name, table_name, sql) VALUES ('mirror_login_sessions_user', 'mirror_login_sessions', 'CREATE INDEX x ON y(z)')",
    ).run();
    m0014LogShadows.up(db);
    expect(db.prepare('SELECT count(*) FROM sync_deferred_indexes').pluck().get()).toBe(0);
    const kinds = db.prepare('PRAGMA table_info(sync_deferred_indexes)').all() as {
      name: string;
      dflt_value: string;
    }[];
    expect(kinds.find((c) => c.name === 'kind')?.dflt_value).toBe("'index'");
    const cursor = db.prepare('PRAGMA table_info(sync_cursors)').all() as { name: string }[];
    expect(cursor.map((c) => c.name)).toContain('bulk');
  });
});
