import type { Migration } from './index';

/**
 * Access review campaigns and license settings.
 *
 * Choices worth knowing:
 * - A campaign keeps its items as a snapshot taken when it was created: the person, the role or
 *   program assignment or login access under review, the names as they were, the recommendation
 *   with every reason (JSON) and the risk score. A sync afterwards does not change what the
 *   reviewers were shown; the sign-off checks each revocation against the mirror again (the plan
 *   builder does).
 * - Columns the item list filters on (kind, recommendation, decision, risk, privileged, side,
 *   department, reviewer, stage) are typed; `reason_codes` is `,code,code,` so a reason filter is
 *   one LIKE.
 * - Every decision is an action (`review_actions`: who, when, why, what it selected) and one row
 *   per item it changed (`review_decisions`, with the action the item held before), so an action
 *   is undone exactly, item by item, until the sign-off.
 * - Stages: an item carries the stage its current decision belongs to; closing a stage moves the
 *   items kept in it to the next one, undecided, while revocations stay where they were made.
 * - Workbook exports are kept with their content hash: an import must match an export of this
 *   campaign and stage, and the items as they stand.
 * - Recurrences share a `series_id`; the next campaign of a quarterly one starts on `next_start_on`.
 */
export const m0015Reviews: Migration = {
  version: 15,
  name: 'reviews',
  up(db) {
    db.exec(`
      CREATE TABLE review_campaigns (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        series_id TEXT NOT NULL,
        sequence INTEGER NOT NULL DEFAULT 1 CHECK (sequence >= 1),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        scope TEXT NOT NULL,
        item_kinds TEXT NOT NULL,
        stages TEXT NOT NULL,
        current_stage INTEGER NOT NULL DEFAULT 1 CHECK (current_stage BETWEEN 1 AND 3),
        default_decision TEXT NOT NULL CHECK (default_decision IN ('keep', 'revoke', 'recommendation')),
        recurrence TEXT NOT NULL CHECK (recurrence IN ('none', 'quarterly')),
        due_on TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('active', 'signed_off', 'cancelled')),
        -- The moment the mirror was judged at, and the scan whose findings and risk scores it used.
        as_of TEXT NOT NULL,
        scan_id INTEGER,
        settings TEXT NOT NULL DEFAULT '{}',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        closed_by TEXT,
        closed_at TEXT,
        close_reason TEXT,
        plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
        sign_off TEXT,
        next_start_on TEXT,
        next_campaign_id TEXT,
        UNIQUE (series_id, sequence)
      ) STRICT;
      CREATE INDEX review_campaigns_instance ON review_campaigns(instance_id, created_at DESC);

      CREATE TABLE review_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign_id TEXT NOT NULL REFERENCES review_campaigns(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('role', 'assignment', 'access')),
        person_id INTEGER NOT NULL,
        role_id INTEGER,
        program_id INTEGER,
        person_name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        title TEXT,
        department TEXT,
        organization TEXT,
        is_external INTEGER NOT NULL CHECK (is_external IN (0, 1)),
        -- The line manager who reviews it when a stage is reviewed by managers (NULL: the administrator).
        reviewer_id INTEGER,
        reviewer_name TEXT,
        target TEXT NOT NULL,
        privileged INTEGER NOT NULL DEFAULT 0 CHECK (privileged IN (0, 1)),
        risk_score INTEGER,
        risk_band TEXT NOT NULL CHECK (risk_band IN ('low', 'medium', 'high')),
        last_sign_in TEXT,
        recommendation TEXT NOT NULL CHECK (recommendation IN ('keep', 'revoke')),
        confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        reasons TEXT NOT NULL,
        reason_codes TEXT NOT NULL,
        stage INTEGER NOT NULL DEFAULT 1,
        decision TEXT CHECK (decision IN ('keep', 'revoke')),
        decided_by TEXT,
        decided_at TEXT,
        decision_reason TEXT CHECK (decision_reason IS NULL OR length(decision_reason) <= 500),
        decision_source TEXT CHECK (decision_source IN ('reviewer', 'bulk', 'workbook', 'default')),
        action_id INTEGER,
        CHECK ((decision IS NULL) = (decided_by IS NULL))
      ) STRICT;
      -- NULLs are distinct in a UNIQUE constraint: an expression index makes (person, role) unique.
      CREATE UNIQUE INDEX review_items_unique
        ON review_items(campaign_id, kind, person_id, coalesce(role_id, 0), coalesce(program_id, 0));
      CREATE INDEX review_items_campaign ON review_items(campaign_id, stage, decision);
      CREATE INDEX review_items_person ON review_items(campaign_id, person_id);

      CREATE TABLE review_actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign_id TEXT NOT NULL REFERENCES review_campaigns(id) ON DELETE CASCADE,
        stage INTEGER NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('keep', 'revoke', 'recommendation', 'clear')),
        source TEXT NOT NULL CHECK (source IN ('reviewer', 'bulk', 'workbook', 'default')),
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
        -- What it selected, in words and as the filter or ids it was given.
        selection TEXT NOT NULL,
        items INTEGER NOT NULL,
        undone_by TEXT,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX review_actions_campaign ON review_actions(campaign_id, id DESC);

      CREATE TABLE review_decisions (
        action_id INTEGER NOT NULL REFERENCES review_actions(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES review_items(id) ON DELETE CASCADE,
        stage INTEGER NOT NULL,
        decision TEXT CHECK (decision IN ('keep', 'revoke')),
        reason TEXT,
        -- The action whose decision the item held before (NULL: undecided).
        previous_action_id INTEGER,
        PRIMARY KEY (action_id, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX review_decisions_item ON review_decisions(item_id);

      CREATE TABLE review_exports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign_id TEXT NOT NULL REFERENCES review_campaigns(id) ON DELETE CASCADE,
        stage INTEGER NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
        content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
        items INTEGER NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_exports_campaign ON review_exports(campaign_id, content_hash);

      CREATE TABLE license_settings (
        instance_id TEXT PRIMARY KEY REFERENCES instances(id) ON DELETE CASCADE,
        settings TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
