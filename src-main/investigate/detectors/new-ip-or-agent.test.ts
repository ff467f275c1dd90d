import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFixture, score, settingsWith, type ScanFixture } from '../test-support/scan-fixture';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

/**
 * The definition in SQL over the mirror: a session past the learning period (10 earlier sessions
 * over 14 days), with an earlier session in the previous `days`, whose address (or browser) no
 * session of the person used in those days.
 */
function newBySql(days: number): string[] {
  const window = days * 86_400;
  const unseen = (col: string) => `(coalesce(s.${col}, '') <> '' AND NOT EXISTS (
      SELECT 1 FROM mirror_login_sessions o WHERE o.user_key = s.user_key AND o.${col} = s.${col}
        AND (o.started_at < s.started_at OR (o.started_at = s.started_at AND o.key < s.key))
        AND unixepoch(o.started_at) >= unixepoch(s.started_at) - ${window}))`;
  return (
    f.db
      .prepare(
        `WITH s AS (
           SELECT key, session_id, user_key, started_at, ip, user_agent,
             row_number() OVER w - 1 AS prior, first_value(started_at) OVER w AS first_at, lag(started_at) OVER w AS prev_at
           FROM mirror_login_sessions WHERE instance_id = ?
           WINDOW w AS (PARTITION BY user_key ORDER BY started_at, key))
         SELECT session_id FROM s
         WHERE prior >= 10 AND unixepoch(started_at) - unixepoch(first_at) >= 14 * 86400
           AND unixepoch(started_at) - unixepoch(prev_at) <= ${window}
           AND (${unseen('ip')} OR ${unseen('user_agent')})`,
      )
      .pluck()
      .all(f.instanceId) as number[]
  ).map(String);
}

describe('new IP address or browser', () => {
  it('finds every session the definition (written in SQL) finds, and no other', () => {
    f.scan();
    const found = f.findings('new_ip_or_agent').map((x) => x.key.split(':')[1]!);
    const expected = newBySql(30);
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
    expect(score(found, newBySql(7))).toMatchObject({ missed: [], extra: [] });
  });
});
