/**
 * People in the mirror: search with filters for the People table, and everything the person page
 * shows. Search is the trigram FTS index (substring match on name, email and organization); terms
 * shorter than three characters, which a trigram index cannot look up, filter the hits or, when
 * alone, match the start of a name or email.
 */
import { notFound } from '../../errors/app-error';
import type { DB } from '../open';
import { listAccessEvents, listLoginSessions, type AccessEventRow, type LoginSessionRow } from './mirror-logs';
import { personKeyRange } from './mirror-keys';
import { getOrganizationPath, type OrganizationRef } from './mirror-organizations';

export interface PeopleFilters {
  roleId?: number;
  organizationId?: number;
  /** With organizationId: people of its sub-organizations too. */
  includeSubOrganizations?: boolean;
  accessType?: string;
  status?: string;
  isExternal?: boolean;
  department?: string;
  /** `YYYY-MM-DD HH:MM:SS` bounds on the last login; `never` keeps only people who never logged in. */
  lastLogin?: { before?: string; after?: string; never?: boolean };
  /** Removed on the server but kept in the mirror (default false). */
  includeRemoved?: boolean;
}

export interface SearchPeopleInput {
  query?: string;
  filters?: PeopleFilters;
  /** Default 50, at most 1,000. */
  limit?: number;
  offset?: number;
}

export interface PersonRow {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  title: string | null;
  companyId: number | null;
  organization: string | null;
  isExternal: boolean;
  accessType: string | null;
  userType: string | null;
  status: string | null;
  department: string | null;
  lastLogin: string | null;
  lastUpdated: string | null;
  removed: boolean;
}

export interface SearchPeopleResult {
  rows: PersonRow[];
  /** Matches in all (for the virtualized table's height). */
  total: number;
}

interface PersonDbRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  title: string | null;
  company_id: number | null;
  organization: string | null;
  is_external: number;
  access_type: string | null;
  user_type: string | null;
  status: string | null;
  department: string | null;
  last_login: string | null;
  last_updated: string | null;
  deleted_at: string | null;
}

const toPerson = (r: PersonDbRow): PersonRow => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  title: r.title,
  companyId: r.company_id,
  organization: r.organization,
  isExternal: r.is_external === 1,
  accessType: r.access_type,
  userType: r.user_type,
  status: r.status,
  department: r.department,
  lastLogin: r.last_login,
  lastUpdated: r.last_updated,
  removed: r.deleted_at !== null,
});

const PERSON_COLUMNS = `p.id, p.first_name, p.last_name, p.email, p.title, p.company_id, o.name AS organization, p.is_external,
  p.access_type, p.user_type, p.status, p.department, p.last_login, p.last_updated, p.deleted_at`;
const ORG_JOIN = 'LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id';

/** A term as an FTS5 string (quotes doubled), so punctuation in emails is never query syntax. */
const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterSql(instanceId: string, filters: PeopleFilters): { where: string[]; params: unknown[] } {
  const where = ['p.instance_id = ?'];
  const params: unknown[] = [instanceId];
  if (!filters.includeRemoved) where.push('p.deleted_at IS NULL');
  if (filters.roleId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM mirror_role_holdings h WHERE h.instance_id = p.instance_id AND h.role_id = ? AND h.person_id = p.id)');
    params.push(filters.roleId);
  }
  if (filters.organizationId !== undefined) {
    if (filters.includeSubOrganizations) {
      where.push(`p.company_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM mirror_organizations c JOIN sub ON c.parent_id = sub.id WHERE c.instance_id = ?) SELECT id FROM sub)`);
      params.push(filters.organizationId, instanceId);
    } else {
      where.push('p.company_id = ?');
      params.push(filters.organizationId);
    }
  }
  for (const [column, value] of [['access_type', filters.accessType], ['status', filters.status], ['department', filters.department]] as const) {
    if (value !== undefined) {
      where.push(`p.${column} = ?`);
      params.push(value);
    }
  }
  if (filters.isExternal !== undefined) {
    where.push('p.is_external = ?');
    params.push(filters.isExternal ? 1 : 0);
  }
  const login = filters.lastLogin;
  if (login?.never) where.push("(p.last_login IS NULL OR p.last_login = '')");
  if (login?.before) {
    where.push('p.last_login < ?');
    params.push(login.before);
  }
  if (login?.after) {
    where.push('p.last_login >= ?');
    params.push(login.after);
  }
  return { where, params };
}

/** Up to this many matches are ordered by name; beyond it, in id order (no sort of them all). */
export const NAME_ORDER_LIMIT = 5000;

const hasFilters = (f: PeopleFilters) =>
  f.roleId !== undefined || f.organizationId !== undefined || f.accessType !== undefined || f.status !== undefined ||
  f.isExternal !== undefined || f.department !== undefined || f.lastLogin !== undefined;

const NAME_ORDER = 'ORDER BY p.last_name, p.first_name, p.id';

/**
 * People matching the query and filters, by last and first name (a query matching more than
 * NAME_ORDER_LIMIT people comes in id order). Removed people are left out unless asked for.
 *
 * Query terms of three characters or more go to the trigram index (substring of name, email or
 * organization); shorter ones narrow those hits, or alone match the start of a first or last name
 * through the name indexes. The index holds live people only, so with `includeRemoved` a query is
 * a plain scan (slower, and rare).
 */
export function searchPeople(db: DB, instanceId: string, input: SearchPeopleInput = {}): SearchPeopleResult {
  const range = personKeyRange(db, instanceId);
  if (!range) return { rows: [], total: 0 };
  const limit = Math.min(Math.max(1, Math.floor(input.limit ?? 50)), 1000);
  const offset = Math.max(0, Math.floor(input.offset ?? 0));
  const filters = input.filters ?? {};
  const { where, params } = filterSql(instanceId, filters);
  const terms = (input.query ?? '').trim().split(/\s+/).filter((t) => t.length > 0).slice(0, 8);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const page = (sql: string, ...args: unknown[]) => (db.prepare(sql).all(...args, limit, offset) as PersonDbRow[]).map(toPerson);
  const count = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

  if (long.length === 0 && short.length > 0 && !filters.includeRemoved) {
    // Too short for trigrams: the start of a last or first name. The first term drives, through
    // one index range per name (an OR of the two LIKEs would scan every person); the others
    // filter what it found.
    const [first, ...rest] = short.map((t) => `${likeEscape(t)}%`);
    for (const prefix of rest) {
      where.push("(p.last_name LIKE ? ESCAPE '\\' OR p.first_name LIKE ? ESCAPE '\\')");
      params.push(prefix, prefix);
    }
    const matches = `(SELECT key FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL AND last_name LIKE ? ESCAPE '\\'
      UNION SELECT key FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL AND first_name LIKE ? ESCAPE '\\') m`;
    // CROSS JOIN keeps the matches as the outer loop.
    const from = `${matches} CROSS JOIN mirror_people p ON p.key = m.key ${ORG_JOIN}`;
    const args = [instanceId, first, instanceId, first, ...params];
    const cond = where.join(' AND ');
    return {
      rows: page(`SELECT ${PERSON_COLUMNS} FROM ${from} WHERE ${cond} ${NAME_ORDER} LIMIT ? OFFSET ?`, ...args),
      total: count(`SELECT count(*) FROM ${from} WHERE ${cond}`, ...args),
    };
  }

  if (terms.length > 0 && filters.includeRemoved) {
    // The search index holds live people only: a plain scan (slower, and rare).
    for (const t of terms) {
      where.push(
        [...t].length >= 3
          ? "(p.first_name || ' ' || p.last_name || ' ' || p.email || ' ' || coalesce(o.name, '') LIKE ? ESCAPE '\\')"
          : "(p.last_name LIKE ? ESCAPE '\\' OR p.first_name LIKE ? ESCAPE '\\')",
      );
      if ([...t].length >= 3) params.push(`%${likeEscape(t)}%`);
      else params.push(`${likeEscape(t)}%`, `${likeEscape(t)}%`);
    }
    const cond = where.join(' AND ');
    return {
      rows: page(`SELECT ${PERSON_COLUMNS} FROM mirror_people p ${ORG_JOIN} WHERE ${cond} ${NAME_ORDER} LIMIT ? OFFSET ?`, ...params),
      total: count(`SELECT count(*) FROM mirror_people p ${ORG_JOIN} WHERE ${cond}`, ...params),
    };
  }

  if (long.length > 0) {
    for (const t of short) {
      where.push("(p.first_name || ' ' || p.last_name || ' ' || p.email LIKE ? ESCAPE '\\')");
      params.push(`%${likeEscape(t)}%`);
    }
    const match = long.map(ftsString).join(' ');
    // The key range is the instance; the index holds live people only. Without filters the count
    // never leaves the index.
    const hits = 'mirror_people_fts MATCH ? AND f.rowid BETWEEN ? AND ?';
    const from = `mirror_people_fts f JOIN mirror_people p ON p.key = f.rowid ${ORG_JOIN}`;
    const cond = `${hits} AND ${where.join(' AND ')}`;
    const args = [match, range.base, range.last, ...params];
    const total =
      hasFilters(filters) || short.length > 0
        ? count(`SELECT count(*) FROM ${from} WHERE ${cond}`, ...args)
        : count(`SELECT count(*) FROM mirror_people_fts f WHERE ${hits}`, match, range.base, range.last);
    const order = total <= NAME_ORDER_LIMIT ? NAME_ORDER : 'ORDER BY f.rowid';
    return { rows: page(`SELECT ${PERSON_COLUMNS} FROM ${from} WHERE ${cond} ${order} LIMIT ? OFFSET ?`, ...args), total };
  }

  const cond = where.join(' AND ');
  return {
    rows: page(`SELECT ${PERSON_COLUMNS} FROM mirror_people p ${ORG_JOIN} WHERE ${cond} ${NAME_ORDER} LIMIT ? OFFSET ?`, ...params),
    total: count(`SELECT count(*) FROM mirror_people p WHERE ${cond}`, ...params),
  };
}

export interface PersonRole {
  id: number;
  name: string | null;
  privileged: boolean | null;
  utaOnly: boolean;
}

export interface PersonProgram {
  associationId: number;
  programId: number;
  programName: string | null;
  roleId: number;
  roleName: string | null;
}

export interface PersonDetail extends PersonRow {
  phone: string | null;
  accessExpiry: string | null;
  managerId: number | null;
  managerName: string | null;
  created: string | null;
  /** Every field the server sent, custom fields included. */
  raw: Record<string, string | null>;
  roles: PersonRole[];
  programs: PersonProgram[];
  /** Root first. */
  organizationPath: OrganizationRef[];
  recentLogins: LoginSessionRow[];
  accessChanges: AccessEventRow[];
}

/** Everything the person page shows. */
export function getPerson(db: DB, instanceId: string, personId: number, options: { recent?: number } = {}): PersonDetail {
  const row = db
    .prepare(
      `SELECT ${PERSON_COLUMNS}, p.phone, p.access_expiry, p.manager_id, p.created, r.raw,
         m.first_name || ' ' || m.last_name AS manager_name
       FROM mirror_people p ${ORG_JOIN}
       JOIN mirror_people_raw r ON r.key = p.key
       LEFT JOIN mirror_people m ON m.instance_id = p.instance_id AND m.id = p.manager_id
       WHERE p.instance_id = ? AND p.id = ?`,
    )
    .get(instanceId, personId) as
    | (PersonDbRow & { phone: string | null; access_expiry: string | null; manager_id: number | null; created: string | null; raw: string; manager_name: string | null })
    | undefined;
  if (!row) throw notFound('The person');
  const recent = options.recent ?? 20;
  const roles = db
    .prepare(
      `SELECT h.role_id AS id, r.name, r.privileged, r.uta_only FROM mirror_role_holdings h
       LEFT JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id
       WHERE h.instance_id = ? AND h.person_id = ? ORDER BY r.name COLLATE NOCASE`,
    )
    .all(instanceId, personId) as { id: number; name: string | null; privileged: number | null; uta_only: number | null }[];
  const programs = db
    .prepare(
      `SELECT a.association_id AS associationId, a.program_id AS programId, g.name AS programName, a.role_id AS roleId,
         coalesce(r.name, a.role_name) AS roleName
       FROM mirror_program_assignments a
       LEFT JOIN mirror_programs g ON g.instance_id = a.instance_id AND g.id = a.program_id
       LEFT JOIN mirror_roles r ON r.instance_id = a.instance_id AND r.id = a.role_id
       WHERE a.instance_id = ? AND a.person_id = ? AND a.deleted_at IS NULL ORDER BY g.name COLLATE NOCASE, a.association_id`,
    )
    .all(instanceId, personId) as PersonProgram[];
  return {
    ...toPerson(row),
    phone: row.phone,
    accessExpiry: row.access_expiry,
    managerId: row.manager_id,
    managerName: row.manager_name,
    created: row.created,
    raw: JSON.parse(row.raw) as Record<string, string | null>,
    roles: roles.map((r) => ({ id: r.id, name: r.name, privileged: r.privileged === null ? null : r.privileged === 1, utaOnly: r.uta_only === 1 })),
    programs,
    organizationPath: row.company_id === null ? [] : getOrganizationPath(db, instanceId, row.company_id),
    recentLogins: listLoginSessions(db, instanceId, { personId, limit: recent }),
    accessChanges: listAccessEvents(db, instanceId, { personId, limit: recent }),
  };
}
