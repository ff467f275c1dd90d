import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIpOrAgentSql } from '../test-support/definitions-sql';
import { scanFixture, score, settingsWith, type ScanFixture } from '../test-support/scan-fixture';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

describe('new IP address or browser', () => {
  it('finds every session the definition (written in SQL) finds, and no other', () => {
    f.scan();
    const found = f.findings('new_ip_or_agent').map((x) => x.key.split(':')[1]!);
    const expected = newIpOrAgentSql(f.db, f.instanceId, 30);
    expect(expected.length).toBeGreaterThan(0);
    expect(score(found, expected)).toMatchObject({ missed: [], extra: [] });
  });

  it('scores the planted logins from never-seen addresses high, and says why', () => {
    const byKey = new Map(f.findings('new_ip_or_agent').map((x) => [x.key, x]));
    for (const planted of f.truth.offHoursLogins) {
      const x = byKey.get(`new_ip_or_agent:${planted.sessionId}`);
      expect(x?.numbers.neverSeenAddress).toBe(1);
      expect(x?.reason).toContain(`from ${planted.ip}, an address never seen for them before`);
      expect(x?.score).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('follows the window the administrator sets', () => {
    f.scan({ settings: settingsWith({ newAddressDays: 7 }), settingsDigest: 'days-7' });
    const found = f.findings('new_ip_or_agent').map((x) => x.key.split(':')[1]!);
    expect(score(found, newIpOrAgentSql(f.db, f.instanceId, 7))).toMatchObject({ missed: [], extra: [] });
  });
});
