import type { Migration } from './index';

/**
 * The documents intake has read: one row per distinct content (sha256), its bytes kept as a file
 * under the data folder (intake/<sha256>), and what was read as JSON so a proposal can be shown
 * again, with its pages, without reading the document anew. An e-mail's attachments are documents
 * of their own, linked to the e-mail.
 */
export const m0009IntakeDocuments: Migration = {
  version: 9,
  name: 'intake-documents',
  up(db) {
    db.exec(`
      CREATE TABLE intake_documents (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        result TEXT NOT NULL,
        parent_id TEXT REFERENCES intake_documents(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        read_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_documents_read ON intake_documents(read_at);
    `);
  },
};
