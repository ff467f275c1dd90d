/**
 * The detectors over people's records (no log rows): dormant, privileged unused, expired access,
 * separation of duties, external with internal roles (judged for the people given). Peer outliers
 * are judged by group (peer-state.ts).
 */
import { detectDormant } from '../detectors/dormant';
import { detectExpiredAccess } from '../detectors/expired-access';
import { detectExternalInternalRoles, internalRoleIds, roleHolderStats } from '../detectors/external-internal-role';
import { detectPrivilegedUnused, narrowLikelyPrivileged } from '../detectors/privileged-unused';
import { detectSodConflicts, type SodRuleFacts } from '../detectors/separation-of-duties';
import type { DetectorContext, FindingDraft, PersonFacts, RoleFacts } from '../model';
import type { RoleStats } from '../scans-store';

export interface PeopleResult {
  drafts: FindingDraft[];
  /** Holders per role (counted here when not given). */
  stats: RoleStats;
  internalRoles: Set<number>;
}

/**
 * `judged`: the people whose own findings are recomputed; `stats`: role holder counts, or null to
 * count them over `judged` (a full scan).
 */
export function detectPeople(
  judged: readonly PersonFacts[],
  roles: Map<number, RoleFacts>,
  stats: RoleStats | null,
  rules: readonly SodRuleFacts[],
  ctx: DetectorContext,
): PeopleResult {
  const holders = stats ?? roleHolderStats(judged);
  narrowLikelyPrivileged(roles, holders);
  const drafts = [
    ...detectDormant(judged, ctx),
    ...detectPrivilegedUnused(judged, ctx),
    ...detectExpiredAccess(judged, ctx),
    ...detectSodConflicts(judged, rules, ctx),
    ...detectExternalInternalRoles(judged, holders, ctx),
  ];
  return { drafts, stats: holders, internalRoles: internalRoleIds(holders, roles, ctx.settings.internalRoleShare) };
}
