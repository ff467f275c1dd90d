/**
 * Bulk permission changes: a burst of role changes (role added or removed) by one actor, at
 * least `burstMinChanges` of them within `burstWindowMinutes`. Every change that falls in such a
 * window belongs to the burst, and changes closer than the window to one another join the same
 * burst. One finding per burst, on the actor, with every change as evidence.
 *
 * Score: 0.6, rising to 0.9 at three times the minimum, +0.1 when a privileged role was among
 * those changed.
 */
import type { EvidenceEvent } from '../../../src-preload/contract';
import type { DetectorContext, FindingDraft, RoleChange } from '../model';
import { plural, roundScore, secondsToWire } from '../model';
import { describeMinutes } from './session-profile';

/** Changes of one actor, in time order -> the bursts among them, as index ranges. */
export function findBursts(times: readonly number[], minChanges: number, windowSeconds: number): [number, number][] {
  const inBurst = new Uint8Array(times.length);
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowSeconds) start++;
    if (end - start + 1 >= minChanges) inBurst.fill(1, start, end + 1);
  }
  const bursts: [number, number][] = [];
  for (let i = 0; i < times.length; i++) {
    if (!inBurst[i]) continue;
    const current = bursts[bursts.length - 1];
    if (current && times[i]! - times[current[1]]! < windowSeconds) current[1] = i;
    else bursts.push([i, i]);
  }
  return bursts;
}

export function detectPermissionBursts(
  changesByActor: ReadonlyMap<number, readonly RoleChange[]>,
  personNames: (id: number) => string | null,
  ctx: DetectorContext,
): FindingDraft[] {
  const { burstMinChanges: min, burstWindowMinutes: minutes } = ctx.settings;
  const found: FindingDraft[] = [];
  for (const [actorId, changes] of changesByActor) {
    const times = changes.map((c) => c.at);
    for (const [from, to] of findBursts(times, min, minutes * 60)) {
      const burst = changes.slice(from, to + 1);
      const first = burst[0]!;
      const last = burst[burst.length - 1]!;
      const people = new Set(burst.map((c) => c.personId)).size;
      const added = burst.filter((c) => c.action === 'role_added').length;
      const privileged = burst.some((c) => c.roleId !== null && ctx.roles.get(c.roleId)?.privileged);
      const score = roundScore(0.6 + 0.3 * Math.min(1, (burst.length - min) / (2 * min)) + (privileged ? 0.1 : 0));
      const span = last.at - first.at;
      const events: EvidenceEvent[] = burst.map((c) => ({
        eventId: c.eventId,
        personId: c.personId,
        personName: personNames(c.personId),
        action: c.action,
        roleId: c.roleId,
        roleName: c.roleId === null ? null : (ctx.roles.get(c.roleId)?.name ?? `Role ${c.roleId}`),
        changedBy: actorId,
        changedByName: personNames(actorId),
        at: secondsToWire(c.at),
      }));
      found.push({
        key: `permission_burst:${actorId}:${first.eventId}`,
        kind: 'permission_burst',
        personId: actorId,
        score,
        reason:
          `${plural(burst.length, 'role change')} to ${plural(people, 'person', 'people')} within ` +
          `${describeMinutes(Math.max(1, span / 60))} on ${secondsToWire(first.at).slice(0, 16)} UTC ` +
          `(${added} added, ${burst.length - added} removed; a burst is ${min} or more within ${minutes} minutes)` +
          (privileged ? ', privileged roles among them.' : '.'),
        numbers: {
          changes: burst.length,
          people,
          added,
          removed: burst.length - added,
          spanSeconds: span,
          privileged: privileged ? 1 : 0,
        },
        evidence: { events, facts: { from: secondsToWire(first.at), to: secondsToWire(last.at) } },
        occurredAt: secondsToWire(first.at),
      });
    }
  }
  return found;
}
