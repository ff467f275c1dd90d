import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';
import { m0003Mirror } from './0003-mirror';
import { m0004Plans } from './0004-plans';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [m0001Initial, m0002Connections, m0003Mirror]) m.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Prod', 'https://a.smartsimple.com', 'a', '1', 1, 'now', 'now')`,
  ).run();
  m0004Plans.up(db);
  db.prepare(
    "INSERT INTO plans (id, instance_id, title, state, origin, created_by, created_at, updated_at) VALUES ('p1', 'i1', 'T', 'draft', 'manual', 'ana', 'now', 'now')",
  ).run();
  return db;
}

const insertOp = (db: Database.Database, seq: number, privileged: 0 | 1) =>
  db
    .prepare(
      `INSERT INTO plan_operations (plan_id, seq, kind, person_id, params, before, after, risk, privileged, source, created_at, updated_at)
       VALUES ('p1', ?, 'add_role', 7, '{}', '{}', '{}', 'low', ?, 'admin', 'now', 'now')`,
    )
    .run(seq, privileged).lastInsertRowid as number;

describe('migration 4: plans', () => {
  it('constrains states, kinds and approvals; a privileged operation is never approved with the plan', () => {
    const db = migrated();
    expect(() => db.prepare("UPDATE plans SET state = 'done' WHERE id = 'p1'").run()).toThrow(/CHECK/);
    const plain = insertOp(db, 1, 0);
    const privileged = insertOp(db, 2, 1);
    expect(() => insertOp(db, 2, 0)).toThrow(/UNIQUE/);
    db.prepare(
      "UPDATE plan_operations SET approved_by = 'ana', approved_at = 'now', approval_scope = 'plan' WHERE id = ?",
    ).run(plain);
    expect(() =>
      db
        .prepare(
          "UPDATE plan_operations SET approved_by = 'ana', approved_at = 'now', approval_scope = 'plan' WHERE id = ?",
        )
        .run(privileged),
    ).toThrow(/CHECK/);
    db.prepare(
      "UPDATE plan_operations SET approved_by = 'ana', approved_at = 'now', approval_scope = 'operation' WHERE id = ?",
    ).run(privileged);
    // Who and when go together.
    expect(() => db.prepare('UPDATE plan_operations SET approved_at = NULL WHERE id = ?').run(plain)).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO plan_journal (operation_id, plan_id, state, updated_at) VALUES (?, 'p1', 'sending', 'now')",
    ).run(plain);
    expect(() => db.prepare("UPDATE plan_journal SET state = 'done'").run()).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO plan_transactions (plan_id, person_id, source, state, payload, updated_at) VALUES ('p1', 7, 'admin', 'pending', '{}', 'now')",
    ).run();
    // One note per person, plan and source: the journal itself cannot hold a second.
    expect(() =>
      db
        .prepare(
          "INSERT INTO plan_transactions (plan_id, person_id, source, state, payload, updated_at) VALUES ('p1', 7, 'admin', 'pending', '{}', 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('takes plans with their instance but keeps the audit trail', () => {
    const db = migrated();
    const op = insertOp(db, 1, 0);
    db.prepare(
      "INSERT INTO plan_journal (operation_id, plan_id, state, updated_at) VALUES (?, 'p1', 'pending', 'now')",
    ).run(op);
    db.prepare(
      `INSERT INTO audit_trail (seq, at, actor, action, instance_id, subject, details, prev_hash, hash) VALUES (1, 'now', 'ana', 'plan.created', 'i1', 'plan:p1', '{}', ?, 'h1')`,
    ).run('0'.repeat(64));
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    for (const t of ['plans', 'plan_operations', 'plan_journal', 'plan_transactions'])
      expect([t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]).toEqual([t, 0]);
    expect(db.prepare('SELECT count(*) FROM audit_trail').pluck().get()).toBe(1);
    db.close();
  });

  it('guards the audit trail: no update, no delete, inserts only at the end of the chain', () => {
    const db = migrated();
    const insert = db.prepare(
      'INSERT INTO audit_trail (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(1, 'now', 'ana', 'x', 's', '{}', '0'.repeat(64), 'h1');
    expect(() => insert.run(3, 'now', 'ana', 'x', 's', '{}', 'h1', 'h3')).toThrow(/extend the chain/);
    expect(() => insert.run(2, 'now', 'ana', 'x', 's', '{}', 'wrong', 'h2')).toThrow(/extend the chain/);
    insert.run(2, 'now', 'ana', 'x', 's', '{}', 'h1', 'h2');
    expect(() => db.prepare("UPDATE audit_trail SET actor = 'eve'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_trail').run()).toThrow(/append-only/);
    db.close();
  });
});
