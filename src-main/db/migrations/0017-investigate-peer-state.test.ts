import { describe, expect, it } from 'vitest';
import { beforeMigration } from './test-support/before-migration';
import { m0017InvestigatePeerState } from './0017-investigate-peer-state';

describe('migration investigate-peer-state', () => {
  it('adds the kept peer groups, and makes the scan after it a full one (earlier scans kept none)', () => {
    const db = beforeMigration(m0017InvestigatePeerState);
    db.prepare(
      `INSERT INTO investigate_scans (instance_id, kind, state, started_at, as_of, settings_digest)
       VALUES ('i1', 'full', 'succeeded', 'now', '2026-11-20 12:00:00', 'abc')`,
    ).run();
    db.prepare(
      "INSERT INTO investigate_person_state (instance_id, person_id, peer_group) VALUES ('i1', 7, 'int|Finance|Clerk')",
    ).run();
    m0017InvestigatePeerState.up(db);
    expect(db.prepare('SELECT settings_digest FROM investigate_scans').pluck().get()).toBe('');
    expect(db.prepare('SELECT role_ids FROM investigate_person_state').pluck().get()).toBeNull();
    db.prepare("INSERT INTO investigate_peer_groups VALUES ('i1', 'int|Finance|Clerk', 4)").run();
    db.prepare("INSERT INTO investigate_peer_roles VALUES ('i1', 'int|Finance|Clerk', 3, 2)").run();
    db.prepare("INSERT INTO investigate_peer_holders VALUES ('i1', 'int|Finance|Clerk', 3, 7)").run();
    expect(() =>
      db.prepare("INSERT INTO investigate_peer_holders VALUES ('i1', 'int|Finance|Clerk', 3, 7)").run(),
    ).toThrow(/UNIQUE/);
    // The kept state goes with its instance.
    db.pragma('foreign_keys = ON');
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    for (const t of ['investigate_peer_groups', 'investigate_peer_roles', 'investigate_peer_holders'])
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  });
});
