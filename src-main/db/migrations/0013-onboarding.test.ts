import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0013Onboarding } from './0013-onboarding';

function before11() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((x) => x.version < m0013Onboarding.version)) m.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Prod', 'https://a.smartsimple.com', 'a', '1', 1, 'now', 'now')`,
  ).run();
  db.prepare(
    `INSERT INTO plans (id, instance_id, title, state, origin, created_by, created_at, updated_at)
     VALUES ('p1', 'i1', 'T', 'draft', 'manual', 'ana', 'x', 'x')`,
  ).run();
  return db;
}
const insertOp = (db: Database.Database, seq: number, kind: string) =>
  db
    .prepare(
      `INSERT INTO plan_operations (plan_id, seq, kind, params, before, after, risk, source, created_at, updated_at)
       VALUES ('p1', ?, ?, '{}', '{}', '{}', 'low', 'admin', 'x', 'x')`,
    )
    .run(seq, kind);

describe('migration onboarding', () => {
  it('keeps documents and proposals with their state, removed with their instance', () => {
    const db = before11();
    m0013Onboarding.up(db);
    db.prepare(
      "INSERT INTO onboarding_documents (id, instance_id, batch_id, file, format, created_at) VALUES ('d1', 'i1', 'b1', 'form.pdf', 'pdf', 'x')",
    ).run();
    const add = db.prepare(
      `INSERT INTO onboarding_proposals (id, instance_id, document_id, record_index, state, proposal, plan_id, dismissed_by, created_at, updated_at)
       VALUES (?, 'i1', 'd1', ?, ?, '{}', ?, ?, 'x', 'x')`,
    );
    add.run('a', 0, 'to_review', null, null);
    add.run('b', 1, 'planned', 'p1', null);
    add.run('c', 2, 'dismissed', null, 'ana');
    expect(() => add.run('d', 3, 'sent', null, null)).toThrow(/CHECK/);
    expect(() => add.run('e', 4, 'to_review', 'p1', null)).toThrow(/CHECK/);
    expect(() => add.run('f', 5, 'dismissed', null, null)).toThrow(/CHECK/);
    expect(() => add.run('g', 0, 'to_review', null, null)).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM onboarding_proposals').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM onboarding_documents').pluck().get()).toBe(0);
  });

  it('lets plan operations be create_organization, keeping every other check and the stored rows', () => {
    const db = before11();
    insertOp(db, 1, 'add_role');
    expect(() => insertOp(db, 2, 'create_organization')).toThrow(/CHECK/);
    m0013Onboarding.up(db);
    insertOp(db, 2, 'create_organization');
    expect(() => insertOp(db, 3, 'make_coffee')).toThrow(/CHECK/);
    expect(db.prepare('SELECT kind FROM plan_operations ORDER BY seq').pluck().all()).toEqual([
      'add_role',
      'create_organization',
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The connection is back in defensive mode: the schema table cannot be written any more.
    expect(() => db.prepare("UPDATE sqlite_master SET sql = sql WHERE name = 'plans'").run()).toThrow();
  });
});
