/**
 * AskQuery -> parameterized SQL over the read-only views of one instance's mirror (views.ts).
 * Every value is a parameter; names, columns and operators come from fixed tables here and in
 * compile-conditions.ts, never from the question. `inlineSql` gives the same statement with the
 * values written in, for the administrator to read and edit (edited SQL goes through the guard).
 */
import type { AskActivity, AskGroup, AskOutput, AskPersonFilter, AskQuery } from '../../src-preload/contract/ask';
import { defaultActivity, isPlainExistence } from './activity';
import { activityRowConditions, activitySource, peopleWhere, personCondition, type Params } from './compile-conditions';

export interface CompiledQuery {
  sql: string;
  params: (string | number)[];
  kind: 'people' | 'table';
  chart: boolean;
}

const WEEKDAY_NAMES = `CASE %s WHEN 0 THEN 'Sunday' WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' ELSE 'Saturday' END`;

/** The activity the rows of `of` are read with: the query's own, or its time with no other condition. */
function rowsActivity(q: AskQuery, of: 'sessions' | 'changes'): AskActivity {
  const a = q.activity;
  if (a && (a.source === 'sessions') === (of === 'sessions')) return a;
  return { ...defaultActivity(of), window: a?.window ?? null, hours: a?.hours ?? null, weekdays: a?.weekdays ?? null };
}

/** The rows of sessions or changes of the people who match, with the person as `p` (and `other` on changes). */
function eventRows(q: AskQuery, of: 'sessions' | 'changes', params: Params, today: string) {
  const a = rowsActivity(q, of);
  const where = q.people.map((f) => personCondition(f, 'p', params, today));
  if (of === 'sessions') {
    where.push(...activityRowConditions(a, params));
    return { a, from: 'sessions s JOIN people p ON p.key = s.person_key', where, made: false };
  }
  const made = a.source === 'changesMade';
  const actor = made ? 'p' : 'other';
  where.push(...q.actor.map((f) => personCondition(f, actor, params, today)), ...activityRowConditions(a, params));
  const from = made
    ? 'changes c JOIN people p ON p.id = c.changed_by LEFT JOIN people other ON other.key = c.person_key'
    : 'changes c JOIN people p ON p.key = c.person_key LEFT JOIN people other ON other.id = c.changed_by';
  return { a, from, where, made };
}

const and = (where: string[]) => (where.length ? where.join(' AND ') : '1 = 1');

/** Columns shown beside the name in a list of people: those the question's filters speak of. */
const LIST_EXTRA: Partial<Record<AskPersonFilter['kind'], string>> = {
  department: 'p.department',
  title: 'p.title',
  status: 'p.status',
  expiry: 'p.access_expiry',
  lastLogin: 'p.last_login',
  created: 'p.created',
  accessType: 'p.access_type',
  userType: 'p.user_type',
};

function compileList(q: AskQuery, today: string): CompiledQuery {
  const params: Params = [];
  const where = peopleWhere(q, params, today);
  const extra = [...new Set(q.people.flatMap((f) => LIST_EXTRA[f.kind] ?? []))];
  return {
    sql: `SELECT ${['p.id', 'p.name', 'p.email', 'p.organization', ...extra].join(', ')} FROM people p WHERE ${where} ORDER BY p.last_name, p.first_name, p.id`,
    params,
    kind: 'people',
    chart: false,
  };
}

const PERSON_GROUPS: Partial<Record<AskGroup, string>> = {
  department: 'p.department',
  organization: 'p.organization',
  title: 'p.title',
  status: 'p.status',
  accessType: 'p.access_type',
  userType: 'p.user_type',
  external: "CASE p.is_external WHEN 1 THEN 'external' ELSE 'internal' END",
  role: 'r.name',
  program: 'g.name',
};
const GROUP_JOINS: Partial<Record<AskGroup, string>> = {
  role: ' JOIN role_holdings h ON h.person_id = p.id JOIN roles r ON r.id = h.role_id',
  program: ' JOIN assignments a ON a.person_id = p.id JOIN programs g ON g.id = a.program_id',
};
const LABELS: Partial<Record<AskGroup, string>> = { accessType: 'access_type', userType: 'user_type' };

function timeKey(by: AskGroup, at: string): string {
  if (by === 'hour') return `CAST(strftime('%H', ${at}) AS INTEGER)`;
  if (by === 'weekday') return `CAST(strftime('%w', ${at}) AS INTEGER)`;
  if (by === 'day') return `substr(${at}, 1, 10)`;
  if (by === 'month') return `substr(${at}, 1, 7)`;
  return 'c.action';
}

function compileGroup(q: AskQuery, out: Extract<AskOutput, { kind: 'group' }>, today: string): CompiledQuery {
  const params: Params = [];
  const { by, limit, order, measure } = out;
  const label = LABELS[by] ?? by;
  const dir = order === 'fewest' ? 'ASC' : 'DESC';
  const column = PERSON_GROUPS[by];
  const join = GROUP_JOINS[by] ?? '';
  let from: string;
  let where: string;
  let key: string;
  if (column && measure === 'people') {
    from = `people p${join}`;
    where = peopleWhere(q, params, today);
    key = column;
  } else {
    const of = by === 'action' || measure === 'changes' ? 'changes' : 'sessions';
    const rows = eventRows(q, of, params, today);
    from = `${rows.from}${join}`;
    where = and(rows.where);
    key = column ?? timeKey(by, activitySource(rows.a, 'p').at);
  }
  const value = measure === 'people' ? 'count(DISTINCT p.id)' : 'count(*)';
  const timeOrder = !column && by !== 'action' && !limit;
  const sort = timeOrder ? '1' : `2 ${dir}, 1`;
  if (limit) where += ` AND ${key} IS NOT NULL`;
  const shown = by === 'weekday' ? WEEKDAY_NAMES.replace('%s', key) : column ? `coalesce(${key}, '(none)')` : key;
  const sql = `SELECT ${shown} AS ${label}, ${value} AS ${measure} FROM ${from} WHERE ${where} GROUP BY ${by === 'weekday' ? key : '1'} ORDER BY ${by === 'weekday' && timeOrder ? key : sort}${limit ? ` LIMIT ${limit}` : ''}`;
  return { sql, params, kind: 'table', chart: true };
}

type TopMeasure = Extract<AskOutput, { kind: 'top' }>['measure'];
const TOP_NAMES: Record<TopMeasure, string> = {
  sessions: 'sessions',
  changes: 'changes',
  changesMade: 'changes_made',
  roles: 'roles',
  distinctIp: 'ip_addresses',
};

function compileTop(q: AskQuery, n: number, measure: TopMeasure, today: string): CompiledQuery {
  const params: Params = [];
  const name = TOP_NAMES[measure];
  let value = '(SELECT count(*) FROM role_holdings h WHERE h.person_id = p.id)';
  let rest = q;
  if (measure !== 'roles') {
    const source: AskActivity['source'] =
      measure === 'changes' ? 'changes' : measure === 'changesMade' ? 'changesMade' : 'sessions';
    const a =
      q.activity?.source === source ? q.activity : { ...defaultActivity(source), window: q.activity?.window ?? null };
    const src = activitySource(a, 'p');
    const rows = [src.link, ...activityRowConditions(a, params)];
    value = `(SELECT ${measure === 'distinctIp' ? 'count(DISTINCT s.ip)' : 'count(*)'} FROM ${src.table} ${src.alias} WHERE ${rows.join(' AND ')})`;
    // The activity is what is counted: it is not also a condition (unless it asks for a count of its own).
    if (q.activity && (q.activity === a || q.activity.source === 'sessions') && isPlainExistence(q.activity))
      rest = { ...q, activity: null };
  }
  const where = peopleWhere(rest, params, today);
  return {
    sql: `SELECT p.id, p.name, ${value} AS ${name} FROM people p WHERE ${where} AND ${name} > 0 ORDER BY ${name} DESC, p.id LIMIT ${n}`,
    params,
    kind: 'people',
    chart: true,
  };
}

function compileRows(q: AskQuery, of: 'sessions' | 'changes', today: string): CompiledQuery {
  const params: Params = [];
  const rows = eventRows(q, of, params, today);
  if (of === 'sessions')
    return {
      sql: `SELECT s.started_at, p.name AS person, s.ip, s.user_agent, s.ended_at, p.id AS person_id FROM ${rows.from} WHERE ${and(rows.where)} ORDER BY s.started_at DESC, s.session_id DESC`,
      params,
      kind: 'table',
      chart: false,
    };
  const [actor, target] = rows.made ? ['p', 'other'] : ['other', 'p'];
  return {
    sql: `SELECT c.at, ${actor}.name AS changed_by, ${target}.name AS person, c.action, coalesce(c.role_name, c.detail) AS detail FROM ${rows.from} WHERE ${and(rows.where)} ORDER BY c.at DESC, c.event_id DESC`,
    params,
    kind: 'table',
    chart: false,
  };
}

function compileEventCount(q: AskQuery, of: 'sessions' | 'changes', today: string): CompiledQuery {
  const params: Params = [];
  const rows = eventRows(q, of, params, today);
  return {
    sql: `SELECT count(*) AS ${of} FROM ${rows.from} WHERE ${and(rows.where)}`,
    params,
    kind: 'table',
    chart: false,
  };
}

export function compileQuery(q: AskQuery, now: number): CompiledQuery {
  const today = new Date(now).toISOString().slice(0, 10);
  const out = q.output;
  switch (out.kind) {
    case 'count': {
      const params: Params = [];
      const where = peopleWhere(q, params, today);
      return { sql: `SELECT count(*) AS people FROM people p WHERE ${where}`, params, kind: 'table', chart: false };
    }
    case 'eventCount':
      return compileEventCount(q, out.of, today);
    case 'group':
      return compileGroup(q, out, today);
    case 'top':
      return compileTop(q, out.n, out.measure, today);
    case 'changes':
      return compileRows(q, 'changes', today);
    case 'sessions':
      return compileRows(q, 'sessions', today);
    case 'list':
      return compileList(q, today);
  }
}

/** The statement with its values written in as SQL literals (for reading and editing). */
export function inlineSql(sql: string, params: readonly (string | number)[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const v = params[i++];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}
