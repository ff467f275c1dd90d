import type { Migration } from './index';

/**
 * The peer groups as the last scan left them, so an incremental scan compares a touched group
 * from its counts instead of reading its members (at 100,000 people, 500 changes touch groups
 * holding nearly everyone):
 *
 * - `investigate_person_state.role_ids`: each person's roles at the last scan (with `peer_group`,
 *   what a change of theirs is subtracted from);
 * - `investigate_peer_groups`: each group's size; `investigate_peer_roles`: the holders of each
 *   role in each group;
 * - `investigate_peer_holders`: who they are (a group's unusual roles are held by few: their
 *   holders are the only members a comparison can name).
 *
 * Scans made before this kept none of it: their settings digest is cleared, so the next scan is a
 * full one, which writes it.
 */
export const m0017InvestigatePeerState: Migration = {
  version: 17,
  name: 'investigate-peer-state',
  up(db) {
    db.exec(`
      ALTER TABLE investigate_person_state ADD COLUMN role_ids TEXT;
      CREATE TABLE investigate_peer_groups (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        peer_group TEXT NOT NULL,
        size INTEGER NOT NULL,
        PRIMARY KEY (instance_id, peer_group)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE investigate_peer_roles (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        peer_group TEXT NOT NULL,
        role_id INTEGER NOT NULL,
        holders INTEGER NOT NULL,
        PRIMARY KEY (instance_id, peer_group, role_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE investigate_peer_holders (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        peer_group TEXT NOT NULL,
        role_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        PRIMARY KEY (instance_id, peer_group, role_id, person_id)
      ) STRICT, WITHOUT ROWID;
      UPDATE investigate_scans SET settings_digest = '';
    `);
  },
};
