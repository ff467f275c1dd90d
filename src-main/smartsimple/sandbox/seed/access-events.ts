/**
 * The Access Modification history: activations of people created in the window, deactivations of
 * people who are inactive now, role changes, password resets, and the planted burst. Events
 * explain the current state rather than change it: a role_added event is only written for a role
 * the person holds now (and role_removed for one they do not), with at most one event per
 * (person, role), so replaying the log never contradicts the records.
 */
import { ACCESS_TYPES, type AccessAction } from '../../protocol';
import type { Person, Role } from '../model';
import { AccessLog } from '../log-store';
import { DAY_MS, type GenContext } from './context';
import type { Rng } from './prng';
import type { PeerOutlier } from './roles';
import { fromLocal, localTime, randomWorkTime } from './time-of-day';

/** The burst rule: BURST_MIN_EVENTS or more by one actor inside BURST_WINDOW_MS... */
export const BURST_WINDOW_MS = 15 * 60_000;
/** ...while no other actor ever does more than NORMAL_MAX_IN_WINDOW in such a window. */
export const NORMAL_MAX_IN_WINDOW = 3;

interface RawEvent {
  user: Person;
  action: AccessAction;
  actor: Person;
  time: number;
  detail: string;
  burst?: boolean;
  fixed?: boolean;
}

export interface AccessHistory {
  log: AccessLog;
  /** Activation inside the window (sessions may start only after it). */
  activeFrom: Map<Person, number>;
  /** Deactivation inside the window (sessions end before it). */
  activeUntil: Map<Person, number>;
  burst: { actor: Person; eventIds: number[]; from: number; to: number };
}

const roleDetail = (roleId: number): string => `,${roleId},`;

export function buildAccessHistory(
  ctx: GenContext,
  people: readonly Person[],
  roles: readonly Role[],
  admins: readonly Person[],
  outliers: readonly PeerOutlier[],
  apiUser: Person,
): AccessHistory {
  const rng = ctx.rng('access-events');
  const { now, logStart } = ctx;
  const events: RawEvent[] = [];
  const usedPairs = new Set<string>();
  const pairKey = (p: Person, roleId: number): string => `${p.id}:${roleId}`;
  const actors = admins.length > 0 ? admins : people.filter((p) => !p.isExternal && p !== apiUser).slice(0, 1);
  const pickAdmin = (except?: Person): Person => {
    const choices = actors.filter((a) => a !== except);
    return rng.pick(choices.length > 0 ? choices : actors);
  };
  const adminTime = (admin: Person, from: number, to: number): number | null =>
    randomWorkTime(rng, admin.habits, Math.max(from, logStart), Math.min(to, now - 60_000));

  // The burst comes first so that no ordinary event lands on the same (person, role).
  const outlierPeople = new Set(outliers.map((o) => o.person));
  const burst = plantBurst(ctx, rng, people, roles, actors, new Set([apiUser, ...outlierPeople]), usedPairs, pairKey);
  events.push(...burst.events);

  for (const person of people) {
    if (person === apiUser) continue;
    const hasAccess = person.accessType === ACCESS_TYPES.user && person.status === 'Active';
    if (hasAccess && person.created >= logStart) {
      const actor = person.isExternal ? person : pickAdmin(person);
      const time = person.created + rng.int(5 * 60, 90 * 60) * 1000;
      if (time < now) events.push({ user: person, action: 'activated', actor, time, detail: 'sf_Access Type: 0 -> 1' });
    }
    if (person.status === 'Inactive' && rng.chance(0.6)) {
      const actor = pickAdmin(person);
      const time = adminTime(actor, person.created + 7 * DAY_MS, now - DAY_MS);
      if (time !== null)
        events.push({ user: person, action: 'deactivated', actor, time, detail: 'sf_Status: Active -> Inactive' });
    }
  }

  for (const { person, role } of outliers) {
    const actor = pickAdmin(person);
    const time = adminTime(actor, Math.max(person.created, now - 60 * DAY_MS), now - DAY_MS);
    if (time !== null) events.push({ user: person, action: 'role_added', actor, time, detail: roleDetail(role.id) });
    usedPairs.add(pairKey(person, role.id));
  }

  const profileRoles = roles.filter((r) => !r.utaOnly);
  const withRoles = people.filter((p) => p !== apiUser && p.roleIds.length > 0);
  const ordinary = Math.round(people.length * 0.03) + 8;
  for (let k = 0; k < ordinary && withRoles.length > 0; k++) {
    const person = rng.pick(withRoles);
    const actor = pickAdmin(person);
    const time = adminTime(actor, person.created + DAY_MS, now);
    if (time === null) continue;
    const kind = rng.next();
    if (kind < 0.45 && !outlierPeople.has(person)) {
      const roleId = rng.pick(person.roleIds);
      if (usedPairs.has(pairKey(person, roleId))) continue;
      usedPairs.add(pairKey(person, roleId));
      events.push({ user: person, action: 'role_added', actor, time, detail: roleDetail(roleId) });
    } else if (kind < 0.7) {
      const role = rng.pick(profileRoles);
      if (person.roleIds.includes(role.id) || usedPairs.has(pairKey(person, role.id))) continue;
      usedPairs.add(pairKey(person, role.id));
      events.push({ user: person, action: 'role_removed', actor, time, detail: roleDetail(role.id) });
    } else if (person.accessType === ACCESS_TYPES.user) {
      const self = person.isExternal && rng.chance(0.5);
      events.push({
        user: person,
        action: 'password_reset',
        actor: self ? person : actor,
        time,
        detail: self ? 'self-service' : '',
      });
    }
  }

  spreadOut(rng, events, now, logStart);
  events.sort((a, b) => a.time - b.time);
  // Sessions must respect (de)activation times, which spreadOut may have moved: read them last.
  const activeFrom = new Map<Person, number>();
  const activeUntil = new Map<Person, number>();
  for (const e of events) {
    if (e.action === 'activated') activeFrom.set(e.user, e.time);
    if (e.action === 'deactivated') activeUntil.set(e.user, e.time);
  }
  const log = new AccessLog(40_000_000 + rng.int(0, 999_999));
  const burstIds: number[] = [];
  for (const e of events) {
    const row = log.push(e.user.id, e.action, e.actor.id, Math.floor(e.time / 1000), e.detail);
    if (e.burst) burstIds.push(log.idBase + row);
  }
  return {
    log,
    activeFrom,
    activeUntil,
    burst: { actor: burst.actor, eventIds: burstIds, from: burst.from, to: burst.to },
  };
}

/**
 * One administrator changes many people's roles within minutes, in the evening: the pattern of a
 * compromised admin account or a script run by hand. Roles added are roles the targets hold now.
 */
function plantBurst(
  ctx: GenContext,
  rng: Rng,
  people: readonly Person[],
  roles: readonly Role[],
  actors: readonly Person[],
  excluded: ReadonlySet<Person>,
  usedPairs: Set<string>,
  pairKey: (p: Person, roleId: number) => string,
): { actor: Person; events: RawEvent[]; from: number; to: number } {
  const size = Math.min(40, Math.max(12, Math.round(ctx.options.people / 2500) + 12));
  const localAdmins = actors.filter((a) => a.userType === '30');
  const actor = rng.pick(localAdmins.length > 0 ? localAdmins : actors);
  const day = localTime(ctx.now - rng.int(3, 45) * DAY_MS, actor.habits.tzOffsetMin).day;
  const from = fromLocal(day, rng.int(19 * 60, 22 * 60), actor.habits.tzOffsetMin);
  const targets = people.filter(
    (p) =>
      p !== actor &&
      !excluded.has(p) &&
      p.created < from - DAY_MS &&
      p.accessType === ACCESS_TYPES.user &&
      p.roleIds.length > 0,
  );
  const profileRoles = roles.filter((r) => !r.utaOnly);
  const events: RawEvent[] = [];
  let time = from;
  let last = from;
  for (let attempt = 0; events.length < size && attempt < size * 50; attempt++) {
    const person = rng.pick(targets);
    const adding = rng.chance(0.7);
    const roleId = adding ? rng.pick(person.roleIds) : rng.pick(profileRoles).id;
    if (usedPairs.has(pairKey(person, roleId)) || (!adding && person.roleIds.includes(roleId))) continue;
    usedPairs.add(pairKey(person, roleId));
    events.push({
      user: person,
      action: adding ? 'role_added' : 'role_removed',
      actor,
      time,
      detail: roleDetail(roleId),
      burst: true,
      fixed: true,
    });
    last = time;
    time += rng.int(5, 20) * 1000;
  }
  return { actor, events, from, to: last };
}

/**
 * Ordinary events are random, so one admin can by chance do several within minutes. Move such
 * events elsewhere until nobody but the planted burst exceeds NORMAL_MAX_IN_WINDOW per window.
 */
function spreadOut(rng: Rng, events: RawEvent[], now: number, logStart: number): void {
  for (let round = 0; round < 20; round++) {
    const byActor = new Map<Person, RawEvent[]>();
    for (const e of events) {
      const list = byActor.get(e.actor);
      if (list) list.push(e);
      else byActor.set(e.actor, [e]);
    }
    let moved = 0;
    for (const list of byActor.values()) {
      list.sort((a, b) => a.time - b.time);
      let start = 0;
      for (let end = 0; end < list.length; end++) {
        while ((list[end]?.time ?? 0) - (list[start]?.time ?? 0) >= BURST_WINDOW_MS) start++;
        const windowEvents = list.slice(start, end + 1);
        const mine = windowEvents.filter((e) => !e.burst);
        const crowded = windowEvents.some((e) => e.burst) ? mine.length > 0 : mine.length > NORMAL_MAX_IN_WINDOW;
        const victim = crowded ? mine.find((e) => !e.fixed && e.action !== 'activated') : undefined;
        if (victim) {
          victim.time =
            randomWorkTime(rng, victim.actor.habits, Math.max(logStart, victim.user.created + DAY_MS), now - 60_000) ??
            victim.time;
          moved++;
        }
      }
    }
    if (moved === 0) return;
  }
}
