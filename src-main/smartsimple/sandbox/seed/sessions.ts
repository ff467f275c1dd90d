/**
 * The Login Session log: each person with login access logs in inside their working hours from
 * one of their usual addresses; staff far more often than grantees. Planted: dormant accounts
 * (active, nothing for 90+ days) and off-hours logins from an address the person never used.
 * Every other active user gets a login in the last 90 days, so the dormant list is exact.
 */
import { ACCESS_TYPES } from '../../protocol';
import type { Person } from '../model';
import { ipFromOctets, orderByTime, SessionLog } from '../log-store';
import { DAY_MS, type GenContext } from './context';
import type { Rng } from './prng';
import { fromLocal, localTime, randomWorkTime } from './time-of-day';
import { FOREIGN_OCTETS, USER_AGENTS } from './vocabulary';

export const DORMANT_DAYS = 90;
/** Planted off-hours logins start between these local hours. */
export const OFF_HOURS = { fromHour: 1, toHour: 5 } as const;
const WEEK_MS = 7 * DAY_MS;
/** Staff log in this many times as often as external people. */
const STAFF_WEIGHT = 15;

export function isActiveUser(person: Person, now: number): boolean {
  return (
    person.accessType === ACCESS_TYPES.user &&
    person.status === 'Active' &&
    (person.accessExpiry === null || person.accessExpiry > now) &&
    !person.deleted
  );
}

export interface SessionPlan {
  activeFrom: Map<Person, number>;
  activeUntil: Map<Person, number>;
  dormant: Set<Person>;
  offHoursCount: number;
}

export interface SessionResult {
  log: SessionLog;
  offHours: Array<{ person: Person; sessionId: number; ip: number; start: number }>;
}

/** The period in which a person could log in, or null. */
function loginPeriod(ctx: GenContext, person: Person, plan: SessionPlan): [number, number] | null {
  const { now, logStart } = ctx;
  if (person.accessType === ACCESS_TYPES.api || person.status === 'Pending') return null;
  let from = Math.max(logStart, person.created, plan.activeFrom.get(person) ?? 0);
  let to = now;
  if (person.status === 'Inactive' || person.accessType === ACCESS_TYPES.none) {
    const until = plan.activeUntil.get(person);
    if (until === undefined || person.status !== 'Inactive') return null;
    to = until;
  }
  if (person.accessExpiry !== null && person.accessExpiry < to) to = person.accessExpiry;
  if (plan.dormant.has(person)) to = Math.min(to, now - (DORMANT_DAYS + 1) * DAY_MS);
  from += 60_000;
  return to > from ? [from, to] : null;
}

export function buildSessions(ctx: GenContext, people: readonly Person[], plan: SessionPlan): SessionResult {
  const rng = ctx.rng('sessions');
  const { now, logStart } = ctx;
  const periods = people.map((p) => loginPeriod(ctx, p, plan));
  let weightSum = 0;
  let eligible = 0;
  people.forEach((p, i) => {
    if (!periods[i]) return;
    eligible++;
    weightSum += p.isExternal ? 1 : STAFF_WEIGHT;
  });
  const perWeight = eligible === 0 ? 0 : (ctx.options.sessionsPerPersonPerWeek * eligible) / weightSum;
  const log = new SessionLog(20_000_000 + rng.int(0, 999_999), USER_AGENTS);
  const plantedRows = new Set<number>();
  const latest = new Map<Person, number>();

  const push = (person: Person, start: number, ip: number, ua: number): number => {
    const end = Math.min(now, start + rng.int(5, 150) * 60_000 + rng.int(0, 59) * 1000);
    if ((latest.get(person) ?? 0) < start) latest.set(person, start);
    return log.push(person.id, Math.floor(start / 1000), Math.floor(end / 1000), ip, ua);
  };
  const usualIp = (person: Person): number => {
    const ips = person.habits.ips;
    const r = rng.next();
    return (r < 0.75 ? ips[0] : r < 0.95 ? ips[1] : ips[2]) ?? ips[0] ?? 0;
  };
  const usualUa = (person: Person): number =>
    rng.chance(0.92) ? person.habits.ua : rng.int(0, USER_AGENTS.length - 1);

  people.forEach((person, i) => {
    const period = periods[i];
    if (!period) return;
    const [from, to] = period;
    const rate = perWeight * (person.isExternal ? 1 : STAFF_WEIGHT);
    const count = Math.min(rng.count((rate * (to - from)) / WEEK_MS), Math.ceil((to - from) / DAY_MS) * 3);
    for (let k = 0; k < count; k++) {
      const start = randomWorkTime(rng, person.habits, from, to);
      if (start !== null) push(person, start, usualIp(person), usualUa(person));
    }
    // Everyone active but the planted dormant has logged in within the last 90 days.
    if (
      isActiveUser(person, now) &&
      !plan.dormant.has(person) &&
      (latest.get(person) ?? 0) < now - (DORMANT_DAYS - 5) * DAY_MS
    ) {
      const start = randomWorkTime(rng, person.habits, Math.max(from, now - 60 * DAY_MS), now - 60_000, true);
      if (start !== null) push(person, start, usualIp(person), usualUa(person));
    }
  });

  const offHours = plantOffHours(ctx, rng, people, plan, latest, (person, start, ip) => {
    const row = push(person, start, ip, person.habits.ua);
    plantedRows.add(row);
    return row;
  });

  // Session ids in time order, like a real log table.
  const order = orderByTime(log.start, Math.floor(logStart / 1000) - 1, Math.floor(now / 1000) + 1);
  log.permute(order);
  const newRowOf = new Map<number, number>();
  order.forEach((oldRow, newRow) => {
    if (plantedRows.has(oldRow)) newRowOf.set(oldRow, newRow);
  });
  for (const person of people) {
    const last = latest.get(person);
    person.lastLogin =
      last !== undefined ? Math.floor(last / 1000) * 1000 : lastLoginBeforeWindow(rng, person, logStart);
  }
  return {
    log,
    offHours: offHours.map((o) => ({
      person: o.person,
      ip: o.ip,
      start: o.start,
      sessionId: log.idBase + (newRowOf.get(o.row) ?? 0),
    })),
  };
}

/** People with no session in the window may still have logged in before it. */
function lastLoginBeforeWindow(rng: Rng, person: Person, logStart: number): number | null {
  if (person.accessType === ACCESS_TYPES.api || person.status === 'Pending' || person.created >= logStart) return null;
  if (person.accessType === ACCESS_TYPES.none && person.status !== 'Inactive') return null;
  if (rng.chance(0.25)) return null;
  const from = Math.max(person.created, logStart - 400 * DAY_MS);
  return Math.floor((from + rng.next() * (logStart - DAY_MS - from)) / 1000) * 1000;
}

function plantOffHours(
  ctx: GenContext,
  rng: Rng,
  people: readonly Person[],
  plan: SessionPlan,
  latest: Map<Person, number>,
  push: (person: Person, start: number, ip: number) => number,
): Array<{ person: Person; row: number; ip: number; start: number }> {
  const now = ctx.now;
  // Staff with a history (so that "new address" means something), not dormant.
  const candidates = people.filter(
    (p) =>
      !p.isExternal &&
      isActiveUser(p, now) &&
      !plan.dormant.has(p) &&
      (latest.get(p) ?? 0) > now - 60 * DAY_MS &&
      p.created < now - 120 * DAY_MS,
  );
  const planted: Array<{ person: Person; row: number; ip: number; start: number }> = [];
  const usedIps = new Set<number>();
  for (const person of rng.sample(candidates, plan.offHoursCount)) {
    const day = localTime(now - rng.int(1, 30) * DAY_MS, person.habits.tzOffsetMin).day;
    const start =
      fromLocal(day, rng.int(OFF_HOURS.fromHour * 60, OFF_HOURS.toHour * 60 - 1), person.habits.tzOffsetMin) +
      rng.int(0, 59) * 1000;
    if (start >= now - 3_600_000) continue;
    let ip = 0;
    while (ip === 0 || usedIps.has(ip))
      ip = ipFromOctets(rng.pick(FOREIGN_OCTETS), rng.int(0, 255), rng.int(0, 255), rng.int(1, 254));
    usedIps.add(ip);
    planted.push({ person, row: push(person, start, ip), ip, start });
  }
  return planted;
}
