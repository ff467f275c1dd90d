/**
 * Access past its expiry date: a person whose access expiry day has passed but whose account is
 * still set to sign in (login access, status Active), so the expiry is all that stands between
 * them and the instance; sessions that started after the expiry are the evidence that it did not.
 *
 * Score: 0.45, +0.1 per role held (up to +0.2), +0.15 for privileged access, +0.3 when a session
 * started after the expiry.
 */
import type { DetectorContext, FindingDraft, PersonFacts } from '../model';
import { days, isAdminType, isExpired, plural, roundScore, wireToSeconds } from '../model';
import { ACCESS_TYPES } from '../../smartsimple/protocol';

export function detectExpiredAccess(people: Iterable<PersonFacts>, ctx: DetectorContext): FindingDraft[] {
  const found: FindingDraft[] = [];
  for (const p of people) {
    if (p.deleted || p.accessType !== ACCESS_TYPES.user || p.status !== 'Active' || !isExpired(p, ctx.asOf)) continue;
    const expiry = wireToSeconds(p.expiry)!;
    const after = ctx.sessionsOf(p.id, { after: expiry, limit: 20 });
    const privileged = isAdminType(p) || p.roleIds.some((r) => ctx.roles.get(r)?.privileged);
    const score = roundScore(
      0.45 + Math.min(0.2, 0.1 * p.roleIds.length) + (privileged ? 0.15 : 0) + (after.length > 0 ? 0.3 : 0),
    );
    const pastDays = days(ctx.asOf - expiry);
    found.push({
      key: `expired_access:${p.id}`,
      kind: 'expired_access',
      personId: p.id,
      score,
      reason:
        `Access expired on ${p.expiry} (${pastDays} days ago) but the account is still Active with login access and ` +
        `${plural(p.roleIds.length, 'role')}` +
        (after.length > 0 ? `; ${plural(after.length, 'session')} started after the expiry.` : '.'),
      numbers: { daysPastExpiry: pastDays, roles: p.roleIds.length, sessionsAfterExpiry: after.length },
      evidence: {
        sessions: after.map((s) => ({ ...s, note: 'after the expiry' })),
        roles: p.roleIds.map((id) => ({
          roleId: id,
          roleName: ctx.roles.get(id)?.name ?? `Role ${id}`,
          privileged: ctx.roles.get(id)?.privileged ?? false,
        })),
        facts: { accessExpiry: p.expiry, status: p.status, accessType: p.accessType },
      },
      occurredAt: `${p.expiry} 00:00:00`,
    });
  }
  return found;
}
