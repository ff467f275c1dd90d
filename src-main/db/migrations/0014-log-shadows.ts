import type { Migration } from './index';

/**
 * The logs' per-person order moves from a CREATE INDEX to a table of its own, so a first sync can
 * build it in short transactions.
 *
 * Why: a first full sync fills the log tables without their per-person index and builds it at the
 * end (one sort instead of a million random inserts). A CREATE INDEX over a million login sessions
 * is one statement, held under the write lock for seconds, while the app's own connection may want
 * to write. A shadow table with the same key (person, time, row key) can be filled from a sorted
 * copy in slices of a few tens of thousands of rows, each its own short transaction.
 *
 * - `mirror_login_sessions_by_user` and `mirror_access_events_by_user` are WITHOUT ROWID tables
 *   keyed like the old indexes (plus the row key, which an index entry carried as its rowid).
 * - Triggers keep them: an insert adds the entry, a delete (an instance's cascade) removes it, an
 *   update of the person or the time moves it. While a first sync fills an empty log, its insert
 *   trigger is dropped and kept in `sync_deferred_indexes` (kind 'shadow'), like a deferred index.
 * - `sync_deferred_indexes.kind` tells the two apart; `sync_cursors.bulk` records that a pass began
 *   on empty tables, so it needs no deletion sweep (everything in them came from the pass itself).
 */
const LOG_SHADOW_TRIGGERS = {
  mirror_login_sessions: `CREATE TRIGGER mirror_login_sessions_by_user_insert AFTER INSERT ON mirror_login_sessions BEGIN
        INSERT OR IGNORE INTO mirror_login_sessions_by_user (user_key, started_at, key) VALUES (new.user_key, new.started_at, new.key);
      END`,
  mirror_access_events: `CREATE TRIGGER mirror_access_events_by_user_insert AFTER INSERT ON mirror_access_events BEGIN
        INSERT OR IGNORE INTO mirror_access_events_by_user (user_key, at, key) VALUES (new.user_key, new.at, new.key);
      END`,
} as const;

export const m0014LogShadows: Migration = {
  version: 14,
  name: 'log-shadows',
  up(db) {
    db.exec(`
      ALTER TABLE sync_deferred_indexes ADD COLUMN kind TEXT NOT NULL DEFAULT 'index' CHECK (kind IN ('index', 'shadow'));
      ALTER TABLE sync_cursors ADD COLUMN bulk INTEGER NOT NULL DEFAULT 0 CHECK (bulk IN (0, 1));

      -- A sync interrupted while it had them dropped would otherwise bring the old indexes back.
      DELETE FROM sync_deferred_indexes WHERE name IN ('mirror_login_sessions_user', 'mirror_access_events_user');
      DROP INDEX IF EXISTS mirror_login_sessions_user;
      DROP INDEX IF EXISTS mirror_access_events_user;

      CREATE TABLE mirror_login_sessions_by_user (
        user_key INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        key INTEGER NOT NULL,
        PRIMARY KEY (user_key, started_at, key)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO mirror_login_sessions_by_user (user_key, started_at, key)
        SELECT user_key, started_at, key FROM mirror_login_sessions ORDER BY user_key, started_at, key;
      ${LOG_SHADOW_TRIGGERS.mirror_login_sessions};
      CREATE TRIGGER mirror_login_sessions_by_user_delete AFTER DELETE ON mirror_login_sessions BEGIN
        DELETE FROM mirror_login_sessions_by_user WHERE user_key = old.user_key AND started_at = old.started_at AND key = old.key;
      END;
      CREATE TRIGGER mirror_login_sessions_by_user_move AFTER UPDATE OF user_key, started_at ON mirror_login_sessions
      WHEN old.user_key IS NOT new.user_key OR old.started_at IS NOT new.started_at BEGIN
        DELETE FROM mirror_login_sessions_by_user WHERE user_key = old.user_key AND started_at = old.started_at AND key = old.key;
        INSERT OR IGNORE INTO mirror_login_sessions_by_user (user_key, started_at, key) VALUES (new.user_key, new.started_at, new.key);
      END;

      CREATE TABLE mirror_access_events_by_user (
        user_key INTEGER NOT NULL,
        at TEXT NOT NULL,
        key INTEGER NOT NULL,
        PRIMARY KEY (user_key, at, key)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO mirror_access_events_by_user (user_key, at, key)
        SELECT user_key, at, key FROM mirror_access_events ORDER BY user_key, at, key;
      ${LOG_SHADOW_TRIGGERS.mirror_access_events};
      CREATE TRIGGER mirror_access_events_by_user_delete AFTER DELETE ON mirror_access_events BEGIN
        DELETE FROM mirror_access_events_by_user WHERE user_key = old.user_key AND at = old.at AND key = old.key;
      END;
      CREATE TRIGGER mirror_access_events_by_user_move AFTER UPDATE OF user_key, at ON mirror_access_events
      WHEN old.user_key IS NOT new.user_key OR old.at IS NOT new.at BEGIN
        DELETE FROM mirror_access_events_by_user WHERE user_key = old.user_key AND at = old.at AND key = old.key;
        INSERT OR IGNORE INTO mirror_access_events_by_user (user_key, at, key) VALUES (new.user_key, new.at, new.key);
      END;
    `);
  },
};
