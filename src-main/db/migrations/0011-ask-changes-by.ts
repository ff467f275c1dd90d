import type { Migration } from './index';

/**
 * Ask's "who granted roles", "top N by changes made": the access events looked up by the person who
 * made them (without it each person scans every event: over 5 s at 20,000 people, see bench/ask.ts).
 */
export const m0011AskChangesBy: Migration = {
  version: 11,
  name: 'ask-changes-by',
  up(db) {
    db.exec('CREATE INDEX mirror_access_events_changed_by ON mirror_access_events(changed_by, at);');
  },
};
