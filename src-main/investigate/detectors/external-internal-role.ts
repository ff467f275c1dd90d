/**
 * External people with internal roles: an external person (a grantee, a partner) holding a role
 * that is internal, i.e. a role the administrator flagged privileged, or one held by five people
 * or more of whom at least `internalRoleShare` are internal. One finding per person, every such
 * role listed with its internal share.
 *
 * Score: 0.6, +0.1 per further internal role (up to +0.2), +0.2 for a privileged one, +0.1 when the
 * person can sign in now.
 */
import type { EvidenceRole } from '../../../src-preload/contract';
import type { DetectorContext, FindingDraft, PersonFacts, RoleFacts } from '../model';
import { canSignIn, percent, roundScore } from '../model';

/** Holders of each role: internal and external, over everyone in the mirror. */
export type RoleHolderStats = ReadonlyMap<number, { internal: number; external: number }>;

const MIN_HOLDERS = 5;

export function roleHolderStats(people: Iterable<PersonFacts>): Map<number, { internal: number; external: number }> {
  const stats = new Map<number, { internal: number; external: number }>();
  for (const p of people) {
    if (p.deleted) continue;
    for (const r of p.roleIds) {
      let s = stats.get(r);
      if (!s) stats.set(r, (s = { internal: 0, external: 0 }));
      if (p.isExternal) s.external++;
      else s.internal++;
    }
  }
  return stats;
}

/** Internal roles: flagged privileged, or held by MIN_HOLDERS or more, at least `share` of them internal. */
export function isInternalRole(
  role: RoleFacts | undefined,
  s: { internal: number; external: number } | undefined,
  share: number,
) {
  const total = (s?.internal ?? 0) + (s?.external ?? 0);
  return (role?.privileged ?? false) || (total >= MIN_HOLDERS && (s?.internal ?? 0) / total >= share);
}

export function internalRoleIds(
  stats: RoleHolderStats,
  roles: ReadonlyMap<number, RoleFacts>,
  share: number,
): Set<number> {
  const ids = new Set<number>();
  for (const id of new Set([...stats.keys(), ...roles.keys()]))
    if (isInternalRole(roles.get(id), stats.get(id), share)) ids.add(id);
  return ids;
}

export function detectExternalInternalRoles(
  people: Iterable<PersonFacts>,
  stats: RoleHolderStats,
  ctx: DetectorContext,
): FindingDraft[] {
  const found: FindingDraft[] = [];
  for (const p of people) {
    if (p.deleted || !p.isExternal) continue;
    const roles: EvidenceRole[] = [];
    for (const roleId of p.roleIds) {
      const role = ctx.roles.get(roleId);
      const s = stats.get(roleId) ?? { internal: 0, external: 0 };
      const total = s.internal + s.external;
      const share = total === 0 ? 0 : s.internal / total;
      if (!isInternalRole(role, s, ctx.settings.internalRoleShare)) continue;
      roles.push({
        roleId,
        roleName: role?.name ?? `Role ${roleId}`,
        privileged: role?.privileged ?? false,
        subject: true,
        note: role?.privileged ? 'privileged' : `${percent(share)} of its ${total} holders are internal`,
      });
    }
    if (roles.length === 0) continue;
    const privileged = roles.some((r) => r.privileged);
    const active = canSignIn(p, ctx.asOf);
    found.push({
      key: `external_internal_role:${p.id}`,
      kind: 'external_internal_role',
      personId: p.id,
      score: roundScore(0.6 + Math.min(0.2, 0.1 * (roles.length - 1)) + (privileged ? 0.2 : 0) + (active ? 0.1 : 0)),
      reason:
        `External, yet holds ${roles.map((r) => `${r.roleName} (${r.note})`).join(', ')}` +
        (active ? '; the account can sign in.' : '.'),
      numbers: { internalRoles: roles.length, privileged: privileged ? 1 : 0, canSignIn: active ? 1 : 0 },
      evidence: { roles, facts: { isExternal: true, status: p.status } },
      occurredAt: null,
    });
  }
  return found;
}
