import type { Migration } from './index';

/**
 * The session log's person index (`mirror_login_sessions_user`, migration 0016) dropped again.
 *
 * Why: a first sync drops it on the empty table and builds it back at the end in one statement, so
 * one transaction over about 1,000,000 rows: 5-7 s on a busy machine at 100,000 people (bench/sync),
 * long enough for the app's own writes to run past their busy timeout and fail. Every reader of one
 * person's sessions now goes through the per-person copy `mirror_login_sessions_by_user` (migration
 * 0014), which the sync fills in short slices: Ask's `sessions` view, the detectors, a person's
 * timeline, and the reviews' and licenses' last sign-in. The access events keep their person index:
 * that log is a fifth of the size and the help desk reads it by person.
 */
export const m0018SessionsPersonIndexDropped: Migration = {
  version: 18,
  name: 'sessions-person-index-dropped',
  up(db) {
    db.exec(`
      DELETE FROM sync_deferred_indexes WHERE name = 'mirror_login_sessions_user';
      DROP INDEX IF EXISTS mirror_login_sessions_user;
    `);
  },
};
