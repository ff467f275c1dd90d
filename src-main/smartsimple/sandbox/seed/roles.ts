/**
 * The role catalogue and who holds what. Holdings follow each title's template with noise
 * (a core role missing here and there, optional roles held by a share of the group), then a
 * repair pass makes sure nobody is the only holder of a role in a peer group of four or more:
 * that situation is reserved for the planted peer outliers, so the ground truth stays exact.
 */
import type { Person, Role } from '../model';
import {
  EXTERNAL_BASE_ROLE,
  EXTERNAL_TEMPLATES,
  INTERNAL_BASE_ROLE,
  PRIVILEGED_ROLES,
  roleNames,
  SECONDARY_UTA_ONLY,
  UTA_ROLES,
} from './catalogue';
import type { GenContext } from './context';
import type { PersonPlan } from './people';

/** Peer groups need this many members before "peers don't hold it" means anything. */
export const MIN_PEER_GROUP = 4;

export function peerGroupKey(person: Pick<Person, 'isExternal' | 'department' | 'title'>): string {
  return `${person.isExternal ? 'ext' : 'int'}|${person.department ?? ''}|${person.title}`;
}

export function buildRoles(ctx: GenContext, departmentCount: number): Role[] {
  const rng = ctx.rng('roles');
  const names = roleNames(ctx.options.roles, departmentCount);
  let id = 14_000 + rng.int(0, 900);
  return names.map((name) => {
    const role: Role = {
      id,
      name,
      description: describe(name),
      utaOnly: (UTA_ROLES as readonly string[]).includes(name) || SECONDARY_UTA_ONLY.has(name),
      privileged: (PRIVILEGED_ROLES as readonly string[]).includes(name),
    };
    id += rng.int(1, 12);
    return role;
  });
}

function describe(name: string): string {
  if ((UTA_ROLES as readonly string[]).includes(name) || SECONDARY_UTA_ONLY.has(name))
    return `${name} on a program record (UTA role only)`;
  if ((PRIVILEGED_ROLES as readonly string[]).includes(name)) return `${name}: privileged, grants system-wide rights`;
  return `${name} access`;
}

/**
 * Gives everyone their profile roles. Roles past the templates (secondary and generated ones)
 * are attached to a few internal titles as optional roles, so large catalogues are partly used
 * and partly dormant, as real ones are.
 */
export function assignHoldings(ctx: GenContext, roles: Role[], plans: Map<Person, PersonPlan>): void {
  const rng = ctx.rng('holdings');
  const byName = new Map(roles.map((r) => [r.name, r.id]));
  const templated = new Set<string>([INTERNAL_BASE_ROLE, EXTERNAL_BASE_ROLE]);
  for (const plan of plans.values())
    if (plan.template) [...plan.template.core, ...plan.template.optional].forEach((n) => templated.add(n));
  for (const tpl of Object.values(EXTERNAL_TEMPLATES)) [...tpl.core, ...tpl.optional].forEach((n) => templated.add(n));
  const internalTitles = [
    ...new Set([...plans.values()].filter((p) => p.template).map((p) => peerGroupKey(p.person))),
  ].sort();
  const extraByGroup = new Map<string, number[]>();
  for (const role of roles) {
    if (role.utaOnly || templated.has(role.name) || internalTitles.length === 0 || rng.chance(0.35)) continue;
    for (const key of rng.sample(internalTitles, rng.int(1, 2))) {
      const list = extraByGroup.get(key) ?? [];
      list.push(role.id);
      extraByGroup.set(key, list);
    }
  }
  const ids = (names: readonly string[]): number[] =>
    names.map((n) => byName.get(n)).filter((id): id is number => id !== undefined);

  for (const { person, template, externalTitle } of plans.values()) {
    if (person.accessType === '5') continue;
    let core: number[];
    let optional: number[];
    if (template) {
      core = ids([INTERNAL_BASE_ROLE, ...template.core]);
      optional = [...ids(template.optional), ...(extraByGroup.get(peerGroupKey(person)) ?? [])];
    } else {
      const tpl = EXTERNAL_TEMPLATES[externalTitle ?? ''] ?? { core: [], optional: [] };
      core = ids([EXTERNAL_BASE_ROLE, ...tpl.core]);
      optional = ids(tpl.optional);
    }
    const held = new Set<number>();
    core.forEach((id, i) => (i === 0 || rng.chance(0.93) ? held.add(id) : undefined));
    for (const id of optional) if (rng.chance(0.4)) held.add(id);
    person.roleIds = [...held].sort((a, b) => a - b);
  }
}

export function peerGroups(people: readonly Person[]): Map<string, Person[]> {
  const groups = new Map<string, Person[]>();
  for (const person of people) {
    if (person.deleted || person.accessType === '5') continue;
    const key = peerGroupKey(person);
    const list = groups.get(key);
    if (list) list.push(person);
    else groups.set(key, [person]);
  }
  return groups;
}

/** Role id -> holders within one group. */
function holdersByRole(members: readonly Person[]): Map<number, Person[]> {
  const holders = new Map<number, Person[]>();
  for (const member of members) {
    for (const roleId of member.roleIds) {
      const list = holders.get(roleId);
      if (list) list.push(member);
      else holders.set(roleId, [member]);
    }
  }
  return holders;
}

/**
 * No accidental outliers: a role held by exactly one member of a group of MIN_PEER_GROUP or
 * more gets a second holder (or, half the time, is taken away). Runs before anything is planted.
 */
export function repairSoleHolders(ctx: GenContext, people: readonly Person[]): void {
  const rng = ctx.rng('repair');
  for (const members of peerGroups(people).values()) {
    if (members.length < MIN_PEER_GROUP) continue;
    for (const [roleId, holders] of holdersByRole(members)) {
      if (holders.length !== 1) continue;
      const sole = holders[0]!;
      if (rng.chance(0.5)) sole.roleIds = sole.roleIds.filter((r) => r !== roleId);
      else {
        const other = rng.pick(members.filter((m) => m !== sole));
        other.roleIds = [...other.roleIds, roleId].sort((a, b) => a - b);
      }
    }
  }
}

export interface PeerOutlier {
  person: Person;
  role: Role;
}

/**
 * Plants people holding a role none of their peers hold, privileged roles first (a Grants
 * Officer who can approve payments is the finding an access review is for).
 */
export function plantPeerOutliers(
  ctx: GenContext,
  people: readonly Person[],
  roles: readonly Role[],
  count: number,
  exclude: Set<Person>,
): PeerOutlier[] {
  const rng = ctx.rng('outliers');
  const groups = [...peerGroups(people).entries()]
    .filter(([key, members]) => key.startsWith('int|') && members.length >= MIN_PEER_GROUP)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const profileRoles = roles.filter((r) => !r.utaOnly);
  const privileged = profileRoles.filter((r) => r.privileged);
  const outliers: PeerOutlier[] = [];
  const touchedGroupRoles = new Set<string>();
  for (let attempt = 0; outliers.length < count && attempt < count * 30 && groups.length > 0; attempt++) {
    const [key, members] = groups[attempt % Math.min(groups.length, Math.max(1, count))] ?? groups[0]!;
    const candidates = members.filter((m) => !exclude.has(m) && m.accessType === '1' && m.status === 'Active');
    if (candidates.length === 0) continue;
    const person = rng.pick(candidates);
    const held = holdersByRole(members);
    const pool = rng.chance(0.7) ? privileged : profileRoles;
    const role = rng.pick(pool);
    if (held.has(role.id) || touchedGroupRoles.has(`${key}|${role.id}`)) continue;
    person.roleIds = [...person.roleIds, role.id].sort((a, b) => a - b);
    touchedGroupRoles.add(`${key}|${role.id}`);
    exclude.add(person);
    outliers.push({ person, role });
  }
  return outliers;
}

/** Every (person, role) pair where the person is the only holder in a big-enough group. */
export function findPeerOutliers(people: readonly Person[]): Array<{ person: Person; roleId: number }> {
  const found: Array<{ person: Person; roleId: number }> = [];
  for (const members of peerGroups(people).values()) {
    if (members.length < MIN_PEER_GROUP) continue;
    for (const [roleId, holders] of holdersByRole(members))
      if (holders.length === 1) found.push({ person: holders[0]!, roleId });
  }
  return found;
}
