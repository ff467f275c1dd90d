import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';
import { m0003Mirror } from './0003-mirror';
import { m0004Plans } from './0004-plans';
import { m0006AiSuggestions } from './0006-ai-suggestions';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [m0001Initial, m0002Connections, m0003Mirror, m0004Plans]) m.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Prod', 'https://a.smartsimple.com', 'a', '1', 1, 'now', 'now')`,
  ).run();
  m0006AiSuggestions.up(db);
  return db;
}

const digest = 'a'.repeat(64);
const insert = (db: Database.Database, id: string, over: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO ai_suggestions (id, instance_id, kind, engine, model, input_sha256, output, confidence, created_at)
       VALUES (@id, @instance, @kind, @engine, 'local-rules-1', @digest, '{}', @confidence, 'now')`,
    )
    .run({ id, instance: 'i1', kind: 'recommend_roles', engine: 'local', digest, confidence: 0.8, ...over });

describe('migration 6: AI suggestions', () => {
  it('constrains kinds, engines, digests and confidence', () => {
    const db = migrated();
    insert(db, 's1');
    expect(() => insert(db, 's2', { kind: 'approve_plan' })).toThrow(/CHECK/);
    expect(() => insert(db, 's3', { engine: 'oracle' })).toThrow(/CHECK/);
    expect(() => insert(db, 's4', { digest: 'abc' })).toThrow(/CHECK/);
    expect(() => insert(db, 's5', { confidence: 1.5 })).toThrow(/CHECK/);
    insert(db, 's6', { instance: null, kind: 'explain' });
    db.close();
  });

  it('keeps a decision whole: who and when with it, an operation only for a kept suggestion', () => {
    const db = migrated();
    insert(db, 's1');
    const set = db.prepare(
      'UPDATE ai_suggestions SET decision = ?, decided_by = ?, decided_at = ?, operation_id = ? WHERE id = ?',
    );
    expect(() => set.run('accepted', null, 'now', null, 's1')).toThrow(/CHECK/);
    expect(() => set.run('accepted', 'ana', null, null, 's1')).toThrow(/CHECK/);
    expect(() => set.run('maybe', 'ana', 'now', null, 's1')).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO plans (id, instance_id, title, state, origin, created_by, created_at, updated_at) VALUES ('p1', 'i1', 'T', 'draft', 'ai', 'ana', 'now', 'now')",
    ).run();
    const op = db
      .prepare(
        `INSERT INTO plan_operations (plan_id, seq, kind, person_id, params, before, after, risk, source, created_at, updated_at)
         VALUES ('p1', 1, 'add_role', 7, '{}', '{}', '{}', 'low', 'ai', 'now', 'now')`,
      )
      .run().lastInsertRowid;
    expect(() => set.run('rejected', 'ana', 'now', op, 's1')).toThrow(/CHECK/);
    set.run('edited', 'ana', 'now', op, 's1');
    // The suggestion outlives the operation it became.
    db.prepare('DELETE FROM plan_operations').run();
    expect(db.prepare("SELECT decision, operation_id FROM ai_suggestions WHERE id = 's1'").get()).toEqual({
      decision: 'edited',
      operation_id: null,
    });
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    expect(db.prepare('SELECT count(*) FROM ai_suggestions').pluck().get()).toBe(0);
    db.close();
  });
});
