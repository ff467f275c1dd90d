/**
 * Separation-of-duties conflicts: a person holding both roles of a rule the administrator
 * defined (role A with role B, e.g. Payment Approver with Payment Processor). Rules can start
 * from the suggestions of sod-catalogue.ts. One finding per person and rule.
 *
 * Score: 0.7, +0.15 when either role is privileged, +0.15 when the person can sign in now.
 */
import type { DetectorContext, FindingDraft, PersonFacts } from '../model';
import { canSignIn, roundScore } from '../model';

export interface SodRuleFacts {
  id: number;
  roleA: number;
  roleB: number;
  name: string;
}

export function detectSodConflicts(
  people: Iterable<PersonFacts>,
  rules: readonly SodRuleFacts[],
  ctx: DetectorContext,
): FindingDraft[] {
  const found: FindingDraft[] = [];
  if (rules.length === 0) return found;
  const name = (id: number) => ctx.roles.get(id)?.name ?? `Role ${id}`;
  for (const p of people) {
    if (p.deleted || p.roleIds.length < 2) continue;
    const held = new Set(p.roleIds);
    for (const rule of rules) {
      if (!held.has(rule.roleA) || !held.has(rule.roleB)) continue;
      const privileged = [rule.roleA, rule.roleB].some((r) => ctx.roles.get(r)?.privileged);
      const active = canSignIn(p, ctx.asOf);
      found.push({
        key: `sod_conflict:${p.id}:${rule.id}`,
        kind: 'sod_conflict',
        personId: p.id,
        score: roundScore(0.7 + (privileged ? 0.15 : 0) + (active ? 0.15 : 0)),
        reason:
          `Holds both ${name(rule.roleA)} and ${name(rule.roleB)}, which the rule "${rule.name}" keeps apart` +
          (active ? '; the account can sign in.' : '.'),
        numbers: { ruleId: rule.id, roleA: rule.roleA, roleB: rule.roleB, canSignIn: active ? 1 : 0 },
        evidence: {
          roles: [rule.roleA, rule.roleB].map((roleId) => ({
            roleId,
            roleName: name(roleId),
            privileged: ctx.roles.get(roleId)?.privileged ?? false,
            subject: true,
            note: `rule: ${rule.name}`,
          })),
          facts: { rule: rule.name },
        },
        occurredAt: null,
      });
    }
  }
  return found;
}
