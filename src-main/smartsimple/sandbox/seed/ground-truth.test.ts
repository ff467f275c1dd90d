/**
 * The ground truth is exact: each planted list equals what its documented rule finds in the data,
 * checked here by brute force on a mid-size instance (and the 30-person foundation).
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_TYPES } from '../../protocol';
import type { InstanceData, Person } from '../model';
import { ipToText } from '../log-store';
import { BURST_WINDOW_MS, NORMAL_MAX_IN_WINDOW } from './access-events';
import { DAY_MS } from './context';
import { generateInstance } from './generate';
import { findPeerOutliers } from './roles';
import { DORMANT_DAYS, isActiveUser, OFF_HOURS } from './sessions';
import { editDistance, fullNameKey } from './text-distance';
import { insideWorkingHours, localTime } from './time-of-day';

const NOW = Date.UTC(2026, 10, 1);

function sessionsByPerson(data: InstanceData): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (let i = 0; i < data.sessions.length; i++) {
    const user = data.sessions.user.get(i);
    const list = rows.get(user);
    if (list) list.push(i);
    else rows.set(user, [i]);
  }
  return rows;
}

// GT_SWEEP=1 checks many more seeds and sizes (slow; for changes to the generator).
const CASES: Array<[number, number]> = process.env.GT_SWEEP
  ? [1, 2, 3, 4, 5, 6].flatMap(
      (s) =>
        [
          [s, 30],
          [s, 31],
          [s, 200],
          [s, 4000],
        ] as Array<[number, number]>,
    )
  : [
      [11, 30],
      [11, 2500],
    ];
describe.each(CASES)('ground truth (seed %i, %i people)', (seed, people) => {
  const { data, groundTruth } = generateInstance({ seed, people, now: NOW });
  const byId = new Map(data.people.map((p) => [p.id, p]));
  const sessions = sessionsByPerson(data);

  it('plants something of every kind', () => {
    expect(groundTruth.dormant.length).toBeGreaterThanOrEqual(2);
    expect(groundTruth.offHoursLogins.length).toBeGreaterThanOrEqual(2);
    expect(groundTruth.permissionBurst.eventIds.length).toBeGreaterThanOrEqual(12);
    expect(groundTruth.peerOutliers.length).toBeGreaterThanOrEqual(1);
    expect(groundTruth.nearDuplicates.length).toBeGreaterThanOrEqual(2);
  });

  it('lists exactly the dormant accounts', () => {
    const cutoff = (NOW - DORMANT_DAYS * DAY_MS) / 1000;
    const found = data.people
      .filter(
        (p) =>
          isActiveUser(p, NOW) && !(sessions.get(p.id) ?? []).some((row) => data.sessions.start.get(row) >= cutoff),
      )
      .map((p) => String(p.id))
      .sort();
    expect(found).toEqual(groundTruth.dormant);
    for (const id of groundTruth.dormant) {
      const last = byId.get(Number(id))?.lastLogin ?? null;
      if (last !== null) expect(last).toBeLessThan(NOW - DORMANT_DAYS * DAY_MS);
    }
  });

  it('lists exactly the off-hours logins from new addresses, and no other session is off-hours', () => {
    const planted = new Set(groundTruth.offHoursLogins.map((o) => Number(o.sessionId) - data.sessions.idBase));
    const found: string[] = [];
    for (const [userId, rows] of sessions) {
      const person = byId.get(userId) as Person;
      const seen = new Set<number>();
      for (const row of rows) {
        const start = data.sessions.start.get(row) * 1000;
        const ip = data.sessions.ip.get(row);
        const { minute } = localTime(start, person.habits.tzOffsetMin);
        const offHours = minute >= OFF_HOURS.fromHour * 60 && minute < OFF_HOURS.toHour * 60;
        if (offHours && !seen.has(ip) && start > NOW - 31 * DAY_MS) found.push(String(data.sessions.idBase + row));
        if (!planted.has(row)) expect(insideWorkingHours(start, person.habits)).toBe(true);
        seen.add(ip);
      }
    }
    expect(found.sort()).toEqual(groundTruth.offHoursLogins.map((o) => o.sessionId).sort());
    for (const o of groundTruth.offHoursLogins) {
      const row = Number(o.sessionId) - data.sessions.idBase;
      expect(ipToText(data.sessions.ip.get(row))).toBe(o.ip);
      expect(String(data.sessions.user.get(row))).toBe(o.userId);
    }
  });

  it('has one permission burst and no other crowded window', () => {
    const log = data.accessLog;
    const burst = new Set(groundTruth.permissionBurst.eventIds.map((id) => Number(id) - log.idBase));
    const times: number[] = [...burst].map((row) => log.time.get(row));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(BURST_WINDOW_MS / 1000);
    const byActor = new Map<number, number[]>();
    for (let row = 0; row < log.length; row++) {
      if (burst.has(row)) {
        expect(String(log.actor.get(row))).toBe(groundTruth.permissionBurst.actorId);
        expect(['role_added', 'role_removed']).toContain(log.actionAt(row));
        continue;
      }
      const list = byActor.get(log.actor.get(row)) ?? [];
      list.push(log.time.get(row));
      byActor.set(log.actor.get(row), list);
    }
    for (const [actor, list] of byActor) {
      list.sort((a, b) => a - b);
      for (let i = 0; i + NORMAL_MAX_IN_WINDOW < list.length; i++)
        expect((list[i + NORMAL_MAX_IN_WINDOW] ?? 0) - (list[i] ?? 0)).toBeGreaterThanOrEqual(BURST_WINDOW_MS / 1000);
      if (String(actor) === groundTruth.permissionBurst.actorId) {
        for (const t of list)
          for (const b of times) expect(Math.abs(t - b)).toBeGreaterThanOrEqual(BURST_WINDOW_MS / 1000);
      }
    }
  });

  it('lists exactly the peer outliers', () => {
    const found = findPeerOutliers(data.people).map((o) => `${o.person.id}:${o.roleId}`);
    expect(found.sort()).toEqual(groundTruth.peerOutliers.map((o) => `${o.userId}:${o.roleId}`).sort());
  });

  it('lists exactly the near-duplicate pairs', () => {
    const byDomain = new Map<string, Person[]>();
    for (const p of data.people) {
      const domain = p.email.split('@')[1] ?? '';
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), p]);
    }
    const found: string[] = [];
    for (const members of byDomain.values()) {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const a = members[i] as Person;
          const b = members[j] as Person;
          if (editDistance(fullNameKey(a.firstName, a.lastName), fullNameKey(b.firstName, b.lastName), 2) <= 2)
            found.push([a.id, b.id].sort().join(':'));
        }
      }
    }
    expect(found.sort()).toEqual(
      groundTruth.nearDuplicates.map((d) => [Number(d.originalId), Number(d.duplicateId)].sort().join(':')).sort(),
    );
    for (const d of groundTruth.nearDuplicates) {
      const a = byId.get(Number(d.originalId)) as Person;
      const b = byId.get(Number(d.duplicateId)) as Person;
      expect(a.companyId).toBe(b.companyId);
      expect(editDistance(a.email, b.email)).toBeLessThanOrEqual(2);
      expect(a.email === b.email && a.firstName === b.firstName && a.lastName === b.lastName).toBe(false);
    }
  });

  it('keeps the access log consistent with current holdings and access', () => {
    const log = data.accessLog;
    const lastByPair = new Map<string, string>();
    for (let row = 0; row < log.length; row++) {
      if (row > 0) expect(log.time.get(row)).toBeGreaterThanOrEqual(log.time.get(row - 1));
      const action = log.actionAt(row);
      const person = byId.get(log.user.get(row)) as Person;
      if (action === 'role_added' || action === 'role_removed')
        lastByPair.set(`${person.id}${log.detailAt(row)}`, action);
      if (action === 'deactivated') expect(person.status).toBe('Inactive');
      if (action === 'activated') expect(person.accessType).toBe(ACCESS_TYPES.user);
    }
    for (const [key, action] of lastByPair) {
      const [personId, roleId] = key.split(',');
      const holds = (byId.get(Number(personId))?.roleIds ?? []).includes(Number(roleId));
      expect(holds).toBe(action === 'role_added');
    }
  });
});
