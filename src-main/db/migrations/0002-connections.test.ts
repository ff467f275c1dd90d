import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';

describe('migration 2: connections', () => {
  it('keeps existing instances and adds functions, call log and tests that go with their instance', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    m0001Initial.up(db);
    db.prepare(
      `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
       VALUES ('i1', 'Prod', 'https://a.smartsimple.com', 'a', '1', 1, 'now', 'now')`,
    ).run();
    m0002Connections.up(db);
    expect(db.prepare("SELECT username FROM instances WHERE id = 'i1'").get()).toEqual({ username: '' });
    db.prepare(
      "INSERT INTO instance_functions (instance_id, name, type, action) VALUES ('i1', 'users.list', 'user', 'list')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO instance_functions (instance_id, name, type, action) VALUES ('i1', 'users.list', 'user', 'get')",
        )
        .run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO api_calls (instance_id, at) VALUES ('i1', 1)").run();
    db.prepare("INSERT INTO connection_tests (instance_id, tested_at, result) VALUES ('i1', 'now', '{}')").run();
    // No column for a token or a password exists anywhere.
    const columns = db
      .prepare(
        "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'",
      )
      .all() as { t: string; c: string }[];
    expect(columns.filter((x) => /token|password|secret/i.test(x.c))).toEqual([]);
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    for (const t of ['instance_functions', 'api_calls', 'connection_tests']) {
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    }
    db.close();
  });
});
