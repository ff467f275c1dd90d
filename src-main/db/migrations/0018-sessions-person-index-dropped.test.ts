import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { viewStatements } from '../../ask/views';
import { MIGRATIONS } from './index';
import { m0018SessionsPersonIndexDropped } from './0018-sessions-person-index-dropped';

describe('migration sessions-person-index-dropped', () => {
  it("drops the session log's person index, and a person's sessions are still found without reading the log", () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS) if (m.version < m0018SessionsPersonIndexDropped.version) m.up(db);
    // A first sync interrupted while the index was dropped would have built it back at its end.
    db.prepare(
      "INSERT INTO sync_deferred_indexes (name, table_name, sql, kind) VALUES ('mirror_login_sessions_user', 'mirror_login_sessions', 'CREATE INDEX mirror_login_sessions_user ON mirror_login_sessions(user_key, started_at)', 'index')",
    ).run();
    m0018SessionsPersonIndexDropped.up(db);
    const index = "SELECT count(*) FROM sqlite_master WHERE name = 'mirror_login_sessions_user'";
    expect(db.prepare(index).pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sync_deferred_indexes').pluck().get()).toBe(0);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'mirror_access_events_user'").pluck().get(),
    ).toBe(1);

    for (const s of viewStatements('i1')) db.exec(s);
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT started_at, ip FROM sessions WHERE person_key = ?').all(7) as {
        detail: string;
      }[]
    )
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH b USING (COVERING )?(PRIMARY KEY|INDEX) \(user_key=\?/);
    expect(plan).not.toMatch(/SCAN l\b/);
  });
});
