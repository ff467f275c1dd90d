/**
 * generateInstance: a whole believable SmartSimple instance from a seed and a size, plus the
 * ground truth of what was planted in it. Deterministic: the same options give the same bytes.
 */
import { formatWireDate } from '../../protocol';
import type { CustomField, InstanceData } from '../model';
import { ipToText } from '../log-store';
import { DEPARTMENTS } from './catalogue';
import { buildAccessHistory } from './access-events';
import { GenContext, type GenerateOptions, resolveOptions, DAY_MS } from './context';
import { DEFINITIONS, type GroundTruth } from './ground-truth';
import { buildOrganizations, CATEGORIES, nextCompanyId, sizing } from './organizations';
import { allocateStaff, PeopleBuilder } from './people';
import { buildPrograms } from './programs';
import { assignHoldings, buildRoles, plantPeerOutliers, repairSoleHolders } from './roles';
import { buildSessions, isActiveUser } from './sessions';

export type { GenerateOptions } from './context';

export interface GeneratedInstance {
  data: InstanceData;
  groundTruth: GroundTruth;
}

/** The custom fields every sandbox instance has (generated or loaded from a file). */
export const CUSTOM_FIELDS: readonly CustomField[] = [
  { id: 1001, name: 'Department', type: 'text' },
  { id: 1002, name: 'Employee Number', type: 'text' },
  { id: 1003, name: 'Manager ID', type: 'lookup' },
];

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

export function generateInstance(options: GenerateOptions): GeneratedInstance {
  const resolved = resolveOptions(options);
  const ctx = new GenContext(resolved);
  const size = sizing(resolved.people);
  const departments = DEPARTMENTS.slice(0, size.departments);
  const memberCounts = allocateStaff(size.staff, departments);
  const orgs = buildOrganizations(ctx, (i) => memberCounts[i] ?? 0);
  const externalCount = resolved.people - size.staff - size.duplicates;
  const built = new PeopleBuilder(ctx, orgs).build(memberCounts, externalCount, size.duplicates);
  const { people, plans, apiUser, admins, duplicates } = built;

  const roles = buildRoles(ctx, size.departments);
  assignHoldings(ctx, roles, plans);
  repairSoleHolders(ctx, people);
  const planted = new Set([apiUser, ...duplicates.flatMap((d) => [d.original, d.duplicate])]);
  const outliers = plantPeerOutliers(ctx, people, roles, clamp(resolved.people * 0.001, 2, 100), planted);

  // Dormant: long-standing active users outside every other planted story and not admins.
  const dormantRng = ctx.rng('dormant');
  const adminSet = new Set(admins);
  const dormantCandidates = people.filter(
    (p) => isActiveUser(p, ctx.now) && !planted.has(p) && !adminSet.has(p) && p.created < ctx.now - 200 * DAY_MS,
  );
  const dormant = new Set(dormantRng.sample(dormantCandidates, clamp(resolved.people * 0.003, 2, 300)));

  const { programs, associations, nextAssociationId } = buildPrograms(ctx, people, roles);
  const history = buildAccessHistory(ctx, people, roles, admins, outliers, apiUser);
  const sessions = buildSessions(ctx, people, {
    activeFrom: history.activeFrom,
    activeUntil: history.activeUntil,
    dormant,
    offHoursCount: clamp(resolved.people * 0.0005, 2, 50),
  });

  const stampRng = ctx.rng('company-stamps');
  for (const company of orgs.all) {
    const admin = admins.length > 0 ? stampRng.pick(admins) : apiUser;
    company.createdBy = admin.id;
    company.updatedBy = admin.id;
  }
  const passwordRng = ctx.rng('api-password');
  const data: InstanceData = {
    seed: resolved.seed,
    alias: orgs.alias,
    rootCompanyId: orgs.root.id,
    now: ctx.now,
    logStart: ctx.logStart,
    companies: orgs.all,
    people,
    roles,
    programs,
    associations,
    transactions: [],
    categories: [...CATEGORIES],
    customFields: CUSTOM_FIELDS.map((f) => ({ ...f })),
    sessions: sessions.log,
    accessLog: history.log,
    apiAccount: {
      personId: apiUser.id,
      username: apiUser.email,
      password: `${passwordRng.text(18, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789')}!7`,
    },
    nextIds: {
      person: (people[people.length - 1]?.id ?? 1_200_000) + 11,
      company: nextCompanyId(orgs.all),
      association: nextAssociationId,
      transaction: 9_000_000 + passwordRng.int(0, 99_999),
    },
  };

  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  const groundTruth: GroundTruth = {
    seed: resolved.seed,
    people: resolved.people,
    now: formatWireDate(ctx.now),
    logStart: formatWireDate(ctx.logStart),
    definitions: DEFINITIONS,
    dormant: [...dormant].map((p) => String(p.id)).sort(),
    offHoursLogins: sessions.offHours
      .map((o) => ({
        sessionId: String(o.sessionId),
        userId: String(o.person.id),
        ip: ipToText(o.ip),
        start: formatWireDate(Math.floor(o.start / 1000) * 1000),
      }))
      .sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1)),
    permissionBurst: {
      actorId: String(history.burst.actor.id),
      eventIds: history.burst.eventIds.map(String),
      from: formatWireDate(Math.floor(history.burst.from / 1000) * 1000),
      to: formatWireDate(Math.floor(history.burst.to / 1000) * 1000),
    },
    peerOutliers: outliers.map((o) => ({
      userId: String(o.person.id),
      roleId: String(o.role.id),
      roleName: roleName.get(o.role.id) ?? '',
      department: o.person.department ?? '',
      title: o.person.title,
    })),
    nearDuplicates: duplicates.map((d) => ({ originalId: String(d.original.id), duplicateId: String(d.duplicate.id) })),
    privilegedRoleIds: roles.filter((r) => r.privileged).map((r) => String(r.id)),
  };
  return { data, groundTruth };
}
