/**
 * A sandbox instance to and from its file (instance-file-schema.ts; README.md "Instance files").
 * Reading checks the shape (zod) and then every reference (a person's organization, a holding's
 * role, a session's person, ...) and refuses with the first problems by path, in plain words.
 * Writing keeps what the instance shows (deleted records and the generator's hidden habits are
 * left out), so writing what was read gives the same file.
 */
import crypto from 'node:crypto';
import { ACCESS_TYPES, USER_TYPES } from '../protocol';
import { AccessLog, SessionLog, ipFromOctets, ipToText } from './log-store';
import { blankPerson, type Company, type InstanceData, type Person } from './model';
import { CUSTOM_FIELDS, type GeneratedInstance } from './seed/generate';
import type { GroundTruth } from './seed/ground-truth';
import { CATEGORIES, nextCompanyId } from './seed/organizations';
import {
  INSTANCE_FILE_FORMAT,
  INSTANCE_FILE_VERSION,
  instanceFileSchema,
  type InstanceFile,
  type InstanceFileInput,
} from './instance-file-schema';

/** A file that is not a usable instance; the message names the first problems by path. */
export class InstanceFileError extends Error {}

const ACCESS_NAMES = { [ACCESS_TYPES.none]: 'none', [ACCESS_TYPES.user]: 'user', [ACCESS_TYPES.api]: 'api' } as const;
const USER_TYPE_NAMES = {
  [USER_TYPES.user]: 'user',
  [USER_TYPES.localAdmin]: 'localAdmin',
  [USER_TYPES.globalAdmin]: 'globalAdmin',
} as const;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (text: string) => Date.parse(text);
const sec = (text: string) => Math.floor(Date.parse(text) / 1000);

/** The instance as a file's content (an object; JSON.stringify it). */
export function instanceToFile(data: InstanceData, groundTruth?: GroundTruth): InstanceFileInput {
  const people = data.people.filter((p) => !p.deleted);
  const s = data.sessions;
  const a = data.accessLog;
  return {
    format: INSTANCE_FILE_FORMAT,
    version: INSTANCE_FILE_VERSION,
    alias: data.alias,
    rootOrganizationId: data.rootCompanyId,
    now: iso(data.now),
    logStart: iso(data.logStart),
    apiUser: { personId: data.apiAccount.personId, password: data.apiAccount.password },
    organizations: data.companies
      .filter((c) => !c.deleted)
      .map((c) => ({
        id: c.id,
        name: c.name,
        parentId: c.parentId,
        external: c.isExternal,
        status: c.status === 'Inactive' ? 'Inactive' : 'Active',
        phone: c.phone,
        website: c.website,
        created: iso(c.created),
      })),
    people: people.map(personOut),
    roles: data.roles.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      programOnly: r.utaOnly,
      privileged: r.privileged,
    })),
    holdings: people.flatMap((p) => p.roleIds.map((roleId) => ({ personId: p.id, roleId }))),
    programs: data.programs
      .filter((p) => !p.deleted)
      .map((p) => ({
        id: p.id,
        name: p.name,
        status: p.status,
        type: p.type,
        ownerId: p.ownerId,
        created: iso(p.created),
      })),
    assignments: data.associations
      .filter((x) => !x.removed)
      .map((x) => ({ id: x.id, programId: x.objectId, personId: x.contactId, roleId: x.roleId })),
    sessions: Array.from({ length: s.length }, (_v, i) => ({
      personId: s.user.get(i),
      start: iso(s.start.get(i) * 1000),
      end: iso(s.end.get(i) * 1000),
      ip: ipToText(s.ip.get(i)),
      userAgent: s.userAgents[s.ua.get(i)] ?? '',
    })),
    sessionIdBase: s.idBase,
    accessEvents: Array.from({ length: a.length }, (_v, i) => ({
      personId: a.user.get(i),
      action: a.actionAt(i),
      by: a.actor.get(i),
      at: iso(a.time.get(i) * 1000),
      detail: a.detailAt(i),
    })),
    accessEventIdBase: a.idBase,
    ...(groundTruth ? { groundTruth: groundTruth as unknown as Record<string, unknown> } : {}),
  };
}

function personOut(p: Person): InstanceFileInput['people'][number] {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    title: p.title,
    phone: p.phone,
    organizationId: p.companyId,
    external: p.isExternal,
    accessType: ACCESS_NAMES[p.accessType as keyof typeof ACCESS_NAMES] ?? 'none',
    userType: USER_TYPE_NAMES[p.userType as keyof typeof USER_TYPE_NAMES] ?? 'user',
    status: p.status as 'Active',
    accessExpiry: p.accessExpiry === null ? null : day(p.accessExpiry),
    lastLogin: p.lastLogin === null ? null : iso(p.lastLogin),
    created: iso(p.created),
    department: p.department,
    employeeNumber: p.employeeNumber,
    managerId: p.managerId,
  };
}

/** Every reference in the file that points at nothing, by path (at most `limit`). */
export function referenceProblems(f: InstanceFile, limit = 8): string[] {
  const out: string[] = [];
  const add = (problem: string) => out.length < limit && out.push(problem);
  const ids = <T extends { id: number }>(list: T[], name: string) => {
    const map = new Map<number, T>();
    list.forEach((x, i) => (map.has(x.id) ? add(`${name}[${i}].id: ${x.id} is used twice`) : map.set(x.id, x)));
    return map;
  };
  const orgs = ids(f.organizations, 'organizations');
  const people = ids(f.people, 'people');
  const roles = ids(f.roles, 'roles');
  const programs = ids(f.programs, 'programs');
  ids(f.assignments, 'assignments');
  const must = (ok: boolean, path: string, value: number, what: string) =>
    ok || add(`${path}: ${value} is not ${what} in the file`);
  const root = orgs.get(f.rootOrganizationId);
  if (!root) add(`rootOrganizationId: ${f.rootOrganizationId} is not an organization in the file`);
  else if (root.parentId !== null) add('rootOrganizationId: the root organization must have parentId null');
  f.organizations.forEach((o, i) => {
    if (o.id !== f.rootOrganizationId)
      must(
        o.parentId !== null && orgs.has(o.parentId),
        `organizations[${i}].parentId`,
        o.parentId ?? 0,
        'an organization',
      );
  });
  f.people.forEach((p, i) => {
    must(orgs.has(p.organizationId), `people[${i}].organizationId`, p.organizationId, 'an organization');
    if (p.managerId !== null) must(people.has(p.managerId), `people[${i}].managerId`, p.managerId, 'a person');
  });
  f.holdings.forEach((h, i) => {
    must(people.has(h.personId), `holdings[${i}].personId`, h.personId, 'a person');
    const r = roles.get(h.roleId);
    if (!r) must(false, `holdings[${i}].roleId`, h.roleId, 'a role');
    else if (r.programOnly) add(`holdings[${i}].roleId: ${r.name} is a program-only role; give it as an assignment`);
  });
  f.programs.forEach((p, i) => must(people.has(p.ownerId), `programs[${i}].ownerId`, p.ownerId, 'a person'));
  f.assignments.forEach((x, i) => {
    must(programs.has(x.programId), `assignments[${i}].programId`, x.programId, 'a program');
    must(people.has(x.personId), `assignments[${i}].personId`, x.personId, 'a person');
    const r = roles.get(x.roleId);
    if (!r) must(false, `assignments[${i}].roleId`, x.roleId, 'a role');
    else if (!r.programOnly) add(`assignments[${i}].roleId: ${r.name} is not a program-only role`);
  });
  f.sessions.forEach((s, i) => {
    must(people.has(s.personId), `sessions[${i}].personId`, s.personId, 'a person');
    if (ms(s.end) < ms(s.start)) add(`sessions[${i}].end: before its start`);
  });
  f.accessEvents.forEach((e, i) => {
    must(people.has(e.personId), `accessEvents[${i}].personId`, e.personId, 'a person');
    must(people.has(e.by), `accessEvents[${i}].by`, e.by, 'a person');
  });
  const api = people.get(f.apiUser.personId);
  if (!api) add(`apiUser.personId: ${f.apiUser.personId} is not a person in the file`);
  else if (api.accessType !== 'api' || api.status !== 'Active')
    add(`apiUser.personId: ${api.firstName} ${api.lastName} must have access type "api" and status Active`);
  if (ms(f.logStart) >= ms(f.now)) add('logStart: must be before now');
  return out;
}

/** The shape problems zod found, by path, in plain words. */
function shapeProblems(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.slice(0, 8).map((i) => {
    const path = i.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return `${path || '(the file)'}: ${i.message}`;
  });
}

/** Parses and checks a file's text; throws InstanceFileError naming the file and its first problems. */
export function parseInstanceFile(text: string, name: string): InstanceFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InstanceFileError(`${name} is not JSON: ${(error as Error).message}`);
  }
  const parsed = instanceFileSchema.safeParse(json);
  const problems = parsed.success ? referenceProblems(parsed.data) : shapeProblems(parsed.error);
  if (problems.length)
    throw new InstanceFileError(
      `${name} is not a sandbox instance file (${INSTANCE_FILE_FORMAT} version ${INSTANCE_FILE_VERSION}):\n  ${problems.join('\n  ')}`,
    );
  return parsed.data!;
}

function companyIn(o: InstanceFile['organizations'][number], f: InstanceFile, fallback: number): Company {
  const created = o.created ? ms(o.created) : fallback;
  const by = f.apiUser.personId;
  return {
    id: o.id,
    name: o.name,
    parentId: o.parentId,
    isExternal: o.external,
    status: o.status,
    categoryIds: [],
    phone: o.phone,
    website: o.website,
    created,
    createdBy: by,
    lastUpdated: created,
    updatedBy: by,
    deleted: false,
  };
}

function personIn(p: InstanceFile['people'][number], roleIds: number[], by: number, fallback: number): Person {
  const created = p.created ? ms(p.created) : fallback;
  return {
    ...blankPerson(),
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    title: p.title,
    phone: p.phone,
    companyId: p.organizationId,
    isExternal: p.external,
    roleIds: roleIds.sort((a, b) => a - b),
    accessType: ACCESS_TYPES[p.accessType],
    userType: USER_TYPES[p.userType],
    status: p.status,
    accessExpiry: p.accessExpiry === null ? null : ms(p.accessExpiry),
    lastLogin: p.lastLogin === null ? null : ms(p.lastLogin),
    created,
    createdBy: by,
    lastUpdated: created,
    updatedBy: by,
    department: p.department,
    employeeNumber: p.employeeNumber,
    managerId: p.managerId,
  };
}

function logsIn(f: InstanceFile): { sessions: SessionLog; accessLog: AccessLog } {
  const agents = [...new Set(f.sessions.map((s) => s.userAgent))];
  const agentAt = new Map(agents.map((a, i) => [a, i]));
  const sessions = new SessionLog(f.sessionIdBase, agents);
  // Sessions are a log in time order (a stable sort keeps the file's order among equal starts).
  const ordered = f.sessions.map((s, i) => ({ s, i, t: sec(s.start) })).sort((a, b) => a.t - b.t || a.i - b.i);
  for (const { s, t } of ordered) {
    const [a = 0, b = 0, c = 0, d = 0] = s.ip.split('.').map(Number);
    sessions.push(s.personId, t, sec(s.end), ipFromOctets(a, b, c, d), agentAt.get(s.userAgent) ?? 0);
  }
  const accessLog = new AccessLog(f.accessEventIdBase);
  for (const e of f.accessEvents) accessLog.push(e.personId, e.action, e.by, sec(e.at), e.detail);
  return { sessions, accessLog };
}

/** A checked file as the instance the sandbox serves (its ground truth: what the file says, if anything). */
export function instanceFromFile(f: InstanceFile, text: string): GeneratedInstance {
  const now = ms(f.now);
  const by = f.apiUser.personId;
  const held = new Map<number, number[]>();
  for (const h of f.holdings) held.set(h.personId, [...(held.get(h.personId) ?? []), h.roleId]);
  const companies = f.organizations.map((o) => companyIn(o, f, now));
  const people = f.people.map((p) => personIn(p, held.get(p.id) ?? [], by, now)).sort((a, b) => a.id - b.id);
  companies.sort((a, b) => a.id - b.id);
  const api = people.find((p) => p.id === by)!;
  const maxOf = (values: number[], floor: number) => values.reduce((m, v) => Math.max(m, v), floor);
  const data: InstanceData = {
    // Tokens and passwords follow the seed: the same file gives the same ones (keychain entries stay valid).
    seed: crypto.createHash('sha256').update(text).digest().readUInt32BE(0) & 0x7fffffff,
    alias: f.alias,
    rootCompanyId: f.rootOrganizationId,
    now,
    logStart: ms(f.logStart),
    companies,
    people,
    roles: f.roles.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      utaOnly: r.programOnly,
      privileged: r.privileged,
    })),
    programs: f.programs.map((p) => {
      const created = p.created ? ms(p.created) : now;
      return { ...p, created, lastUpdated: created, updatedBy: by, deleted: false };
    }),
    associations: f.assignments.map((x) => ({
      id: x.id,
      objectId: x.programId,
      contactId: x.personId,
      roleId: x.roleId,
      removed: false,
    })),
    transactions: [],
    categories: [...CATEGORIES],
    customFields: CUSTOM_FIELDS.map((c) => ({ ...c })),
    ...logsIn(f),
    apiAccount: { personId: by, username: api.email, password: f.apiUser.password },
    nextIds: {
      person:
        maxOf(
          people.map((p) => p.id),
          1_200_000,
        ) + 11,
      company: nextCompanyId(companies),
      association:
        maxOf(
          f.assignments.map((x) => x.id),
          500_000,
        ) + 1,
      transaction: 9_000_000,
    },
  };
  return { data, groundTruth: groundTruthOf(f) };
}

function groundTruthOf(f: InstanceFile): GroundTruth {
  const empty: GroundTruth = {
    seed: 0,
    people: f.people.length,
    now: f.now,
    logStart: f.logStart,
    definitions: { dormant: '', offHoursLogins: '', permissionBurst: '', peerOutliers: '', nearDuplicates: '' },
    dormant: [],
    offHoursLogins: [],
    permissionBurst: { actorId: '', eventIds: [], from: '', to: '' },
    peerOutliers: [],
    nearDuplicates: [],
    privilegedRoleIds: f.roles.filter((r) => r.privileged).map((r) => String(r.id)),
  };
  return { ...empty, ...(f.groundTruth as Partial<GroundTruth> | undefined) };
}

/** Reads an instance file's text into the instance the sandbox serves; throws InstanceFileError. */
export function loadInstance(text: string, name: string): GeneratedInstance {
  return instanceFromFile(parseInstanceFile(text, name), text);
}
