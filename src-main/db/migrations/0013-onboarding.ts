import type { Migration } from './index';

/**
 * Onboarding proposals kept across restarts, and the `create_organization` plan operation.
 *
 * Choices worth knowing:
 * - A dropped document is one `onboarding_documents` row (what intake read: its pages' text and
 *   item boxes, so the review can highlight a field's source without reading the file again; the
 *   bytes are intake's business, `intake_document_id` names them when intake keeps them). Each
 *   record it holds (a CSV list gives one per row) is one `onboarding_proposals` row.
 * - Documents dropped together share a `batch_id`: the queue shows them as one drop.
 * - A proposal is stored whole as JSON (`proposal`): it is rebuilt from its fields and decisions
 *   against the mirror each time it is edited, so no column of it is queried on its own except
 *   its state, its plan and the person's name shown in the queue.
 * - `plan_operations.kind` gains 'create_organization'. SQLite cannot alter a CHECK; rebuilding
 *   the table would need foreign keys off, which cannot be switched inside the migration's
 *   transaction (and dropping the old table would cascade into the journal). So the CHECK is
 *   widened in place with `writable_schema`, the way SQLite documents for loosening a
 *   constraint that no stored row can break: the schema text changes, the stored rows do not,
 *   and `schema_version` is bumped so every connection re-reads it.
 */
export const m0013Onboarding: Migration = {
  version: 13,
  name: 'onboarding',
  up(db) {
    db.exec(`
      CREATE TABLE onboarding_documents (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        batch_id TEXT NOT NULL,
        file TEXT NOT NULL CHECK (length(file) BETWEEN 1 AND 500),
        format TEXT NOT NULL,
        intake_document_id TEXT,
        -- JSON: the pages as intake read them (number, width, height, text, items with boxes).
        pages TEXT NOT NULL DEFAULT '[]',
        warnings TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX onboarding_documents_batch ON onboarding_documents(instance_id, batch_id);

      CREATE TABLE onboarding_proposals (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES onboarding_documents(id) ON DELETE CASCADE,
        record_index INTEGER NOT NULL DEFAULT 0 CHECK (record_index >= 0),
        state TEXT NOT NULL CHECK (state IN ('to_review', 'planned', 'dismissed')),
        -- The person's name as the document gives it, for the queue.
        title TEXT NOT NULL DEFAULT '',
        proposal TEXT NOT NULL,
        plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
        dismissed_by TEXT,
        dismissed_reason TEXT CHECK (dismissed_reason IS NULL OR length(dismissed_reason) <= 500),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (document_id, record_index),
        CHECK (state = 'planned' OR plan_id IS NULL),
        CHECK ((state = 'dismissed') = (dismissed_by IS NOT NULL))
      ) STRICT;
      CREATE INDEX onboarding_proposals_queue ON onboarding_proposals(instance_id, state, created_at);
    `);
    widenOperationKinds(db);
  },
};

function widenOperationKinds(db: Parameters<Migration['up']>[0]): void {
  const from = "'set_access', 'deactivate'))";
  const to = "'set_access', 'deactivate', 'create_organization'))";
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'plan_operations'")
    .pluck()
    .get();
  if (typeof sql !== 'string' || !sql.includes(from))
    throw new Error('plan_operations does not have the operation kinds this migration expects');
  const version = db.pragma('schema_version', { simple: true }) as number;
  // better-sqlite3 opens connections in defensive mode, which forbids writing the schema table.
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare(
      "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'plan_operations'",
    ).run(from, to);
    db.pragma(`schema_version = ${version + 1}`);
  } finally {
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
  }
}
