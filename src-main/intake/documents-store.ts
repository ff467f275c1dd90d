/** The stored documents' rows: one per distinct content, with what was read as JSON. */
import type { IntakeResult } from '../../src-preload/contract';
import type { DB } from '../db/open';

export interface StoredDocument {
  id: string;
  sha256: string;
  name: string;
  format: string;
  size: number;
  result: IntakeResult;
  parentId: string | null;
}

/** Inserts or refreshes the row of a content (the same bytes read again keep their id). */
export function saveDocument(db: DB, doc: StoredDocument, now: string): void {
  db.prepare(
    `INSERT INTO intake_documents (id, sha256, name, format, size, pages, result, parent_id, created_at, read_at)
     VALUES (@id, @sha256, @name, @format, @size, @pages, @result, @parentId, @now, @now)
     ON CONFLICT(sha256) DO UPDATE SET name = excluded.name, format = excluded.format, pages = excluded.pages,
       result = excluded.result, parent_id = COALESCE(excluded.parent_id, intake_documents.parent_id),
       read_at = excluded.read_at`,
  ).run({
    id: doc.id,
    sha256: doc.sha256,
    name: doc.name,
    format: doc.format,
    size: doc.size,
    pages: doc.result.pages.length,
    result: JSON.stringify(doc.result),
    parentId: doc.parentId,
    now,
  });
}

export function getDocument(db: DB, id: string): StoredDocument | null {
  const row = db
    .prepare('SELECT id, sha256, name, format, size, result, parent_id FROM intake_documents WHERE id = ?')
    .get(id) as
    | {
        id: string;
        sha256: string;
        name: string;
        format: string;
        size: number;
        result: string;
        parent_id: string | null;
      }
    | undefined;
  if (!row) return null;
  const { parent_id: parentId, result, ...rest } = row;
  return { ...rest, parentId, result: JSON.parse(result) as IntakeResult };
}

/** Runs fn in one transaction (the rows of an e-mail and its attachments land together or not at all). */
export function inTransaction(db: DB, fn: () => void): void {
  db.transaction(fn)();
}
