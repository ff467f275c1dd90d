import type { Migration } from './index';

/**
 * The table of who holds each role in each peer group (`investigate_peer_holders`, migration
 * 0017) dropped.
 *
 * Why: a full scan wrote a row per role each person holds (about 150,000 at 100,000 people) and
 * kept it in step with every move, to spare an incremental scan one pass over the people's kept
 * state. That pass (investigate_person_state already keeps each person's group and roles) costs
 * tens of milliseconds; the rows cost a first full scan about half a second. An incremental scan
 * now finds the few holders of a group's unusual roles in that pass (scan/peer-store.ts).
 */
export const m0021PeerHoldersDropped: Migration = {
  version: 21,
  name: 'peer-holders-dropped',
  up(db) {
    db.exec('DROP TABLE IF EXISTS investigate_peer_holders');
  },
};
