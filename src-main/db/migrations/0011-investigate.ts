import type { Migration } from './index';

/**
 * Investigation: the detectors' findings with their status, the detector settings and the
 * administrator's separation-of-duties rules, per-person scan state, risk scores, and the scans.
 *
 * Choices worth knowing:
 * - A finding is keyed by what it is about (`peer_outlier:<person>:<role>`, `off_hours:<session>`),
 *   so a scan after a sync finds the same row again: its status (acknowledged, dismissed with a
 *   reason, remediated by a plan) is kept, and `detected` says whether the latest scan still sees it.
 * - Evidence and the reason's numbers are JSON written by the scan; the columns that lists filter
 *   on (kind, status, person, score, detected) are typed.
 * - `investigate_person_state` is what an incremental scan needs without re-reading a million log
 *   rows or everyone: each person's latest session, peer group, latest sign-in and expiry.
 * - Triggers on mirror_people list the people whose row changed (`investigate_dirty_people`), so
 *   an incremental scan finds them without comparing every row.
 * - `investigate_scans` keeps the high-water marks of the last scan (log keys, changed people):
 *   an incremental scan looks only at rows past them.
 */
export const m0011Investigate: Migration = {
  version: 11,
  name: 'investigate',
  up(db) {
    db.exec(`
      CREATE TABLE investigate_settings (
        instance_id TEXT PRIMARY KEY REFERENCES instances(id) ON DELETE CASCADE,
        settings TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE investigate_sod_rules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        role_a INTEGER NOT NULL,
        role_b INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        source TEXT NOT NULL CHECK (source IN ('administrator', 'catalogue')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (role_a < role_b),
        UNIQUE (instance_id, role_a, role_b)
      ) STRICT;

      CREATE TABLE investigate_findings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        person_id INTEGER NOT NULL,
        score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
        reason TEXT NOT NULL,
        numbers TEXT NOT NULL DEFAULT '{}',
        evidence TEXT NOT NULL DEFAULT '{}',
        -- When the finding happened (the session, the burst, ...), for ordering and the timeline.
        occurred_at TEXT,
        detected INTEGER NOT NULL DEFAULT 1 CHECK (detected IN (0, 1)),
        first_seen_at TEXT NOT NULL,
        -- The last scan that found it different (score, reason, evidence) or found it again after it cleared.
        changed_at TEXT NOT NULL,
        -- A hash of what the scan wrote: an unchanged finding is not written again.
        fingerprint TEXT NOT NULL DEFAULT '',
        cleared_at TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'dismissed', 'remediated')),
        status_reason TEXT CHECK (status_reason IS NULL OR length(status_reason) <= 500),
        status_by TEXT,
        status_at TEXT,
        plan_id TEXT,
        UNIQUE (instance_id, key)
      ) STRICT;
      CREATE INDEX investigate_findings_kind ON investigate_findings(instance_id, kind, detected, score DESC);
      CREATE INDEX investigate_findings_person ON investigate_findings(instance_id, person_id);
      CREATE INDEX investigate_findings_plan ON investigate_findings(plan_id) WHERE plan_id IS NOT NULL;

      CREATE TABLE investigate_person_state (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL,
        last_session_at TEXT,
        sessions INTEGER NOT NULL DEFAULT 0,
        -- side|department|title at the last scan: a person who moves changes their old group too.
        peer_group TEXT,
        -- Their latest sign-in (last login or session, else the creation date) and access expiry day
        -- at the last scan: time alone moves people across the dormant limits and expiry days. (No
        -- index: one pass over these narrow rows costs less than keeping two indexes at every scan.)
        last_activity TEXT,
        expiry TEXT,
        PRIMARY KEY (instance_id, person_id)
      ) STRICT, WITHOUT ROWID;

      -- People whose mirror row changed (a sync, an apply's read-back), in the order they changed: an
      -- incremental scan judges them and removes the ones it read; a full scan removes all it read.
      CREATE TABLE investigate_dirty_people (
        seq INTEGER PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX investigate_dirty_people_instance ON investigate_dirty_people(instance_id, seq);
      CREATE TRIGGER investigate_people_inserted AFTER INSERT ON mirror_people BEGIN
        INSERT INTO investigate_dirty_people (instance_id, person_id) VALUES (new.instance_id, new.id);
      END;
      CREATE TRIGGER investigate_people_updated AFTER UPDATE ON mirror_people
      WHEN old.last_updated IS NOT new.last_updated OR old.deleted_at IS NOT new.deleted_at
        OR old.role_ids IS NOT new.role_ids OR old.access_type IS NOT new.access_type OR old.status IS NOT new.status
        OR old.access_expiry IS NOT new.access_expiry OR old.user_type IS NOT new.user_type
        OR old.is_external IS NOT new.is_external OR old.department IS NOT new.department
        OR old.title IS NOT new.title OR old.last_login IS NOT new.last_login OR old.created IS NOT new.created BEGIN
        INSERT INTO investigate_dirty_people (instance_id, person_id) VALUES (new.instance_id, new.id);
      END;

      CREATE TABLE investigate_risk (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL,
        score INTEGER NOT NULL,
        contributions TEXT NOT NULL,
        PRIMARY KEY (instance_id, person_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX investigate_risk_score ON investigate_risk(instance_id, score DESC);

      CREATE TABLE investigate_scans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
        state TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'cancelled')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        -- The moment the detectors judged the mirror at (dormancy, expiry).
        as_of TEXT NOT NULL,
        -- High-water marks: the largest session and event keys, and the last changed-people row, it read.
        session_key INTEGER NOT NULL DEFAULT 0,
        event_key INTEGER NOT NULL DEFAULT 0,
        dirty_seq INTEGER NOT NULL DEFAULT 0,
        -- A digest of the settings and rules the scan ran with: a change makes the next scan full.
        settings_digest TEXT NOT NULL DEFAULT '',
        -- Holders of each role, internal and external ({"roleId": [internal, external]}), as the last
        -- full scan counted them: an incremental scan judges "internal roles" by these.
        role_stats TEXT NOT NULL DEFAULT '{}',
        summary TEXT NOT NULL DEFAULT '{}',
        error TEXT
      ) STRICT;
      CREATE INDEX investigate_scans_instance ON investigate_scans(instance_id, id DESC);
    `);
  },
};
