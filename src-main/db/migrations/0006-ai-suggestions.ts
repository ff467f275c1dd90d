import type { Migration } from './index';

/**
 * The AI suggestion record: every suggestion an engine made, and later what the administrator did
 * with it.
 *
 * Choices worth knowing:
 * - The inputs are kept only as a sha256 digest: the record says "this answer came from exactly
 *   these inputs" without holding a second copy of a document's text.
 * - `fallback_reason` is set when the LLM engine was chosen but the local engine answered (and
 *   says why: refused connection, timeout, invalid JSON, schema violation...).
 * - A decision is written once, with who and when; the plan operation it became is kept when
 *   there is one (and only for a suggestion that was accepted or edited).
 * - `instance_id` is optional (explaining a finding needs no instance) and goes with its instance.
 */
export const m0006AiSuggestions: Migration = {
  version: 6,
  name: 'ai-suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE ai_suggestions (
        id TEXT PRIMARY KEY,
        instance_id TEXT REFERENCES instances(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('extract_fields', 'resolve_entity', 'recommend_roles', 'interpret_question', 'explain')),
        engine TEXT NOT NULL CHECK (engine IN ('local', 'llm')),
        model TEXT NOT NULL,
        input_sha256 TEXT NOT NULL CHECK (length(input_sha256) = 64),
        output TEXT NOT NULL,
        confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        explanation TEXT NOT NULL DEFAULT '',
        fallback_reason TEXT,
        created_at TEXT NOT NULL,
        decision TEXT CHECK (decision IN ('accepted', 'edited', 'rejected')),
        decided_by TEXT,
        decided_at TEXT,
        operation_id INTEGER REFERENCES plan_operations(id) ON DELETE SET NULL,
        CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
        CHECK (operation_id IS NULL OR decision IN ('accepted', 'edited'))
      ) STRICT;
      CREATE INDEX ai_suggestions_kind ON ai_suggestions(kind, decision);
      CREATE INDEX ai_suggestions_instance ON ai_suggestions(instance_id, created_at);
    `);
  },
};
