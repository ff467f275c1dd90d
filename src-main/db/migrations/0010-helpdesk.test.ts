import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0010Helpdesk } from './0010-helpdesk';

function migrated(until: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS) if (m.version <= until) m.up(db);
  return db;
}

const instance = (db: Database.Database, id: string) =>
  db
    .prepare(
      "INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at) VALUES (?, ?, 'h', 'a', '1', 1, 'x', 'x')",
    )
    .run(id, id);

describe('migration helpdesk', () => {
  it('keeps the AI suggestions, takes answer_question, and still refuses an unknown kind', () => {
    const db = migrated(m0010Helpdesk.version - 1);
    instance(db, 'i1');
    const insert = db.prepare(
      "INSERT INTO ai_suggestions (id, instance_id, kind, engine, model, input_sha256, output, confidence, created_at) VALUES (?, 'i1', ?, 'local', 'm', ?, '{}', 0.5, 'x')",
    );
    insert.run('before', 'explain', 'a'.repeat(64));
    m0010Helpdesk.up(db);
    expect(db.prepare('SELECT id, kind FROM ai_suggestions').all()).toEqual([{ id: 'before', kind: 'explain' }]);
    insert.run('after', 'answer_question', 'b'.repeat(64));
    expect(() => insert.run('bad', 'guess', 'c'.repeat(64))).toThrow(/CHECK/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ai_suggestions'");
    expect(indexes.pluck().all()).toEqual(expect.arrayContaining(['ai_suggestions_kind', 'ai_suggestions_instance']));
    // Still removed with its instance.
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    expect(db.prepare('SELECT count(*) FROM ai_suggestions').pluck().get()).toBe(0);
  });

  it('indexes the guide and the resolutions apart, with stemming, follows edits, removes them with their instance', () => {
    const db = migrated(m0010Helpdesk.version);
    instance(db, 'i1');
    const add = db.prepare('INSERT INTO help_passages (instance_id, source, ref, title, body) VALUES (?, ?, ?, ?, ?)');
    add.run(null, 'guide', 'access#locked', 'Locked accounts', 'SmartSimple locks an account after failed sign-ins.');
    add.run('i1', 'outcome', 'outcome:1', 'Troubleshooter', 'The account was locked; unlocked in SmartSimple.');
    const match = (q: string) =>
      ['guide', 'resolutions'].flatMap(
        (index) =>
          db
            .prepare(
              `SELECT p.ref FROM help_${index}_fts f JOIN help_passages p ON p.id = f.rowid WHERE help_${index}_fts MATCH ? ORDER BY rank`,
            )
            .pluck()
            .all(q) as string[],
      );
    expect(match('locking')).toEqual(expect.arrayContaining(['access#locked', 'outcome:1']));
    db.prepare("UPDATE help_passages SET body = 'Expiry dates' WHERE ref = 'outcome:1'").run();
    expect(match('locking')).toEqual(['access#locked']);
    expect(match('date')).toEqual(['outcome:1']);
    expect(() => add.run('i1', 'guide', 'access#locked', 't', 'b')).toThrow(/UNIQUE/);
    // Each index counts only its own passages.
    const vocab = db.prepare("SELECT doc FROM help_resolutions_vocab WHERE term = 'date'").pluck();
    expect(vocab.get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM help_guide_fts WHERE help_guide_fts MATCH 'date'").pluck().get()).toBe(0);
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    expect(match('date')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM help_passages').pluck().get()).toBe(1);
  });

  it('keeps outcomes with their instance and forgets a discarded plan', () => {
    const db = migrated(m0010Helpdesk.version);
    instance(db, 'i1');
    db.prepare(
      "INSERT INTO plans (id, instance_id, title, state, origin, created_by, created_at, updated_at) VALUES ('p1', 'i1', 't', 'draft', 'manual', 'a', 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO helpdesk_outcomes (instance_id, person_id, person_name, target_kind, checks, plan_id, created_at) VALUES ('i1', 5, 'A B', 'portal', '[]', 'p1', 'x')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO helpdesk_outcomes (instance_id, person_id, person_name, target_kind, checks, created_at) VALUES ('i1', 5, 'A B', 'team', '[]', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare("DELETE FROM plans WHERE id = 'p1'").run();
    expect(db.prepare('SELECT plan_id FROM helpdesk_outcomes').pluck().get()).toBeNull();
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    expect(db.prepare('SELECT count(*) FROM helpdesk_outcomes').pluck().get()).toBe(0);
  });
});
