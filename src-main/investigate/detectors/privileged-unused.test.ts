import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privilegedUnusedSql } from '../test-support/definitions-sql';
import { scanFixture, score, type ScanFixture } from '../test-support/scan-fixture';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
  // The administrator's decisions: the sandbox's privileged roles flagged so.
  const flag = f.db.prepare('UPDATE mirror_roles SET privileged = 1 WHERE instance_id = ? AND id = ?');
  for (const id of f.truth.privilegedRoleIds) flag.run(f.instanceId, Number(id));
  // Everyone in the sandbox signs in often: two holders stop using their accounts 40 days ago.
  for (const name of ['System Administrator', 'Payment Processor']) idle(holderOf(name), 40);
});

function holderOf(role: string): number {
  return f.db
    .prepare(
      `SELECT p.id FROM mirror_people p JOIN mirror_role_holdings h ON h.instance_id = p.instance_id AND h.person_id = p.id
       JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id
       WHERE p.instance_id = ? AND r.name = ? AND p.access_type = '1' AND p.status = 'Active' AND p.user_type = '10'
       ORDER BY p.id LIMIT 1`,
    )
    .pluck()
    .get(f.instanceId, role) as number;
}

/** The person's sessions of the last `days` days are gone, and the server's last login is the one before. */
function idle(personId: number, days: number): void {
  const cutoff = new Date((f.asOf - days * 86_400) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  f.db
    .prepare('DELETE FROM mirror_login_sessions WHERE user_key = ? AND started_at >= ?')
    .run(f.base + personId, cutoff);
  f.db
    .prepare(
      `UPDATE mirror_people SET last_login = coalesce((SELECT max(started_at) FROM mirror_login_sessions WHERE user_key = ?), '')
       WHERE instance_id = ? AND id = ?`,
    )
    .run(f.base + personId, f.instanceId, personId);
}
afterAll(() => f?.close());

describe('privileged accounts unused', () => {
  it('finds the people the definition (written in SQL) finds, naming what they hold', () => {
    f.scan();
    const found = f.findings('privileged_unused');
    const expected = privilegedUnusedSql(f.db, f.instanceId, f.asOf, 30);
    expect(expected.length).toBeGreaterThan(0);
    expect(
      score(
        found.map((x) => String(x.personId)),
        expected,
      ),
    ).toMatchObject({ missed: [], extra: [] });
    for (const x of found) {
      expect(x.reason).toMatch(
        /^Holds .+ but (never signed in|has not signed in for \d+ days) \(the limit for privileged accounts is 30 days\)\.$/,
      );
      expect(x.numbers.daysIdle).toBeGreaterThan(30);
    }
  });

  it('counts an undecided role that looks privileged, and says it is not decided yet', () => {
    const processor = f.db
      .prepare("SELECT id FROM mirror_roles WHERE instance_id = ? AND name = 'Payment Processor'")
      .pluck()
      .get(f.instanceId) as number;
    const granteeFinance = f.db
      .prepare("SELECT id FROM mirror_roles WHERE instance_id = ? AND name = 'Grantee Finance Contact'")
      .pluck()
      .get(f.instanceId) as number;
    // Both look privileged by name; the grantee role is held by external people, so it does not count.
    f.scan({ likelyPrivileged: [processor, granteeFinance], settingsDigest: 'likely' });
    const found = f.findings('privileged_unused');
    expect(
      score(
        found.map((x) => String(x.personId)),
        privilegedUnusedSql(f.db, f.instanceId, f.asOf, 30, [processor]),
      ),
    ).toMatchObject({
      missed: [],
      extra: [],
    });
    const likely = found.filter((x) => x.evidence.roles?.some((r) => r.roleId === processor));
    expect(likely.length).toBeGreaterThan(0);
    expect(JSON.stringify(likely[0]!.evidence)).toContain('looks privileged (not decided yet)');
    expect(found.some((x) => x.reason.includes('Grantee Finance Contact'))).toBe(false);
  });
});
