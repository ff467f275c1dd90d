import type { Migration } from './index';

/** Saved questions per instance: the words, and the SQL when the administrator edited it. */
export const m0008Ask: Migration = {
  version: 8,
  name: 'ask',
  up(db) {
    db.exec(`
      CREATE TABLE ask_saved_questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        sql TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ask_saved_questions_instance ON ask_saved_questions(instance_id, id);
    `);
  },
};
