/**
 * The People list beyond its default order: a search sorted by any column, every id a search
 * matches (a bulk action on "all N matching"), and every row of it (the CSV export).
 *
 * The set of people matched is exactly the one `searchPeople` pages through (same terms, same
 * filters, same index), written here once as a FROM and a WHERE; only the order differs. Every
 * order ends with the record key (in the sort's direction), so equal values keep one stable order
 * across pages.
 *
 * The default order (last, first name) stays with `searchPeople`, whose strategies answer it from
 * the name indexes without sorting.
 */
import type { DB } from '../db/open';
import { personKeyRange } from '../db/mirror-keys';
import type { PeopleSort, PersonRow, SearchPeopleResult } from '../../src-preload/contract';
import {
  ESC,
  ORG_JOIN,
  PERSON_COLUMNS,
  filterSql,
  ftsString,
  likeEscape,
  stmt,
  toPerson,
  type PeopleFilters,
  type PersonDbRow,
} from './people-search-store';

export interface PeopleListSearch {
  query?: string | undefined;
  filters?: PeopleFilters | undefined;
}

/** Empty text and null sort after every value, whichever way the column is sorted. */
const last = (expr: string) => `(${expr} IS NULL OR ${expr} = '')`;

/** The ORDER BY terms of a column, before the direction is applied to the value terms. */
const ORDER: Record<PeopleSort['by'], { blanksLast?: string; values: string[] }> = {
  name: { values: ['p.last_name', 'p.first_name'] },
  email: { blanksLast: 'p.email', values: ['p.email'] },
  organization: { blanksLast: 'o.name', values: ['o.name COLLATE NOCASE'] },
  department: { blanksLast: 'p.department', values: ['p.department COLLATE NOCASE'] },
  // By the words the list shows (API, No access, User), then the admin level.
  access: {
    values: [
      "CASE p.access_type WHEN '5' THEN 'API' WHEN '0' THEN 'No access' WHEN '1' THEN 'User' ELSE 'Unknown' END",
      "CASE p.user_type WHEN '40' THEN 3 WHEN '30' THEN 2 ELSE 1 END",
    ],
  },
  status: { blanksLast: 'p.status', values: ['p.status COLLATE NOCASE'] },
  kind: { values: ['p.is_external'] },
  lastLogin: { blanksLast: 'p.last_login', values: ['p.last_login'] },
  title: { blanksLast: 'p.title', values: ['p.title COLLATE NOCASE'] },
  id: { values: ['p.id'] },
  lastUpdated: { blanksLast: 'p.last_updated', values: ['p.last_updated'] },
};

export function orderBy(sort: PeopleSort): string {
  const spec = ORDER[sort.by];
  const dir = sort.dir === 'desc' ? ' DESC' : '';
  const terms = [...(spec.blanksLast ? [last(spec.blanksLast)] : []), ...spec.values.map((v) => `${v}${dir}`)];
  // Ties follow the direction too: by name, Z to A is then the name index read backwards.
  return `ORDER BY ${terms.join(', ')}, p.key${dir}`;
}

/** The words of a query, as `searchPeople` splits them (at most eight). */
const termsOf = (query: string | undefined) =>
  (query ?? '')
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);

interface MatchSql {
  from: string;
  where: string[];
  args: unknown[];
  /** The FROM joins the organization (`o`): its name is matched, or sorted by. */
  withOrganization: boolean;
}

/**
 * FROM and WHERE of everyone a search matches, as `searchPeople` decides: words of three or more
 * characters through the trigram index (shorter ones then as substrings of name or e-mail); short
 * words alone as the start of a first or last name; with removed people, a scan.
 */
function matchSql(
  db: DB,
  instanceId: string,
  search: PeopleListSearch,
  sort?: PeopleSort,
  purpose: 'rows' | 'count' = 'rows',
): MatchSql | null {
  const range = personKeyRange(db, instanceId);
  if (!range) return null;
  const filters = search.filters ?? {};
  const { where, params } = filterSql(instanceId, filters);
  const terms = termsOf(search.query);
  const long = terms.filter((t) => [...t].length >= 3);
  // The organization is joined only where it is needed: a join per row costs as much as the rest.
  const scan = terms.length > 0 && !!filters.includeRemoved;
  const withOrganization = scan || sort?.by === 'organization';
  const org = withOrganization ? ` ${ORG_JOIN}` : '';
  const plain = `mirror_people p${org}`;
  const prefix = (t: string) => {
    where.push(`(p.last_name LIKE ? ${ESC} OR p.first_name LIKE ? ${ESC})`);
    params.push(`${likeEscape(t)}%`, `${likeEscape(t)}%`);
  };
  if (scan) {
    for (const t of terms) {
      if ([...t].length < 3) prefix(t);
      else {
        where.push(
          `(p.first_name || ' ' || p.last_name || ' ' || p.email || ' ' || coalesce(o.name, '') LIKE ? ${ESC})`,
        );
        params.push(`%${likeEscape(t)}%`);
      }
    }
    return { from: plain, where, args: params, withOrganization };
  }
  // A count of live people is answered by a name index alone: only rows go through the key range.
  if (purpose === 'rows' && terms.length === 0 && filters.organizationId === undefined && sort?.by !== 'name')
    return wholeInstance(range, where, params, plain);
  if (long.length === 0) {
    for (const t of terms) prefix(t);
    return { from: plain, where, args: params, withOrganization };
  }
  for (const t of terms.filter((x) => [...x].length < 3)) {
    where.push(`(p.first_name || ' ' || p.last_name || ' ' || p.email LIKE ? ${ESC})`);
    params.push(`%${likeEscape(t)}%`);
  }
  return {
    from: `mirror_people_fts f JOIN mirror_people p ON p.key = f.rowid${org}`,
    where: ['mirror_people_fts MATCH ? AND f.rowid BETWEEN ? AND ?', ...where],
    args: [long.map(ftsString).join(' '), range.base, range.last, ...params],
    withOrganization,
  };
}

/**
 * No words and no organization: the instance's rows in key order (one range of the table, read in
 * sequence), not through the instance column's index, whose order sends the sort to every page of
 * the table at random (ten times slower over 100,000 people: bench/people-list.ts).
 */
function wholeInstance(
  range: { base: number; last: number },
  where: string[],
  params: unknown[],
  from: string,
): MatchSql {
  const [instance, ...rest] = where;
  if (instance !== 'p.instance_id = ?') throw new Error('filterSql must start with the instance');
  return {
    from,
    where: ['p.key BETWEEN ? AND ?', '+p.instance_id = ?', ...rest],
    args: [range.base, range.last, ...params],
    withOrganization: from.includes(ORG_JOIN),
  };
}

function countMatches(db: DB, m: MatchSql): number {
  return stmt(db, `SELECT count(*) FROM ${m.from} WHERE ${m.where.join(' AND ')}`)
    .pluck()
    .get(...m.args) as number;
}

/** One page of a search in the order asked for. */
export function searchPeopleSorted(
  db: DB,
  instanceId: string,
  search: PeopleListSearch & { sort: PeopleSort; limit?: number | undefined; offset?: number | undefined },
): SearchPeopleResult {
  const m = matchSql(db, instanceId, search, search.sort);
  if (!m) return { rows: [], total: 0 };
  const limit = Math.min(Math.max(1, Math.floor(search.limit ?? 50)), 1000);
  const offset = Math.max(0, Math.floor(search.offset ?? 0));
  // The page's keys first (the sort holds the sorted value and the key, not whole rows), then the
  // details of those rows alone, in the same order.
  const order = orderBy(search.sort);
  const keys = `SELECT p.key FROM ${m.from} WHERE ${m.where.join(' AND ')} ${order} LIMIT ? OFFSET ?`;
  const sql = `SELECT ${PERSON_COLUMNS} FROM (${keys}) k CROSS JOIN mirror_people p ON p.key = k.key ${ORG_JOIN} ${order}`;
  const rows = (stmt(db, sql).all(...m.args, limit, offset) as PersonDbRow[]).map(toPerson);
  // Counted without the organization's join (unless its name is matched).
  return { rows, total: countMatches(db, matchSql(db, instanceId, search, undefined, 'count') ?? m) };
}

/** Every row of a search, in the order asked for (the export: no page limit). */
export function allPeopleSorted(db: DB, instanceId: string, search: PeopleListSearch, sort: PeopleSort): PersonRow[] {
  const m = matchSql(db, instanceId, search, sort);
  if (!m) return [];
  const from = m.withOrganization ? m.from : `${m.from} ${ORG_JOIN}`;
  const sql = `SELECT ${PERSON_COLUMNS} FROM ${from} WHERE ${m.where.join(' AND ')} ${orderBy(sort)}`;
  return (stmt(db, sql).all(...m.args) as PersonDbRow[]).map(toPerson);
}

/** Ids of everyone a search matches, ascending, and how many in all (no ids beyond `max`). */
export function matchingPeopleIds(
  db: DB,
  instanceId: string,
  search: PeopleListSearch,
  max: number,
): { ids: number[]; total: number } {
  const m = matchSql(db, instanceId, search);
  const counted = matchSql(db, instanceId, search, undefined, 'count');
  if (!m || !counted) return { ids: [], total: 0 };
  const total = countMatches(db, counted);
  if (total > max) return { ids: [], total };
  const ids = stmt(db, `SELECT p.id FROM ${m.from} WHERE ${m.where.join(' AND ')} ORDER BY p.id`)
    .pluck()
    .all(...m.args) as number[];
  return { ids, total };
}
