import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFixture, score, settingsWith, type ScanFixture } from '../test-support/scan-fixture';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

/** The definition in SQL: the only holder of a role in a peer group (side, department, title) of 4 or more. */
function soleHoldersBySql(minGroup: number): string[] {
  return f.db
    .prepare(
      `WITH people AS (
         SELECT id, is_external || '|' || coalesce(department, '') || '|' || coalesce(title, '') AS peer_group
         FROM mirror_people WHERE instance_id = @i AND deleted_at IS NULL AND coalesce(access_type, '') <> '5'
           AND (coalesce(department, '') <> '' OR coalesce(title, '') <> '')),
       sizes AS (SELECT peer_group, count(*) AS n FROM people GROUP BY 1),
       held AS (SELECT p.peer_group, h.role_id, count(*) AS holders, min(p.id) AS person
                FROM people p JOIN mirror_role_holdings h ON h.instance_id = @i AND h.person_id = p.id GROUP BY 1, 2)
       SELECT held.person || ':' || held.role_id FROM held JOIN sizes USING (peer_group)
       WHERE sizes.n >= @min AND held.holders = 1`,
    )
    .pluck()
    .all({ i: f.instanceId, min: minGroup }) as string[];
}

describe('peer-group outliers', () => {
  it('finds exactly the planted (person, role) pairs', () => {
    f.scan();
    const found = f.findings('peer_outlier').map((x) => x.key.replace('peer_outlier:', ''));
    const planted = f.truth.peerOutliers.map((o) => `${o.userId}:${o.roleId}`);
    expect(planted.length).toBeGreaterThan(0);
    expect(score(found, planted)).toMatchObject({ missed: [], extra: [] });
  });

  it('shows every role the person holds with its share among peers and its contribution', () => {
    for (const x of f.findings('peer_outlier')) {
      const roles = x.evidence.roles!;
      const subject = roles.find((r) => r.subject)!;
      expect(subject.roleId).toBe(Number(x.key.split(':')[2]));
      expect(subject.peerShare).toBe(0);
      expect(subject.contribution).toBe(1);
      for (const r of roles) expect(r.contribution).toBeCloseTo(1 - (r.peerShare ?? 0), 3);
      expect(roles.length).toBeGreaterThan(1);
      expect(x.reason).toMatch(/which none of their \d+ peers \(internal, .+\) hold/);
    }
  });

  it('matches the definition written in SQL at another group size', () => {
    f.scan({ settings: settingsWith({ peerMinGroup: 3 }), settingsDigest: 'peers-3' });
    const found = f.findings('peer_outlier').map((x) => x.key.replace('peer_outlier:', ''));
    expect(score(found, soleHoldersBySql(3))).toMatchObject({ missed: [], extra: [] });
  });
});
