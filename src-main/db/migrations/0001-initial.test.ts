import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Initial } from './0001-initial';

describe('migration 1: initial', () => {
  it('creates settings, instances and jobs with their constraints', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    m0001Initial.up(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['instances', 'jobs', 'settings']);
    const insert = db.prepare(
      `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
       VALUES (?, ?, 'https://a.smartsimple.com', 'a', '1', ?, 'now', 'now')`,
    );
    insert.run('1', 'Production', 1);
    // Names are unique regardless of case.
    expect(() => insert.run('2', 'production', 1)).toThrow(/UNIQUE/);
    // Only API versions 1 and 2 exist.
    expect(() => insert.run('3', 'Other', 3)).toThrow(/CHECK/);
    // Jobs go with their instance.
    db.prepare(
      "INSERT INTO jobs (id, kind, title, instance_id, state, started_at) VALUES ('j', 'sync', 'Sync', '1', 'running', 'now')",
    ).run();
    db.prepare("DELETE FROM instances WHERE id = '1'").run();
    expect(db.prepare('SELECT count(*) FROM jobs').pluck().get()).toBe(0);
    db.close();
  });
});
