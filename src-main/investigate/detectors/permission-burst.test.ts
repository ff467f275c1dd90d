import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFixture, score, type ScanFixture } from '../test-support/scan-fixture';
import { findBursts } from './permission-burst';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

/** Writes `n` role changes by `actor` one minute apart from `from`, ids from `firstId`. */
function addChanges(actor: number, n: number, from: string, firstId: number): void {
  const targets = f.db
    .prepare("SELECT id FROM mirror_people WHERE instance_id = ? AND role_ids <> '' ORDER BY id LIMIT ?")
    .pluck()
    .all(f.instanceId, n) as number[];
  const insert = f.db.prepare(
    `INSERT INTO mirror_access_events (key, instance_id, event_id, user_key, user_id, action, detail, changed_by, at)
     VALUES (?, ?, ?, ?, ?, 'role_added', ',14355,', ?, datetime(?, ?))`,
  );
  targets.forEach((user, i) =>
    insert.run(f.base + firstId + i, f.instanceId, firstId + i, f.base + user, user, actor, from, `+${i} minutes`),
  );
}

describe('bursts of permission changes', () => {
  it('finds the planted burst: its actor and exactly its events', () => {
    f.scan();
    const found = f.findings('permission_burst');
    expect(found).toHaveLength(1);
    const burst = found[0]!;
    expect(String(burst.personId)).toBe(f.truth.permissionBurst.actorId);
    const events = burst.evidence.events!.map((e) => String(e.eventId));
    expect(score(events, f.truth.permissionBurst.eventIds)).toMatchObject({ missed: [], extra: [] });
    expect(burst.reason).toMatch(new RegExp(`^${events.length} role changes to \\d+ people within`));
    expect(burst.numbers.changes).toBe(events.length);
  });

  it('needs the minimum within the window: 9 changes in 9 minutes are not a burst, a 10th makes one', () => {
    const actor = Number(
      f.db
        .prepare('SELECT id FROM mirror_people WHERE instance_id = ? AND is_external = 0 AND id <> ? LIMIT 1')
        .pluck()
        .get(f.instanceId, Number(f.truth.permissionBurst.actorId)),
    );
    addChanges(actor, 9, '2026-11-15 10:00:00', 99_000_000);
    f.scan({ mode: 'incremental' });
    expect(f.findings('permission_burst').map((x) => x.personId)).not.toContain(actor);
    addChanges(actor, 1, '2026-11-15 10:09:00', 99_000_100);
    const result = f.scan({ mode: 'incremental' });
    expect(result.kind).toBe('incremental');
    const mine = f.findings('permission_burst').filter((x) => x.personId === actor);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.evidence.events).toHaveLength(10);
    // The planted burst is still found: an incremental scan does not clear what it did not look at.
    expect(f.findings('permission_burst')).toHaveLength(2);
  });

  it('joins changes closer than the window into one burst and keeps apart those further', () => {
    const minutes = (m: number[]) => m.map((x) => x * 60);
    expect(findBursts(minutes([0, 1, 2, 3]), 3, 15 * 60)).toEqual([[0, 3]]);
    expect(findBursts(minutes([0, 1, 2, 40, 41, 42]), 3, 15 * 60)).toEqual([
      [0, 2],
      [3, 5],
    ]);
    expect(findBursts(minutes([0, 10, 20, 30]), 3, 15 * 60)).toEqual([]);
  });
});
