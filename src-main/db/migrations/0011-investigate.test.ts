import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0011Investigate } from './0011-investigate';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS) if (m.version <= m0011Investigate.version) m.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Test', 'https://x', 'x', '1', 1, 'now', 'now')`,
  ).run();
  return db;
}

describe('migration investigate', () => {
  it('keeps one finding per instance and key, with a status from the closed set', () => {
    const db = migrated();
    const insert = db.prepare(
      `INSERT INTO investigate_findings (instance_id, key, kind, person_id, score, reason, first_seen_at, changed_at, status)
       VALUES ('i1', ?, 'dormant', 7, ?, 'r', 't', 't', ?)`,
    );
    insert.run('dormant:7', 0.5, 'open');
    expect(() => insert.run('dormant:7', 0.5, 'open')).toThrow(/UNIQUE/);
    expect(() => insert.run('dormant:8', 1.5, 'open')).toThrow(/CHECK/);
    expect(() => insert.run('dormant:9', 0.5, 'closed')).toThrow(/CHECK/);
  });

  it('orders a rule pair and removes everything with its instance', () => {
    const db = migrated();
    const rule = db.prepare(
      `INSERT INTO investigate_sod_rules (instance_id, role_a, role_b, name, source, created_by, created_at)
       VALUES ('i1', ?, ?, 'A with B', 'administrator', 'me', 't')`,
    );
    rule.run(1, 2);
    expect(() => rule.run(3, 2)).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO investigate_risk (instance_id, person_id, score, contributions) VALUES ('i1', 7, 10, '[]')",
    ).run();
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    for (const table of ['investigate_sod_rules', 'investigate_risk', 'investigate_findings'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });
});
