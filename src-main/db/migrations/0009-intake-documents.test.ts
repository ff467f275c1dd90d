import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0009IntakeDocuments } from './0009-intake-documents';

describe('migration intake-documents', () => {
  it('creates the documents table, one row per content, attachments pointing at their e-mail', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS) if (m.version <= m0009IntakeDocuments.version) m.up(db);
    const cols = db.prepare('PRAGMA table_info(intake_documents)').all() as { name: string }[];
    expect(cols.map((c) => c.name)).toEqual([
      'id',
      'sha256',
      'name',
      'format',
      'size',
      'pages',
      'result',
      'parent_id',
      'created_at',
      'read_at',
    ]);
    const insert = db.prepare(
      "INSERT INTO intake_documents (id, sha256, name, format, size, pages, result, parent_id, created_at, read_at) VALUES (?, ?, 'a.pdf', 'pdf', 1, 1, '{}', ?, 'x', 'x')",
    );
    insert.run('doc_a', 'aa', null);
    expect(() => insert.run('doc_b', 'aa', null)).toThrow(/UNIQUE/);
    expect(() => insert.run('doc_c', 'cc', 'doc_nope')).toThrow(/FOREIGN KEY/);
    insert.run('doc_d', 'dd', 'doc_a');
    db.prepare("DELETE FROM intake_documents WHERE id = 'doc_a'").run();
    expect(db.prepare("SELECT parent_id FROM intake_documents WHERE id = 'doc_d'").get()).toEqual({ parent_id: null });
  });
});
