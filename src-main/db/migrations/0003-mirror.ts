import type { Migration } from './index';

/**
 * The mirror of each instance (people, organizations, roles and holdings, programs and their UTA
 * assignments, the two audit logs) and the sync bookkeeping that makes a sync resumable.
 *
 * Choices worth knowing:
 * - Every mirror row keeps `raw`, the wire record as JSON, beside the typed columns: custom fields
 *   the app does not model yet survive, and change detection is one string comparison. People
 *   keep it in a table of its own so the people rows that filters and counts scan stay small.
 * - Dates keep the wire text `YYYY-MM-DD HH:MM:SS` (UTC): it sorts as text and goes back into
 *   criteria unchanged.
 * - Rows removed on the server are kept with `deleted_at` (an access review still wants to see who
 *   held what); the admin's `privileged` flag on a role is never touched by a sync.
 * - Search is a contentless FTS5 trigram index (substring match on name, email and organization)
 *   of live people, kept by triggers, so a cascade delete of an instance cleans it too. Its rowid
 *   is the person's key (instance ordinal * 2^40 + person id): a rowid range is one instance, and
 *   counting matches never touches the people table.
 * - The logs have natural keys (event id, session id): re-fetching a page is INSERT OR IGNORE.
 */
export const m0003Mirror: Migration = {
  version: 3,
  name: 'mirror',
  up(db) {
    db.exec(`
      CREATE TABLE mirror_organizations (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        parent_id INTEGER,
        name TEXT NOT NULL,
        is_external INTEGER NOT NULL DEFAULT 0 CHECK (is_external IN (0, 1)),
        status TEXT,
        last_updated TEXT,
        raw TEXT NOT NULL,
        deleted_at TEXT,
        PRIMARY KEY (instance_id, id)
      ) STRICT;
      CREATE INDEX mirror_organizations_parent ON mirror_organizations(instance_id, parent_id);

      -- A small number per instance: people keys are ordinal * 2^40 + person id, so one instance's
      -- people are one rowid range (the search index is scoped by it without a join).
      CREATE TABLE mirror_instances (
        instance_id TEXT PRIMARY KEY REFERENCES instances(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL UNIQUE CHECK (ordinal BETWEEN 1 AND 8191)
      ) STRICT;

      -- Slim on purpose (raw lives in mirror_people_raw): filters and counts scan these rows.
      CREATE TABLE mirror_people (
        key INTEGER PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        first_name TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
        last_name TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
        email TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
        title TEXT,
        phone TEXT,
        company_id INTEGER,
        is_external INTEGER NOT NULL DEFAULT 0 CHECK (is_external IN (0, 1)),
        role_ids TEXT NOT NULL DEFAULT '',
        access_type TEXT,
        user_type TEXT,
        status TEXT,
        access_expiry TEXT,
        department TEXT,
        manager_id INTEGER,
        last_login TEXT,
        last_updated TEXT,
        created TEXT,
        deleted_at TEXT,
        UNIQUE (instance_id, id)
      ) STRICT;
      CREATE INDEX mirror_people_company ON mirror_people(instance_id, company_id);
      -- The People table's default order, and 1-2 letter prefix search (LIKE 'ab%' on NOCASE
      -- columns uses them), over live people only.
      CREATE INDEX mirror_people_name ON mirror_people(instance_id, last_name, first_name) WHERE deleted_at IS NULL;
      CREATE INDEX mirror_people_first_name ON mirror_people(instance_id, first_name, last_name) WHERE deleted_at IS NULL;

      CREATE TABLE mirror_people_raw (
        key INTEGER PRIMARY KEY REFERENCES mirror_people(key) ON DELETE CASCADE,
        raw TEXT NOT NULL
      ) STRICT;

      -- Live people only: a removed person leaves the index and comes back when restored.
      CREATE VIRTUAL TABLE mirror_people_fts USING fts5(
        name, email, org,
        content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER mirror_people_fts_insert AFTER INSERT ON mirror_people WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO mirror_people_fts (rowid, name, email, org) VALUES (
          new.key, new.first_name || ' ' || new.last_name, new.email,
          coalesce((SELECT name FROM mirror_organizations o WHERE o.instance_id = new.instance_id AND o.id = new.company_id), ''));
      END;
      -- Explicit DELETE then INSERT: an OR REPLACE inside a trigger gives way to the conflict policy
      -- of the statement that fired it, which would leave the old terms behind.
      CREATE TRIGGER mirror_people_fts_update AFTER UPDATE OF first_name, last_name, email, company_id, deleted_at ON mirror_people
      WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name OR old.email IS NOT new.email
        OR old.company_id IS NOT new.company_id OR old.deleted_at IS NOT new.deleted_at BEGIN
        DELETE FROM mirror_people_fts WHERE rowid = old.key;
        INSERT INTO mirror_people_fts (rowid, name, email, org) SELECT
          new.key, new.first_name || ' ' || new.last_name, new.email,
          coalesce((SELECT name FROM mirror_organizations o WHERE o.instance_id = new.instance_id AND o.id = new.company_id), '')
          WHERE new.deleted_at IS NULL;
      END;
      CREATE TRIGGER mirror_people_fts_delete AFTER DELETE ON mirror_people BEGIN
        DELETE FROM mirror_people_fts WHERE rowid = old.key;
      END;
      -- An organization that arrives or is renamed after its people (order of a resumed sync,
      -- or a rename on the server) refreshes their search rows.
      CREATE TRIGGER mirror_organizations_fts_insert AFTER INSERT ON mirror_organizations BEGIN
        DELETE FROM mirror_people_fts WHERE rowid IN (SELECT p.key FROM mirror_people p WHERE p.instance_id = new.instance_id AND p.company_id = new.id);
        INSERT INTO mirror_people_fts (rowid, name, email, org)
          SELECT p.key, p.first_name || ' ' || p.last_name, p.email, new.name
          FROM mirror_people p WHERE p.instance_id = new.instance_id AND p.company_id = new.id AND p.deleted_at IS NULL;
      END;
      CREATE TRIGGER mirror_organizations_fts_rename AFTER UPDATE OF name ON mirror_organizations
      WHEN old.name IS NOT new.name BEGIN
        DELETE FROM mirror_people_fts WHERE rowid IN (SELECT p.key FROM mirror_people p WHERE p.instance_id = new.instance_id AND p.company_id = new.id);
        INSERT INTO mirror_people_fts (rowid, name, email, org)
          SELECT p.key, p.first_name || ' ' || p.last_name, p.email, new.name
          FROM mirror_people p WHERE p.instance_id = new.instance_id AND p.company_id = new.id AND p.deleted_at IS NULL;
      END;

      CREATE TABLE mirror_roles (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        uta_only INTEGER NOT NULL DEFAULT 0 CHECK (uta_only IN (0, 1)),
        -- Set by the administrator only; NULL means not decided yet.
        privileged INTEGER CHECK (privileged IN (0, 1)),
        privileged_set_at TEXT,
        raw TEXT NOT NULL,
        deleted_at TEXT,
        PRIMARY KEY (instance_id, id)
      ) STRICT;

      -- Profile roles per person, derived from the person's role list on every change.
      CREATE TABLE mirror_role_holdings (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        role_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        PRIMARY KEY (instance_id, role_id, person_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mirror_role_holdings_person ON mirror_role_holdings(instance_id, person_id);

      CREATE TABLE mirror_programs (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        name TEXT NOT NULL,
        status TEXT,
        type TEXT,
        owner_id INTEGER,
        last_updated TEXT,
        raw TEXT NOT NULL,
        deleted_at TEXT,
        PRIMARY KEY (instance_id, id)
      ) STRICT;

      CREATE TABLE mirror_program_assignments (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        association_id INTEGER NOT NULL,
        program_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        role_id INTEGER NOT NULL,
        role_name TEXT,
        raw TEXT NOT NULL,
        deleted_at TEXT,
        PRIMARY KEY (instance_id, association_id)
      ) STRICT;
      CREATE INDEX mirror_program_assignments_person ON mirror_program_assignments(instance_id, person_id);
      CREATE INDEX mirror_program_assignments_program ON mirror_program_assignments(instance_id, program_id);

      -- The logs are append-only on the server: natural keys, no raw copy (the columns are fixed).
      -- A million rows: keys are integers like people's (ordinal * 2^40 + id), so the rows are
      -- appended in key order and the per-person index holds two small numbers and a date instead
      -- of the instance's 36-character id twice. user_key is the person's key.
      CREATE TABLE mirror_access_events (
        key INTEGER PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        event_id INTEGER NOT NULL,
        user_key INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        detail TEXT,
        changed_by INTEGER,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mirror_access_events_user ON mirror_access_events(user_key, at);

      CREATE TABLE mirror_login_sessions (
        key INTEGER PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        session_id INTEGER NOT NULL,
        user_key INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        ip TEXT,
        user_agent TEXT
      ) STRICT;
      CREATE INDEX mirror_login_sessions_user ON mirror_login_sessions(user_key, started_at);

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental', 'reconcile')),
        state TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'cancelled')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        -- Added/changed/removed per kind and calls used; rewritten with every page so a resumed
        -- run keeps counting from where the crashed one stopped.
        summary TEXT NOT NULL DEFAULT '{}',
        error TEXT
      ) STRICT;
      CREATE INDEX sync_runs_instance ON sync_runs(instance_id, id DESC);

      -- One row per instance and entity. The pass columns say how far the pass in progress got
      -- (committed in the same transaction as the page's rows); watermark and last_count are what
      -- the last completed pass left for the next incremental sync and for planning.
      CREATE TABLE sync_cursors (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        phase TEXT CHECK (phase IN ('full', 'incremental', 'reconcile', 'band')),
        run_id INTEGER,
        since TEXT,
        after_id INTEGER,
        pages INTEGER NOT NULL DEFAULT 0,
        records INTEGER NOT NULL DEFAULT 0,
        max_seen TEXT,
        pass_started_ms INTEGER,
        total INTEGER,
        watermark TEXT,
        last_count INTEGER,
        completed_at TEXT,
        PRIMARY KEY (instance_id, entity)
      ) STRICT;

      -- Ids the server listed during a pass that looks for deletions; kept on disk so a resumed
      -- pass does not list the finished pages again.
      CREATE TABLE sync_seen (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        id INTEGER NOT NULL,
        PRIMARY KEY (instance_id, entity, id)
      ) STRICT, WITHOUT ROWID;

      -- Secondary indexes a first full sync drops while it fills an empty table and builds again
      -- at the end (one sort instead of a million random inserts). Their definitions wait here,
      -- so whatever stops the sync, the next one puts them back exactly as they were.
      CREATE TABLE sync_deferred_indexes (
        name TEXT PRIMARY KEY,
        table_name TEXT NOT NULL,
        sql TEXT NOT NULL
      ) STRICT;
    `);
  },
};
