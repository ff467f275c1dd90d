/**
 * Privileged accounts unused: a person who can sign in and holds privileged access (a role the
 * administrator flagged privileged, an undecided role that looks privileged and is held mostly by
 * internal staff, or an administrator type) with no sign-in in the last `privilegedUnusedDays` days (or never, created longer ago).
 * Standing privilege nobody uses is access to take away.
 *
 * Score: 0.6, +0.2 for a flagged role or an administrator type (not only a likely one), rising by
 * up to 0.2 as the idle time reaches four times the threshold.
 */
import type { EvidenceRole } from '../../../src-preload/contract';
import type { DetectorContext, FindingDraft, PersonFacts, RoleFacts } from '../model';
import { canSignIn, DAY_S, days, isAdminType, lastActivity, roundScore, secondsToWire } from '../model';

/**
 * Undecided roles count as privileged when they look it, unless they are held mostly by external
 * people: a grantee's finance contact role acts on their own organization's records, not on the
 * instance. A role the administrator flags privileged always counts.
 */
export function narrowLikelyPrivileged(
  roles: Map<number, RoleFacts>,
  holders: ReadonlyMap<number, { internal: number; external: number }>,
): void {
  for (const role of roles.values()) {
    if (!role.likelyPrivileged) continue;
    const h = holders.get(role.id);
    if (h && h.external > h.internal) role.likelyPrivileged = false;
  }
}

const ADMIN_TYPE_NAMES: Record<string, string> = { '30': 'Local User Administrator', '40': 'Global Administrator' };

export function detectPrivilegedUnused(people: Iterable<PersonFacts>, ctx: DetectorContext): FindingDraft[] {
  const n = ctx.settings.privilegedUnusedDays;
  const cutoff = ctx.asOf - n * DAY_S;
  const found: FindingDraft[] = [];
  for (const p of people) {
    if (!canSignIn(p, ctx.asOf)) continue;
    const roles: EvidenceRole[] = [];
    for (const id of p.roleIds) {
      const role = ctx.roles.get(id);
      if (role && (role.privileged || role.likelyPrivileged))
        roles.push({
          roleId: id,
          roleName: role.name,
          privileged: role.privileged,
          note: role.privileged ? 'flagged privileged' : 'looks privileged (not decided yet)',
        });
    }
    const admin = isAdminType(p);
    if (roles.length === 0 && !admin) continue;
    const last = lastActivity(p);
    const since = last ?? p.created;
    if (since === null || since >= cutoff) continue;
    const idle = days(ctx.asOf - since);
    const confirmed = admin || roles.some((r) => r.privileged);
    const score = roundScore(0.6 + (confirmed ? 0.2 : 0) + 0.2 * Math.min(1, (idle - n) / (3 * n)));
    const what = [
      ...(admin ? [ADMIN_TYPE_NAMES[p.userType ?? ''] ?? 'an administrator type'] : []),
      ...roles.map((r) => r.roleName),
    ];
    found.push({
      key: `privileged_unused:${p.id}`,
      kind: 'privileged_unused',
      personId: p.id,
      score,
      reason:
        `Holds ${what.join(', ')} but ${last === null ? 'never signed in' : `has not signed in for ${idle} days`} ` +
        `(the limit for privileged accounts is ${n} days).`,
      numbers: { daysIdle: idle, limitDays: n, privilegedRoles: roles.length, adminType: admin ? 1 : 0 },
      evidence: {
        roles,
        sessions: last === null ? [] : ctx.sessionsOf(p.id, { limit: 1 }),
        facts: {
          userType: p.userType,
          lastSignIn: last === null ? null : secondsToWire(last),
          created: p.created === null ? null : secondsToWire(p.created),
        },
      },
      occurredAt: secondsToWire(since),
    });
  }
  return found;
}
