/**
 * A scope becomes people, and the people become items with their recommendations. Pure: the
 * facts come from the facts store. API accounts are never reviewed (the app's own is one).
 */
import type { ReviewItemKind, ReviewScope } from '../../src-preload/contract';
import { secondsToWire, lastActivity } from '../investigate/model';
import { ACCESS_TYPES, USER_TYPES } from '../smartsimple/protocol';
import type { CampaignFacts, DraftItem, ReviewPerson, ReviewRole } from './model';
import { buildPeerIndex, type PeerIndex } from './peers';
import { recommend, type Recommendation } from './recommend';

export interface BuiltItem extends DraftItem, Recommendation {
  person: ReviewPerson;
  reviewer: { id: number; name: string } | null;
  riskScore: number | null;
  lastSignIn: string | null;
}

export const isPrivilegedRole = (r: ReviewRole | undefined): boolean =>
  r !== undefined && (r.flagged === true || (r.flagged === null && r.likelyPrivileged));

const isAdminType = (p: ReviewPerson) => p.userType === USER_TYPES.localAdmin || p.userType === USER_TYPES.globalAdmin;

/** The people a scope selects: every criterion given must hold; within one, any value does. */
export function selectPeople(
  facts: CampaignFacts,
  scope: ReviewScope,
  organizations: ReadonlySet<number> | null,
): ReviewPerson[] {
  const departments = scope.departments ? new Set(scope.departments.map((d) => d.toLowerCase())) : null;
  const roles = scope.roleIds ? new Set(scope.roleIds) : null;
  const programs = scope.programIds ? new Set(scope.programIds) : null;
  const assigned = new Set(facts.assignments.filter((a) => programs?.has(a.programId)).map((a) => a.personId));
  return facts.people.filter((p) => {
    if (p.accessType === ACCESS_TYPES.api) return false;
    if (organizations && (p.companyId === null || !organizations.has(p.companyId))) return false;
    if (departments && !departments.has((p.department ?? '').toLowerCase())) return false;
    if (roles && !p.roleIds.some((r) => roles.has(r))) return false;
    if (programs && !assigned.has(p.id)) return false;
    if (scope.side && p.isExternal !== (scope.side === 'external')) return false;
    if (scope.privilegedOnly && !isAdminType(p) && !p.roleIds.some((r) => isPrivilegedRole(facts.roles.get(r))))
      return false;
    return true;
  });
}

function accessLabel(p: ReviewPerson): string {
  const type =
    p.userType === USER_TYPES.globalAdmin
      ? 'global user administrator'
      : p.userType === USER_TYPES.localAdmin
        ? 'local user administrator'
        : 'user';
  return `Login access (${type}${p.status && p.status !== 'Active' ? `, ${p.status}` : ''})`;
}

/** The items of one person, before recommendations. */
function draftsOf(p: ReviewPerson, facts: CampaignFacts, scope: ReviewScope, kinds: ReadonlySet<ReviewItemKind>) {
  const out: DraftItem[] = [];
  if (kinds.has('role'))
    for (const roleId of p.roleIds) {
      const role = facts.roles.get(roleId);
      if (!role || role.utaOnly) continue;
      if (scope.roleIds && !scope.roleIds.includes(roleId)) continue;
      const privileged = isPrivilegedRole(role);
      if (scope.privilegedOnly && !privileged) continue;
      out.push({ kind: 'role', personId: p.id, roleId, programId: null, target: role.name, privileged });
    }
  if (kinds.has('assignment') && !scope.privilegedOnly)
    for (const a of assignmentsByPerson(facts).get(p.id) ?? []) {
      if (scope.programIds && !scope.programIds.includes(a.programId)) continue;
      const program = facts.programs.get(a.programId);
      const roleName = a.roleName ?? facts.roles.get(a.roleId)?.name ?? `Role ${a.roleId}`;
      const target = `${roleName} on ${program?.name ?? `program ${a.programId}`}`;
      out.push({
        kind: 'assignment',
        personId: p.id,
        roleId: a.roleId,
        programId: a.programId,
        target,
        privileged: false,
      });
    }
  if (kinds.has('access') && p.accessType === ACCESS_TYPES.user && (!scope.privilegedOnly || isAdminType(p)))
    out.push({
      kind: 'access',
      personId: p.id,
      roleId: null,
      programId: null,
      target: accessLabel(p),
      privileged: isAdminType(p),
    });
  return out;
}

const byPerson = new WeakMap<CampaignFacts, Map<number, CampaignFacts['assignments']>>();
function assignmentsByPerson(facts: CampaignFacts): Map<number, CampaignFacts['assignments']> {
  let map = byPerson.get(facts);
  if (!map) {
    map = new Map();
    const seen = new Set<string>();
    for (const a of facts.assignments) {
      const key = `${a.personId}:${a.programId}:${a.roleId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = map.get(a.personId);
      if (list) list.push(a);
      else map.set(a.personId, [a]);
    }
    byPerson.set(facts, map);
  }
  return map;
}

export function buildItems(
  facts: CampaignFacts,
  scope: ReviewScope,
  kinds: readonly ReviewItemKind[],
  organizations: ReadonlySet<number> | null,
  peers: PeerIndex = buildPeerIndex(facts.people, facts.assignments, facts.peerMinGroup),
): BuiltItem[] {
  const kindSet = new Set(kinds);
  const names = new Map(facts.people.map((p) => [p.id, p.name]));
  const out: BuiltItem[] = [];
  for (const person of selectPeople(facts, scope, organizations)) {
    const last = lastActivity(person);
    const managerName = person.managerId === null ? undefined : names.get(person.managerId);
    const reviewer = managerName !== undefined ? { id: person.managerId!, name: managerName } : null;
    for (const item of draftsOf(person, facts, scope, kindSet)) {
      const r = recommend({
        item,
        person,
        asOf: facts.asOf,
        dormantDays: facts.dormantDays,
        privilegedUnusedDays: facts.privilegedUnusedDays,
        peers:
          item.kind === 'role'
            ? peers.role(person, item.roleId!)
            : item.kind === 'assignment'
              ? peers.assignment(person, item.programId!, item.roleId!)
              : peers.access(person),
        role: item.roleId === null ? undefined : facts.roles.get(item.roleId),
        program: item.programId === null ? undefined : facts.programs.get(item.programId),
        findings: facts.findings.get(person.id) ?? [],
        risk: facts.risk.get(person.id) ?? null,
      });
      out.push({
        ...item,
        ...r,
        person,
        reviewer,
        riskScore: facts.risk.get(person.id)?.score ?? null,
        lastSignIn: last === null ? null : secondsToWire(last),
      });
    }
  }
  return out;
}
