/** Saved questions: a small table per instance (migration "ask"). */
import type { SavedQuestion } from '../../src-preload/contract/ask';
import type { DB } from '../db/open';

const COLUMNS = 'id, instance_id AS instanceId, question, sql, created_at AS createdAt';

export function listSaved(db: DB, instanceId: string): SavedQuestion[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM ask_saved_questions WHERE instance_id = ? ORDER BY id DESC`)
    .all(instanceId) as SavedQuestion[];
}

export function saveQuestion(
  db: DB,
  instanceId: string,
  question: string,
  sql: string | null,
  at: string,
): SavedQuestion {
  const id = db
    .prepare('INSERT INTO ask_saved_questions (instance_id, question, sql, created_at) VALUES (?, ?, ?, ?)')
    .run(instanceId, question, sql, at).lastInsertRowid;
  return db.prepare(`SELECT ${COLUMNS} FROM ask_saved_questions WHERE id = ?`).get(id) as SavedQuestion;
}

export function deleteSaved(db: DB, id: number): boolean {
  return db.prepare('DELETE FROM ask_saved_questions WHERE id = ?').run(id).changes > 0;
}
