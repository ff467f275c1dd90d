import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0008Ask } from './0008-ask';

describe('migration ask', () => {
  it('creates the saved questions table, removed with its instance', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS) if (m.version <= m0008Ask.version) m.up(db);
    const cols = db.prepare('PRAGMA table_info(ask_saved_questions)').all() as { name: string }[];
    expect(cols.map((c) => c.name)).toEqual(['id', 'instance_id', 'question', 'sql', 'created_at']);
    expect(() =>
      db.prepare("INSERT INTO ask_saved_questions (instance_id, question, created_at) VALUES ('nope', 'q', 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
