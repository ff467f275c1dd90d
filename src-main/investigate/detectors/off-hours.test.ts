import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DETECTOR_SETTINGS } from '../../../src-preload/contract';
import { DAY_S, Dictionary, type DetectorContext, type SessionHistory } from '../model';
import { scanFixture, score, type ScanFixture } from '../test-support/scan-fixture';
import { newAddresses } from './new-ip-or-agent';
import { detectOffHours } from './off-hours';
import { profileSessions } from './session-profile';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

const ctx: DetectorContext = {
  settings: DEFAULT_DETECTOR_SETTINGS,
  asOf: Date.UTC(2026, 10, 20) / 1000,
  roles: new Map(),
  personName: () => null,
  sessionsOf: () => [],
};

/** A person signing in on `days` working days between 09:00 and 17:00 UTC from one address, then `extra`. */
function history(days: number, extra: number[] = []): { h: SessionHistory & { at: number[] }; dict: Dictionary } {
  const dict = new Dictionary();
  const h = { personId: 1, sessionIds: [] as number[], at: [] as number[], ip: [] as number[], ua: [] as number[] };
  const start = Date.UTC(2026, 5, 1) / 1000;
  const push = (at: number, ip = '10.0.0.1') => {
    h.sessionIds.push(h.sessionIds.length + 1);
    h.at.push(at);
    h.ip.push(dict.id(ip));
    h.ua.push(dict.id('Firefox'));
  };
  for (let d = 0; d < days; d++) push(start + d * DAY_S + (9 + ((d * 5) % 8)) * 3600 + ((d * 17) % 60) * 60);
  for (const at of extra) push(at, '203.0.113.9');
  return { h, dict };
}

describe('off-hours sessions', () => {
  it('finds the planted off-hours logins on the synced mirror, each with the usual hours it broke', () => {
    f.scan();
    const found = f.findings('off_hours');
    const s = score(
      found.map((x) => x.key.split(':')[1]!),
      f.truth.offHoursLogins.map((o) => o.sessionId),
    );
    expect(f.truth.offHoursLogins.length).toBeGreaterThan(0);
    expect(s.missed).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.8);
    for (const x of found) {
      expect(x.reason).toMatch(/outside their usual hours \(\d\d:\d\d–\d\d:\d\d UTC, learned from \d+ sessions\)/);
      expect(x.numbers.minutesOutside).toBeGreaterThanOrEqual(60);
      expect(x.evidence.sessions?.[0]?.sessionId).toBe(Number(x.key.split(':')[1]));
    }
  });

  it('judges a session against the hours the person keeps, and says how far outside it was', () => {
    const last = Date.UTC(2026, 5, 1) / 1000 + 40 * DAY_S;
    const { h, dict } = history(40, [last + 2 * 3600]);
    const profile = profileSessions(h, DEFAULT_DETECTOR_SETTINGS);
    const found = detectOffHours(h, profile, newAddresses(h, profile, 30), dict, ctx);
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toMatch(
      /^Signed in at 02:00 UTC on 2026-07-11, \d h( \d+ min)? outside their usual hours/,
    );
    expect(found[0]!.numbers.newAddress).toBe(1);
    expect(found[0]!.score).toBeGreaterThan(0.7);
  });

  it('flags nothing during the learning period, nor a session inside the usual hours', () => {
    const start = Date.UTC(2026, 5, 1) / 1000;
    const learning = history(6, [start + 6 * DAY_S + 3 * 3600]);
    const p1 = profileSessions(learning.h, DEFAULT_DETECTOR_SETTINGS);
    expect(detectOffHours(learning.h, p1, newAddresses(learning.h, p1, 30), learning.dict, ctx)).toEqual([]);
    const usual = history(40, [start + 41 * DAY_S + 12 * 3600]);
    const p2 = profileSessions(usual.h, DEFAULT_DETECTOR_SETTINGS);
    expect(detectOffHours(usual.h, p2, newAddresses(usual.h, p2, 30), usual.dict, ctx)).toEqual([]);
  });

  it('learns a night worker as such: their 02:00 is not off-hours, their 14:00 is', () => {
    const dict = new Dictionary();
    const h = { personId: 2, sessionIds: [] as number[], at: [] as number[], ip: [] as number[], ua: [] as number[] };
    const start = Date.UTC(2026, 5, 1) / 1000;
    for (let d = 0; d < 40; d++) {
      h.sessionIds.push(d + 1);
      h.at.push(start + d * DAY_S + (22 * 3600 + ((d * 53) % 360) * 60)); // 22:00-04:00, across midnight
      h.ip.push(dict.id('10.0.0.2'));
      h.ua.push(dict.id('Edge'));
    }
    h.sessionIds.push(41, 42);
    h.at.push(start + 41 * DAY_S + 2 * 3600, start + 42 * DAY_S + 14 * 3600);
    h.ip.push(dict.id('10.0.0.2'), dict.id('10.0.0.2'));
    h.ua.push(dict.id('Edge'), dict.id('Edge'));
    const profile = profileSessions(h, DEFAULT_DETECTOR_SETTINGS);
    const found = detectOffHours(h, profile, newAddresses(h, profile, 30), dict, ctx);
    expect(found.map((x) => x.key)).toEqual(['off_hours:42']);
  });
});
