/**
 * What plans read from the mirror: people as wire-field snapshots (the "before" of an operation),
 * the roles catalogue with the administrator's privileged flag, program assignments, and the
 * selections the filter builders need. Only the typed columns are read (never `raw`), so the
 * sync engine may store raw records however it likes.
 */
import type { DB } from '../../db/open';
import { selectPeopleIds, type PeopleSelectionFilter } from '../../mirror/people-search-store';
import type { FieldMap, RoleInfo } from '../types';
import type { WireRecord } from '../../smartsimple/protocol';

export interface MirrorPerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  companyId: number | null;
  organization: string | null;
  isExternal: boolean;
  roleIds: number[];
  accessType: string | null;
  userType: string | null;
  status: string | null;
  department: string | null;
  lastLogin: string | null;
  /** The person's wire fields as the mirror knows them (`sf_User Role` holds the role list). */
  fields: FieldMap;
}

interface PersonRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  title: string | null;
  phone: string | null;
  company_id: number | null;
  organization: string | null;
  is_external: number;
  role_ids: string;
  access_type: string | null;
  user_type: string | null;
  status: string | null;
  access_expiry: string | null;
  department: string | null;
  manager_id: number | null;
  last_login: string | null;
}

const COLUMNS = `p.id, p.first_name, p.last_name, p.email, p.title, p.phone, p.company_id, o.name AS organization, p.is_external, p.role_ids,
  p.access_type, p.user_type, p.status, p.access_expiry, p.department, p.manager_id, p.last_login`;
const FROM = `FROM mirror_people p LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id`;

const roleIdsOf = (list: string): number[] =>
  list
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0);

function toPerson(r: PersonRow): MirrorPerson {
  const roleIds = roleIdsOf(r.role_ids);
  const text = (v: string | number | null) => (v === null || v === '' ? null : String(v));
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    companyId: r.company_id,
    organization: r.organization,
    isExternal: r.is_external === 1,
    roleIds,
    accessType: r.access_type,
    userType: r.user_type,
    status: r.status,
    department: r.department,
    lastLogin: r.last_login,
    fields: {
      'sf_User ID': String(r.id),
      'sf_First Name': text(r.first_name),
      'sf_Last Name': text(r.last_name),
      sf_Email: text(r.email),
      sf_Title: text(r.title),
      sf_Phone: text(r.phone),
      'sf_Company ID': text(r.company_id),
      'sf_Is External': r.is_external === 1 ? '1' : '0',
      'sf_User Role': roleIds.length > 0 ? `,${roleIds.join(',')},` : null,
      'sf_Access Type': text(r.access_type),
      'sf_User Type': text(r.user_type),
      sf_Status: text(r.status),
      'sf_Access Expiry': text(r.access_expiry),
      cf_Department: text(r.department),
      'cf_Manager ID': text(r.manager_id),
    },
  };
}

/** Live (not removed) people by id; absent ids are missing from the map. */
export function getMirrorPeople(db: DB, instanceId: string, ids: readonly number[]): Map<number, MirrorPerson> {
  const out = new Map<number, MirrorPerson>();
  const unique = [...new Set(ids)];
  // Chunks stay under SQLite's variable limit.
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT ${COLUMNS} ${FROM} WHERE p.instance_id = ? AND p.deleted_at IS NULL AND p.id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(instanceId, ...chunk) as PersonRow[];
    for (const r of rows) out.set(r.id, toPerson(r));
  }
  return out;
}

/** Live people by e-mail, case-insensitive: lower-cased e-mail -> matches (several = ambiguous). */
export function findMirrorPeopleByEmail(
  db: DB,
  instanceId: string,
  emails: readonly string[],
): Map<string, MirrorPerson[]> {
  const out = new Map<string, MirrorPerson[]>();
  const unique = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT ${COLUMNS} ${FROM} WHERE p.instance_id = ? AND p.deleted_at IS NULL AND lower(p.email) IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(instanceId, ...chunk) as PersonRow[];
    for (const r of rows) {
      const key = r.email.toLowerCase();
      out.set(key, [...(out.get(key) ?? []), toPerson(r)]);
    }
  }
  return out;
}

export function listMirrorRoles(db: DB, instanceId: string): RoleInfo[] {
  const rows = db
    .prepare(
      'SELECT id, name, uta_only, privileged FROM mirror_roles WHERE instance_id = ? AND deleted_at IS NULL ORDER BY id',
    )
    .all(instanceId) as { id: number; name: string; uta_only: number; privileged: number | null }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    utaOnly: r.uta_only === 1,
    privileged: r.privileged === null ? null : r.privileged === 1,
  }));
}

export function listMirrorProgramNames(db: DB, instanceId: string): Map<number, string> {
  const rows = db
    .prepare('SELECT id, name FROM mirror_programs WHERE instance_id = ? AND deleted_at IS NULL')
    .all(instanceId) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface MirrorAssignment {
  associationId: number;
  programId: number;
  personId: number;
  roleId: number;
}

/** Live UTA assignments of these people. */
export function getMirrorAssignments(db: DB, instanceId: string, personIds: readonly number[]): MirrorAssignment[] {
  const out: MirrorAssignment[] = [];
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT association_id AS associationId, program_id AS programId, person_id AS personId, role_id AS roleId FROM mirror_program_assignments
         WHERE instance_id = ? AND deleted_at IS NULL AND person_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(instanceId, ...chunk) as MirrorAssignment[];
    out.push(...rows);
  }
  return out;
}

export interface PeopleSelection {
  organizationId?: number;
  includeSubOrganizations?: boolean;
  department?: string;
  /** People holding this profile role. */
  holdsRoleId?: number;
  /** People not holding this profile role. */
  lacksRoleId?: number;
  /** Last login before this wire time, or never. */
  lastLoginBefore?: string;
  isExternal?: boolean;
  /** Only people who can still sign in (access type not "No access", status Active). */
  activeOnly?: boolean;
}

/** Ids of live people matching every criterion given, ascending: the mirror's one people filter. */
export function selectMirrorPeople(db: DB, instanceId: string, s: PeopleSelection): number[] {
  const filter: PeopleSelectionFilter = {
    ...(s.organizationId !== undefined ? { organizationId: s.organizationId } : {}),
    ...(s.includeSubOrganizations ? { includeSubOrganizations: true } : {}),
    ...(s.department !== undefined ? { department: s.department, departmentAnyCase: true } : {}),
    ...(s.holdsRoleId !== undefined ? { roleId: s.holdsRoleId } : {}),
    ...(s.lacksRoleId !== undefined ? { lacksRoleId: s.lacksRoleId } : {}),
    ...(s.lastLoginBefore !== undefined ? { lastLoginBeforeOrNever: s.lastLoginBefore } : {}),
    ...(s.isExternal !== undefined ? { isExternal: s.isExternal } : {}),
    ...(s.activeOnly ? { activeOnly: true } : {}),
  };
  return selectPeopleIds(db, instanceId, filter).ids;
}

/** A live organization's side (external or not), for creating a person under it. */
export function getMirrorOrganization(
  db: DB,
  instanceId: string,
  id: number,
): { id: number; name: string; isExternal: boolean; parentId: number | null } | undefined {
  const row = db
    .prepare(
      'SELECT id, name, is_external, parent_id FROM mirror_organizations WHERE instance_id = ? AND id = ? AND deleted_at IS NULL',
    )
    .get(instanceId, id) as { id: number; name: string; is_external: number; parent_id: number | null } | undefined;
  return row
    ? { id: row.id, name: row.name, isExternal: row.is_external === 1, parentId: row.parent_id ?? null }
    : undefined;
}

/** The names of the live organizations directly under `parentId`. */
export function getMirrorChildOrganizationNames(db: DB, instanceId: string, parentId: number): string[] {
  return db
    .prepare('SELECT name FROM mirror_organizations WHERE instance_id = ? AND parent_id = ? AND deleted_at IS NULL')
    .pluck()
    .all(instanceId, parentId) as string[];
}

/** The mirror's raw records of live people (as the last sync or apply stored them), by id. */
export function getMirrorRawPeople(db: DB, instanceId: string, ids: readonly number[]): Map<number, WireRecord> {
  const out = new Map<number, WireRecord>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT p.id, r.raw FROM mirror_people p JOIN mirror_people_raw r ON r.key = p.key
         WHERE p.instance_id = ? AND p.id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(instanceId, ...chunk) as { id: number; raw: string }[];
    for (const r of rows) out.set(r.id, JSON.parse(r.raw) as WireRecord);
  }
  return out;
}
