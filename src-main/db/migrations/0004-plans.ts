import type { Migration } from './index';

/**
 * Plans of changes, their apply journal, and the local audit trail.
 *
 * Choices worth knowing:
 * - An operation keeps `before`/`after` as JSON of the wire fields it touches (from the mirror at
 *   planning time) and `params` (what to do). Approval sits on the operation row; editing it
 *   clears the approval in the same statement that changes it.
 * - The journal has one row per operation, written when an apply starts. Its state moves
 *   pending -> sending -> sent/unknown -> verified | failed | skipped_drift, and the 'sending' row
 *   (with the exact record sent) is committed BEFORE the call goes out, so a crash leaves a row
 *   that says "find out before resending".
 * - The SmartSimple transactions (one note per changed person, per plan and source) have their
 *   own journal, keyed so that a person gets at most one note per plan and source.
 * - The audit trail has no foreign key: it must outlive the instances and plans it talks about.
 *   Triggers refuse UPDATE and DELETE and an INSERT that does not extend the chain; a determined
 *   editor can drop them, which the hash chain and the head copy in `settings` still reveal.
 */
export const m0004Plans: Migration = {
  version: 4,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'applying', 'applied', 'partially_applied', 'failed', 'discarded')),
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'csv', 'filter', 'ai', 'undo', 'onboarding', 'review')),
        undo_of TEXT REFERENCES plans(id) ON DELETE SET NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Bumped by every edit of the operations, so an export names the version it was made from.
        revision INTEGER NOT NULL DEFAULT 1,
        applied_by TEXT,
        apply_started_at TEXT,
        apply_finished_at TEXT,
        -- JSON summary of the last apply run (counts, calls, resumes).
        result TEXT
      ) STRICT;
      CREATE INDEX plans_instance ON plans(instance_id, state, updated_at DESC);

      CREATE TABLE plan_operations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('create_person', 'update_fields', 'add_role', 'remove_role', 'add_assignment', 'remove_assignment', 'set_access', 'deactivate')),
        person_id INTEGER,
        params TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
        risk_reasons TEXT NOT NULL DEFAULT '[]',
        privileged INTEGER NOT NULL DEFAULT 0 CHECK (privileged IN (0, 1)),
        source TEXT NOT NULL CHECK (source IN ('admin', 'ai')),
        ai_suggestion_id TEXT,
        approved_by TEXT,
        approved_at TEXT,
        approval_scope TEXT CHECK (approval_scope IN ('operation', 'plan', 'import')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (plan_id, seq),
        CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
        -- The rule of rules, kept by the schema too: a privileged operation is approved on its own.
        CHECK (privileged = 0 OR approval_scope IS NULL OR approval_scope IN ('operation', 'import'))
      ) STRICT;
      CREATE INDEX plan_operations_person ON plan_operations(person_id, plan_id);

      CREATE TABLE plan_journal (
        operation_id INTEGER PRIMARY KEY REFERENCES plan_operations(id) ON DELETE CASCADE,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'unknown', 'verified', 'failed', 'skipped_drift')),
        -- Which write call carried it (ops of one person share a call), and what exactly was sent.
        call_id INTEGER,
        request TEXT,
        -- The touched fields as read just before the write, and as read back after it.
        actual_before TEXT,
        actual_after TEXT,
        -- A created person's id; an association's id.
        recordid TEXT,
        -- The server's own text for a failure, or what drifted.
        message TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_journal_plan ON plan_journal(plan_id, state);

      CREATE TABLE plan_transactions (
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('admin', 'ai')),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'unknown', 'failed')),
        payload TEXT NOT NULL,
        call_id INTEGER,
        transaction_id TEXT,
        message TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (plan_id, person_id, source)
      ) STRICT;

      CREATE TABLE audit_trail (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        instance_id TEXT,
        subject TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_trail_subject ON audit_trail(subject, seq);
      CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail BEGIN
        SELECT RAISE(ABORT, 'The audit trail is append-only: an entry cannot be changed.');
      END;
      CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail BEGIN
        SELECT RAISE(ABORT, 'The audit trail is append-only: an entry cannot be deleted.');
      END;
      CREATE TRIGGER audit_trail_chain BEFORE INSERT ON audit_trail
      WHEN new.seq IS NOT coalesce((SELECT max(seq) FROM audit_trail), 0) + 1
        OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_trail ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}') BEGIN
        SELECT RAISE(ABORT, 'The audit trail is append-only: a new entry must extend the chain.');
      END;
    `);
  },
};
