/**
 * Dormant accounts: a person who can sign in (login access, Active, not expired, not removed)
 * with no sign-in in the last `dormantDays` days (the server's last login and the newest session
 * in the mirror both older), or who never signed in and was created more than that many days ago.
 *
 * Score: 0.5 at the threshold, rising to 1 at three times it (+0.25 per further threshold), +0.15
 * for an administrator type or a privileged role (a dormant key is worth more to an attacker).
 */
import type { DetectorContext, FindingDraft, PersonFacts } from '../model';
import { canSignIn, DAY_S, days, isAdminType, lastActivity, roundScore, secondsToWire } from '../model';

export function detectDormant(people: Iterable<PersonFacts>, ctx: DetectorContext): FindingDraft[] {
  const n = ctx.settings.dormantDays;
  const cutoff = ctx.asOf - n * DAY_S;
  const found: FindingDraft[] = [];
  for (const p of people) {
    if (!canSignIn(p, ctx.asOf)) continue;
    const last = lastActivity(p);
    const never = last === null;
    const since = never ? p.created : last;
    if (since === null || since >= cutoff) continue;
    const idle = days(ctx.asOf - since);
    const privileged = isAdminType(p) || p.roleIds.some((r) => ctx.roles.get(r)?.privileged);
    const score = roundScore(0.5 + (0.25 * (idle - n)) / n + (privileged ? 0.15 : 0));
    const sinceText = secondsToWire(since).slice(0, 10);
    const sessions = never ? [] : ctx.sessionsOf(p.id, { limit: 1 });
    found.push({
      key: `dormant:${p.id}`,
      kind: 'dormant',
      personId: p.id,
      score,
      reason: never
        ? `Never signed in since the account was created on ${sinceText}, ${idle} days ago (the limit is ${n} days).`
        : `No sign-in for ${idle} days, since ${sinceText} (the limit is ${n} days)${privileged ? '; holds privileged access' : ''}.`,
      numbers: { daysIdle: idle, limitDays: n, neverSignedIn: never ? 1 : 0, privileged: privileged ? 1 : 0 },
      evidence: {
        sessions,
        facts: {
          lastLogin: p.lastLogin === null ? null : secondsToWire(p.lastLogin),
          lastSession: p.lastSessionAt === null ? null : secondsToWire(p.lastSessionAt),
          created: p.created === null ? null : secondsToWire(p.created),
          status: p.status,
        },
      },
      occurredAt: secondsToWire(since),
    });
  }
  return found;
}
