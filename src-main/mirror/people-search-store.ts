/**
 * People search for the People table: a query (name, email, organization) with filters, a page
 * and the total, fast enough to run on every keystroke over 100,000 people.
 *
 * - Terms of three characters or more go to the trigram index (substring of name, email or
 *   organization), scoped to the instance by its key range; the count never leaves the index.
 * - One shorter term, no filters: the start of a last name, then of a first name, each one range
 *   of a name index, counted and paged inside the indexes (no person row is read but the page's).
 * - Several short terms, or short terms with filters: the union of the two ranges, joined.
 * - The index holds live people only: with `includeRemoved` a query is a plain scan (rare).
 */
import type Database from 'better-sqlite3';
import type { DB } from '../db/open';
import { personKeyRange } from '../db/mirror-keys';
import type { PersonRow, SearchPeopleResult } from '../../src-preload/contract';

export type { PersonRow, SearchPeopleResult };

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

/**
 * The one people filter every capability selects with (browse, plans, and what comes after): the
 * People screen's filters plus the criteria bulk builders need.
 */
export interface PeopleSelectionFilter extends PeopleFilters {
  /** People not holding this profile role. */
  lacksRoleId?: number;
  /** Only people who can still sign in (access type not "No access", status Active). */
  activeOnly?: boolean;
  /** Last login before this wire time, or never. */
  lastLoginBeforeOrNever?: string;
  /** Compare the department without regard to case. */
  departmentAnyCase?: boolean;
}

export interface SearchPeopleInput {
  query?: string;
  filters?: PeopleFilters;
  /** Default 50, at most 1,000. */
  limit?: number;
  offset?: number;
}

export interface PersonDbRow {
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

export const toPerson = (r: PersonDbRow): PersonRow => ({
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

export const PERSON_COLUMNS = `p.id, p.first_name, p.last_name, p.email, p.title, p.company_id, o.name AS organization, p.is_external,
  p.access_type, p.user_type, p.status, p.department, p.last_login, p.last_updated, p.deleted_at`;
export const ORG_JOIN = 'LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id';

/** A term as an FTS5 string (quotes doubled), so punctuation in emails is never query syntax. */
export const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const HOLDS_ROLE =
  'EXISTS (SELECT 1 FROM mirror_role_holdings h WHERE h.instance_id = p.instance_id AND h.role_id = ? AND h.person_id = p.id)';

function organizationSql(filters: PeopleSelectionFilter, instanceId: string, where: string[], params: unknown[]) {
  if (filters.organizationId === undefined) return;
  if (filters.includeSubOrganizations) {
    const live = filters.includeRemoved ? '' : ' AND c.deleted_at IS NULL';
    where.push(
      `p.company_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM mirror_organizations c JOIN sub ON c.parent_id = sub.id WHERE c.instance_id = ?${live}) SELECT id FROM sub)`,
    );
    params.push(filters.organizationId, instanceId);
  } else {
    where.push('p.company_id = ?');
    params.push(filters.organizationId);
  }
}

function loginSql(filters: PeopleSelectionFilter, where: string[], params: unknown[]) {
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
  if (filters.lastLoginBeforeOrNever !== undefined) {
    where.push("(p.last_login IS NULL OR p.last_login = '' OR p.last_login < ?)");
    params.push(filters.lastLoginBeforeOrNever);
  }
}

/** The WHERE clause of the one people filter (parameterized; `p` is mirror_people). */
export function filterSql(instanceId: string, filters: PeopleSelectionFilter): { where: string[]; params: unknown[] } {
  const where = ['p.instance_id = ?'];
  const params: unknown[] = [instanceId];
  if (!filters.includeRemoved) where.push('p.deleted_at IS NULL');
  if (filters.roleId !== undefined) {
    where.push(HOLDS_ROLE);
    params.push(filters.roleId);
  }
  if (filters.lacksRoleId !== undefined) {
    where.push(`NOT ${HOLDS_ROLE}`);
    params.push(filters.lacksRoleId);
  }
  organizationSql(filters, instanceId, where, params);
  for (const [column, value] of [
    ['access_type', filters.accessType],
    ['status', filters.status],
  ] as const) {
    if (value !== undefined) {
      where.push(`p.${column} = ?`);
      params.push(value);
    }
  }
  if (filters.department !== undefined) {
    where.push(filters.departmentAnyCase ? 'lower(p.department) = lower(?)' : 'p.department = ?');
    params.push(filters.department);
  }
  if (filters.isExternal !== undefined) {
    where.push('p.is_external = ?');
    params.push(filters.isExternal ? 1 : 0);
  }
  loginSql(filters, where, params);
  if (filters.activeOnly) where.push("p.access_type IS NOT NULL AND p.access_type <> '0' AND p.status = 'Active'");
  return { where, params };
}

/** Ids of the people the filter selects, ascending, and how many it selects in all (at most `max` ids). */
export function selectPeopleIds(
  db: DB,
  instanceId: string,
  filters: PeopleSelectionFilter,
  max = Number.MAX_SAFE_INTEGER,
): { ids: number[]; total: number } {
  const { where, params } = filterSql(instanceId, filters);
  const cond = where.join(' AND ');
  const total = stmt(db, `SELECT count(*) FROM mirror_people p WHERE ${cond}`)
    .pluck()
    .get(...params) as number;
  if (total > max) return { ids: [], total };
  const ids = stmt(db, `SELECT p.id FROM mirror_people p WHERE ${cond} ORDER BY p.id`)
    .pluck()
    .all(...params) as number[];
  return { ids, total };
}

/** Up to this many matches are ordered by name; beyond it, in id order (no sort of them all). */
export const NAME_ORDER_LIMIT = 2000;

const hasFilters = (f: PeopleFilters) =>
  f.roleId !== undefined ||
  f.organizationId !== undefined ||
  f.accessType !== undefined ||
  f.status !== undefined ||
  f.isExternal !== undefined ||
  f.department !== undefined ||
  f.lastLogin !== undefined;

/** The key breaks ties: within an instance it is the id order, and the name indexes end with it. */
const NAME_ORDER = 'ORDER BY p.last_name, p.first_name, p.key';
export const ESC = "ESCAPE '\\'";

/** Prepared once per database and text: a keystroke should not pay for parsing SQL. */
const statements = new WeakMap<DB, Map<string, Database.Statement>>();
export function stmt(db: DB, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    if (cache.size > 200) cache.clear();
    cache.set(sql, s);
  }
  return s;
}

interface Query {
  db: DB;
  instanceId: string;
  limit: number;
  offset: number;
  where: string[];
  params: unknown[];
}

const pageOf = (q: Query, sql: string, args: unknown[], limit = q.limit, offset = q.offset) =>
  (stmt(q.db, sql).all(...args, limit, offset) as PersonDbRow[]).map(toPerson);
const countOf = (q: Query, sql: string, args: unknown[]) =>
  stmt(q.db, sql)
    .pluck()
    .get(...args) as number;

/**
 * People matching the query and filters, by last and first name (a query matching more than
 * NAME_ORDER_LIMIT people comes in id order; a 1-2 letter query lists last-name matches, then
 * first-name matches). Removed people are left out unless asked for.
 */
export function searchPeople(db: DB, instanceId: string, input: SearchPeopleInput = {}): SearchPeopleResult {
  const range = personKeyRange(db, instanceId);
  if (!range) return { rows: [], total: 0 };
  const filters = input.filters ?? {};
  const { where, params } = filterSql(instanceId, filters);
  const q: Query = {
    db,
    instanceId,
    limit: Math.min(Math.max(1, Math.floor(input.limit ?? 50)), 1000),
    offset: Math.max(0, Math.floor(input.offset ?? 0)),
    where,
    params,
  };
  const terms = (input.query ?? '')
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  if (terms.length > 0 && filters.includeRemoved) return scanSearch(q, terms);
  if (long.length > 0) return trigramSearch(q, range, long, short, hasFilters(filters));
  if (short.length === 1 && !hasFilters(filters)) return namePrefixSearch(q, `${likeEscape(short[0] as string)}%`);
  if (short.length > 0)
    return unionPrefixSearch(
      q,
      short.map((t) => `${likeEscape(t)}%`),
    );
  const cond = where.join(' AND ');
  return {
    rows: pageOf(
      q,
      `SELECT ${PERSON_COLUMNS} FROM mirror_people p ${ORG_JOIN} WHERE ${cond} ${NAME_ORDER} LIMIT ? OFFSET ?`,
      params,
    ),
    total: countOf(q, `SELECT count(*) FROM mirror_people p WHERE ${cond}`, params),
  };
}

function trigramSearch(
  q: Query,
  range: { base: number; last: number },
  long: string[],
  short: string[],
  filtered: boolean,
): SearchPeopleResult {
  for (const t of short) {
    q.where.push(`(p.first_name || ' ' || p.last_name || ' ' || p.email LIKE ? ${ESC})`);
    q.params.push(`%${likeEscape(t)}%`);
  }
  const match = long.map(ftsString).join(' ');
  const hits = 'mirror_people_fts MATCH ? AND f.rowid BETWEEN ? AND ?';
  const cond = `${hits} AND ${q.where.join(' AND ')}`;
  const args = [match, range.base, range.last, ...q.params];
  const total =
    filtered || short.length > 0
      ? countOf(
          q,
          `SELECT count(*) FROM mirror_people_fts f JOIN mirror_people p ON p.key = f.rowid WHERE ${cond}`,
          args,
        )
      : countOf(q, `SELECT count(*) FROM mirror_people_fts f WHERE ${hits}`, [match, range.base, range.last]);
  const byName = total <= NAME_ORDER_LIMIT;
  // The page's keys first (sorting narrow rows, or in the index's own order), then the details of
  // those 50 alone.
  const keys = `SELECT p.key FROM mirror_people_fts f JOIN mirror_people p ON p.key = f.rowid WHERE ${cond} ${byName ? NAME_ORDER : 'ORDER BY f.rowid'} LIMIT ? OFFSET ?`;
  const sql = `SELECT ${PERSON_COLUMNS} FROM (${keys}) k CROSS JOIN mirror_people p ON p.key = k.key ${ORG_JOIN} ${byName ? NAME_ORDER : 'ORDER BY p.key'}`;
  const rows = (stmt(q.db, sql).all(...args, q.limit, q.offset) as PersonDbRow[]).map(toPerson);
  return { rows, total };
}

/**
 * One short term, no filters: last names starting with it (in name order), then first names
 * starting with it whose last name does not (in first-name order). Both lists and both counts are
 * ranges of an index that covers them.
 */
function namePrefixSearch(q: Query, prefix: string): SearchPeopleResult {
  const live = 'p.instance_id = ? AND p.deleted_at IS NULL';
  const byLast = `${live} AND p.last_name LIKE ? ${ESC}`;
  const byFirst = `${live} AND p.first_name LIKE ? ${ESC} AND NOT (p.last_name LIKE ? ${ESC})`;
  const lastArgs = [q.instanceId, prefix];
  const firstArgs = [q.instanceId, prefix, prefix];
  const lastCount = countOf(q, `SELECT count(*) FROM mirror_people p WHERE ${byLast}`, lastArgs);
  const firstCount = countOf(q, `SELECT count(*) FROM mirror_people p WHERE ${byFirst}`, firstArgs);
  const rows: PersonRow[] = [];
  if (q.offset < lastCount) {
    rows.push(
      ...pageOf(
        q,
        `SELECT ${PERSON_COLUMNS} FROM mirror_people p ${ORG_JOIN} WHERE ${byLast} ${NAME_ORDER} LIMIT ? OFFSET ?`,
        lastArgs,
      ),
    );
  }
  if (rows.length < q.limit && q.offset + rows.length >= lastCount) {
    const sql = `SELECT ${PERSON_COLUMNS} FROM mirror_people p ${ORG_JOIN} WHERE ${byFirst} ORDER BY p.first_name, p.last_name, p.key LIMIT ? OFFSET ?`;
    rows.push(...pageOf(q, sql, firstArgs, q.limit - rows.length, Math.max(0, q.offset - lastCount)));
  }
  return { rows, total: lastCount + firstCount };
}

/** Short terms with filters, or several: the first drives through both name ranges, the rest filter. */
function unionPrefixSearch(q: Query, prefixes: string[]): SearchPeopleResult {
  const [first, ...rest] = prefixes;
  for (const prefix of rest) {
    q.where.push(`(p.last_name LIKE ? ${ESC} OR p.first_name LIKE ? ${ESC})`);
    q.params.push(prefix, prefix);
  }
  const matches = `(SELECT key FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL AND last_name LIKE ? ${ESC}
    UNION SELECT key FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL AND first_name LIKE ? ${ESC}) m`;
  // CROSS JOIN keeps the matches as the outer loop.
  const from = `${matches} CROSS JOIN mirror_people p ON p.key = m.key`;
  const args = [q.instanceId, first, q.instanceId, first, ...q.params];
  const cond = q.where.join(' AND ');
  return {
    rows: pageOf(
      q,
      `SELECT ${PERSON_COLUMNS} FROM ${from} ${ORG_JOIN} WHERE ${cond} ${NAME_ORDER} LIMIT ? OFFSET ?`,
      args,
    ),
    total: countOf(q, `SELECT count(*) FROM ${from} WHERE ${cond}`, args),
  };
}

/** Removed people are not in the search index: every term is a LIKE over the rows. */
function scanSearch(q: Query, terms: string[]): SearchPeopleResult {
  for (const t of terms) {
    if ([...t].length >= 3) {
      q.where.push(
        `(p.first_name || ' ' || p.last_name || ' ' || p.email || ' ' || coalesce(o.name, '') LIKE ? ${ESC})`,
      );
      q.params.push(`%${likeEscape(t)}%`);
    } else {
      q.where.push(`(p.last_name LIKE ? ${ESC} OR p.first_name LIKE ? ${ESC})`);
      q.params.push(`${likeEscape(t)}%`, `${likeEscape(t)}%`);
    }
  }
  const cond = q.where.join(' AND ');
  return {
    rows: pageOf(
      q,
      `SELECT ${PERSON_COLUMNS} FROM mirror_people p ${ORG_JOIN} WHERE ${cond} ${NAME_ORDER} LIMIT ? OFFSET ?`,
      q.params,
    ),
    total: countOf(q, `SELECT count(*) FROM mirror_people p ${ORG_JOIN} WHERE ${cond}`, q.params),
  };
}
