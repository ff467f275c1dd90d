import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * The help desk: what the access troubleshooter found (its outcomes, with the fix plan when one
 * was made), and the knowledge base it searches: the guide's sections and the past resolutions of
 * each instance as passages, indexed with FTS5 (BM25 ranking).
 *
 * Choices worth knowing:
 * - An outcome keeps its checks as JSON, as shown at the time: the mirror moves on, the record of
 *   what the administrator saw must not.
 * - Passages live in `help_passages`, indexed by two external-content FTS5 tables kept by
 *   triggers: the guide's sections, and the past resolutions (outcomes, applied plans, findings).
 *   The porter stemmer makes "locked" find "lock". Guide passages have no instance; resolutions
 *   belong to one and go with it. `names` lists the people a passage names, so an LLM prompt can
 *   pseudonymize them.
 * - `ai_suggestions.kind` gains 'answer_question' (an answer written from passages). SQLite
 *   cannot widen a CHECK in place: the table is rebuilt from its own stored definition, so columns
 *   another migration may have added survive, and nothing references it.
 */
export const m0010Helpdesk: Migration = {
  version: 10,
  name: 'helpdesk',
  up(db) {
    db.exec(`
      CREATE TABLE helpdesk_outcomes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL,
        person_name TEXT NOT NULL,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('program', 'role', 'portal')),
        target_id INTEGER,
        target_name TEXT,
        checks TEXT NOT NULL,
        -- The ids of the failed checks, comma-separated ('' when everything passed).
        failed TEXT NOT NULL DEFAULT '',
        plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
        -- The mirror's last completed sync when the checks ran.
        synced_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX helpdesk_outcomes_person ON helpdesk_outcomes(instance_id, person_id, id DESC);
      CREATE INDEX helpdesk_outcomes_plan ON helpdesk_outcomes(plan_id) WHERE plan_id IS NOT NULL;

      CREATE TABLE help_passages (
        id INTEGER PRIMARY KEY,
        instance_id TEXT REFERENCES instances(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('guide', 'outcome', 'plan', 'finding')),
        ref TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        names TEXT NOT NULL DEFAULT '[]',
        at TEXT,
        UNIQUE (source, ref)
      ) STRICT;
      CREATE INDEX help_passages_instance ON help_passages(instance_id, source);

      -- Two indexes over the passages: the guide's, and the past resolutions'. Each has its own
      -- statistics, so thousands of resolutions never change how the guide ranks (a word every
      -- outcome repeats would otherwise lose its weight in the guide too).
      ${passageIndex('guide', "= 'guide'")}
      ${passageIndex('resolutions', "<> 'guide'")}
      -- How many resolutions hold each (stemmed) term: a word thousands of them repeat ranks next
      -- to nothing but costs the most to match, so the resolutions' search leaves it out.
      CREATE VIRTUAL TABLE help_resolutions_vocab USING fts5vocab(help_resolutions_fts, 'row');

      -- The digest of the guide last indexed: a changed guide is indexed again at start.
      CREATE TABLE help_guide_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        digest TEXT NOT NULL,
        indexed_at TEXT NOT NULL
      ) STRICT;
    `);
    widenSuggestionKinds(db, ['answer_question']);
  },
};

/**
 * An external-content FTS5 index over the passages whose source matches `condition`, kept by
 * triggers, ranked by BM25 with the title weighing twice the body inside FTS5 (`ORDER BY rank`).
 * A passage's source never changes, so the triggers test it once.
 */
function passageIndex(name: 'guide' | 'resolutions', condition: string): string {
  const fts = `help_${name}_fts`;
  return `
      CREATE VIRTUAL TABLE ${fts} USING fts5(
        title, body,
        content = 'help_passages', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      INSERT INTO ${fts} (${fts}, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
      CREATE TRIGGER ${fts}_insert AFTER INSERT ON help_passages WHEN new.source ${condition} BEGIN
        INSERT INTO ${fts} (rowid, title, body) VALUES (new.id, new.title, new.body);
      END;
      CREATE TRIGGER ${fts}_delete AFTER DELETE ON help_passages WHEN old.source ${condition} BEGIN
        INSERT INTO ${fts} (${fts}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
      END;
      CREATE TRIGGER ${fts}_update AFTER UPDATE OF title, body ON help_passages WHEN old.source ${condition} BEGIN
        INSERT INTO ${fts} (${fts}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO ${fts} (rowid, title, body) VALUES (new.id, new.title, new.body);
      END;`;
}

/** Rebuilds ai_suggestions with more values in its kind CHECK, from its own stored definition. */
export function widenSuggestionKinds(db: Database.Database, kinds: readonly string[]): void {
  const definition = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ai_suggestions'")
    .pluck()
    .get() as string | undefined;
  if (!definition) throw new Error('ai_suggestions is missing: migration 6 must run first.');
  const check = /(kind\s+TEXT\s+NOT\s+NULL\s+CHECK\s*\(\s*kind\s+IN\s*\([^)]*)\)/i;
  if (!check.test(definition)) throw new Error('The kind CHECK of ai_suggestions was not found.');
  const added = kinds.filter((k) => !definition.includes(`'${k}'`)).map((k) => `, '${k}'`);
  if (added.length === 0) return;
  const widened = definition
    .replace(check, (_, head: string) => `${head}${added.join('')})`)
    .replace(/^CREATE TABLE\s+"?ai_suggestions"?/i, 'CREATE TABLE ai_suggestions_next');
  const indexes = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ai_suggestions' AND sql IS NOT NULL")
    .pluck()
    .all() as string[];
  db.exec(widened);
  db.exec(`
    INSERT INTO ai_suggestions_next SELECT * FROM ai_suggestions;
    DROP TABLE ai_suggestions;
    ALTER TABLE ai_suggestions_next RENAME TO ai_suggestions;
  `);
  for (const index of indexes) db.exec(index);
}
