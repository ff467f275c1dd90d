import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiredAccessSql } from '../test-support/definitions-sql';
import { scanFixture, score, type ScanFixture } from '../test-support/scan-fixture';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

describe('access past its expiry', () => {
  it('finds every account still Active with login access after its expiry day, as SQL finds them', () => {
    f.scan();
    const expected = expiredAccessSql(f.db, f.instanceId, f.asOf);
    expect(expected.length).toBeGreaterThan(0);
    const found = f.findings('expired_access');
    expect(
      score(
        found.map((x) => String(x.personId)),
        expected,
      ),
    ).toMatchObject({ missed: [], extra: [] });
    for (const x of found)
      expect(x.reason).toMatch(/^Access expired on \d{4}-\d\d-\d\d \(\d+ days ago\) but the account is still Active/);
  });

  it('shows sessions that started after the expiry as evidence and scores them higher', () => {
    const person = f.findings('expired_access')[0]!;
    const expiry = f.db
      .prepare('SELECT access_expiry FROM mirror_people WHERE instance_id = ? AND id = ?')
      .pluck()
      .get(f.instanceId, person.personId) as string;
    f.db
      .prepare(
        `INSERT INTO mirror_login_sessions (key, instance_id, session_id, user_key, user_id, started_at, ended_at, ip, user_agent)
         VALUES (?, ?, 98000001, ?, ?, ?, NULL, '198.51.100.7', 'curl/8')`,
      )
      .run(f.base + 98_000_001, f.instanceId, f.base + person.personId, person.personId, `${expiry} 09:30:00`);
    f.scan({ mode: 'incremental' });
    const again = f.findings('expired_access').find((x) => x.personId === person.personId)!;
    expect(again.id).toBe(person.id);
    expect(again.numbers.sessionsAfterExpiry).toBe(1);
    expect(again.evidence.sessions?.map((s) => s.sessionId)).toEqual([98_000_001]);
    expect(again.reason).toContain('1 session started after the expiry');
    expect(again.score).toBeGreaterThan(person.score);
  });
});
