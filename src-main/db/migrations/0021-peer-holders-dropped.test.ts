import { describe, expect, it } from 'vitest';
import { keptHolders } from '../../investigate/scan/peer-store';
import { beforeMigration } from './test-support/before-migration';
import { m0021PeerHoldersDropped } from './0021-peer-holders-dropped';

describe('migration peer-holders-dropped', () => {
  it('drops the holders table and keeps the counts; the holders are then found in the kept state', () => {
    const db = beforeMigration(m0021PeerHoldersDropped);
    const state = db.prepare(
      "INSERT INTO investigate_person_state (instance_id, person_id, peer_group, role_ids) VALUES ('i1', ?, ?, ?)",
    );
    state.run(7, 'int|Finance|Clerk', '3,12');
    state.run(8, 'int|Finance|Clerk', '12');
    state.run(9, 'int|Finance|Clerk', '31');
    state.run(10, 'int|Grants|Clerk', '3');
    state.run(11, null, null);
    db.prepare("INSERT INTO investigate_peer_groups VALUES ('i1', 'int|Finance|Clerk', 3)").run();
    db.prepare("INSERT INTO investigate_peer_roles VALUES ('i1', 'int|Finance|Clerk', 3, 1)").run();
    db.prepare("INSERT INTO investigate_peer_holders VALUES ('i1', 'int|Finance|Clerk', 3, 7)").run();

    m0021PeerHoldersDropped.up(db);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'investigate_peer_holders'").pluck().get()).toBe(
      0,
    );
    expect(db.prepare('SELECT count(*) FROM investigate_peer_groups').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM investigate_peer_roles').pluck().get()).toBe(1);

    // Role 3 in Finance: person 7 only (not 10, in another group; not 9, whose 31 contains a 3).
    const found = keptHolders(db, 'i1', new Map([['int|Finance|Clerk', [3]]]));
    expect([...found]).toEqual([[7, { group: 'int|Finance|Clerk', roleIds: [3, 12] }]]);
    const both = keptHolders(
      db,
      'i1',
      new Map([
        ['int|Finance|Clerk', [12]],
        ['int|Grants|Clerk', [3]],
      ]),
    );
    expect([...both.keys()].sort()).toEqual([10, 7, 8].sort());
    expect(keptHolders(db, 'i1', new Map([['int|Finance|Clerk', []]])).size).toBe(0);
  });
});
