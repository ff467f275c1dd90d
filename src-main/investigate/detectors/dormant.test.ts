import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dormantSql } from '../test-support/definitions-sql';
import { scanFixture, score, settingsWith, type ScanFixture } from '../test-support/scan-fixture';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

describe('dormant accounts', () => {
  it('finds exactly the planted dormant accounts at 90 days, with the days in the reason', () => {
    f.scan();
    const found = f.findings('dormant');
    const s = score(
      found.map((x) => String(x.personId)),
      f.truth.dormant,
    );
    expect(s.missed).toEqual([]);
    expect(s.extra).toEqual([]);
    expect(f.truth.dormant.length).toBeGreaterThan(0);
    for (const x of found) {
      expect(x.numbers.daysIdle).toBeGreaterThan(90);
      expect(x.reason).toMatch(/No sign-in for \d+ days|Never signed in/);
      expect(x.score).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('follows the limit the administrator sets (30 days), matching the definition written in SQL', () => {
    f.scan({ settings: settingsWith({ dormantDays: 30 }), settingsDigest: 'dormant-30' });
    const found = f.findings('dormant').map((x) => String(x.personId));
    const expected = dormantSql(f.db, f.instanceId, f.asOf, 30);
    expect(expected.length).toBeGreaterThan(f.truth.dormant.length);
    expect(score(found, expected)).toMatchObject({ missed: [], extra: [] });
  });

  it('flags an account never signed in since it was created long ago, and not a new one', () => {
    const insert = f.db.prepare(
      `INSERT INTO mirror_people (key, instance_id, id, first_name, last_name, access_type, status, created, last_login)
       VALUES (?, ?, ?, 'Never', ?, '1', 'Active', ?, '')`,
    );
    insert.run(f.base + 9_000_001, f.instanceId, 9_000_001, 'Old', '2026-01-05 10:00:00');
    insert.run(f.base + 9_000_002, f.instanceId, 9_000_002, 'New', '2026-11-01 10:00:00');
    f.scan();
    const found = f.findings('dormant');
    const old = found.find((x) => x.personId === 9_000_001);
    expect(old?.reason).toMatch(/^Never signed in since the account was created on 2026-01-05/);
    expect(old?.numbers.neverSignedIn).toBe(1);
    expect(found.some((x) => x.personId === 9_000_002)).toBe(false);
    // The planted ones are still there alongside it.
    expect(found.length).toBe(f.truth.dormant.length + 1);
  });
});
