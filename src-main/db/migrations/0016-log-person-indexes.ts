import type { Migration } from './index';

/**
 * A person's sessions and access events looked up by the person again (`user_key`), as an index.
 *
 * Why: migration log-shadows moved that order into shadow tables the sync builds in short
 * transactions, but the capabilities that read one person's logs (Ask's `sessions` and `changes`
 * views, the detectors' incremental scan, a person's timeline, the help desk's lock check, the
 * reviews' last sign-in) query the log tables by `user_key` directly: without an index each such
 * lookup scans every session, and Ask's "logged in between 23:00 and 05:00" ran past its 5 s limit
 * on a 2,000-person sandbox. The indexes are deferred on a first sync like any other (dropped on
 * empty tables, built at the end), so the sync's bulk load is unchanged; building them is one
 * statement again (the longest write transaction of a first sync, see bench/sync.ts).
 */
export const m0016LogPersonIndexes: Migration = {
  version: 16,
  name: 'log-person-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS mirror_login_sessions_user ON mirror_login_sessions(user_key, started_at);
      CREATE INDEX IF NOT EXISTS mirror_access_events_user ON mirror_access_events(user_key, at);
    `);
  },
};
