import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soleHoldersSql } from '../test-support/definitions-sql';
import { scanFixture, score, settingsWith, type ScanFixture } from '../test-support/scan-fixture';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

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
    expect(score(found, soleHoldersSql(f.db, f.instanceId, 3))).toMatchObject({ missed: [], extra: [] });
  });
});
