/**
 * AskQuery -> parameterized SQL over the read-only views of one instance's mirror (views.ts).
 * Every value is a parameter; names, columns and operators come from fixed tables here, never
 * from the question. `inlineSql` gives the same statement with the values written in, for the
 * administrator to read and edit (edited SQL goes through the guard like any other).
 */
import type {
  AskActivity,
  AskCompare,
  AskGroup,
  AskPersonFilter,
  AskQuery,
  AskWindow,
} from '../../src-preload/contract/ask';

export interface CompiledQuery {
  sql: string;
  params: (string | number)[];
  kind: 'people' | 'table';
  chart: boolean;
}

type Params = (string | number)[];
const OPS: Record<AskCompare, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '=': '=' };
const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function windowSql(column: string, w: AskWindow | null, params: Params): string[] {
  const out: string[] = [];
  if (w?.from) {
    out.push(`${column} >= ?`);
    params.push(w.from);
  }
  if (w?.to) {
    out.push(`${column} < ?`);
    params.push(w.to);
  }
  return out;
}

function personCondition(f: AskPersonFilter, p: string, params: Params, today: string): string {
  switch (f.kind) {
    case 'role': {
      const one = (name: string) => {
        params.push(name);
        return `EXISTS (SELECT 1 FROM role_holdings h JOIN roles r ON r.id = h.role_id WHERE h.person_id = ${p}.id AND r.name = ? COLLATE NOCASE)`;
      };
      if (f.mode === 'all') return f.roles.map(one).join(' AND ');
      params.push(...f.roles);
      const exists = `EXISTS (SELECT 1 FROM role_holdings h JOIN roles r ON r.id = h.role_id WHERE h.person_id = ${p}.id AND r.name COLLATE NOCASE IN (${list(f.roles)}))`;
      return f.mode === 'none' ? `NOT ${exists}` : exists;
    }
    case 'roleCount':
      params.push(f.n);
      return `(SELECT count(*) FROM role_holdings h WHERE h.person_id = ${p}.id) ${OPS[f.op]} ?`;
    case 'privileged':
      return `${f.value ? '' : 'NOT '}EXISTS (SELECT 1 FROM role_holdings h JOIN roles r ON r.id = h.role_id WHERE h.person_id = ${p}.id AND r.privileged = 1)`;
    case 'department':
    case 'title':
    case 'status': {
      params.push(...f.values);
      const col = `${p}.${f.kind}`;
      return f.negate
        ? `coalesce(${col}, '') COLLATE NOCASE NOT IN (${list(f.values)})`
        : `${col} COLLATE NOCASE IN (${list(f.values)})`;
    }
    case 'organization':
      params.push(...f.values);
      return `${f.negate ? 'coalesce(' + p + ".organization, '')" : p + '.organization'} COLLATE NOCASE ${f.negate ? 'NOT ' : ''}IN (${list(f.values)})`;
    case 'program': {
      const parts = [`a.person_id = ${p}.id`];
      if (f.program) {
        parts.push('g.name = ? COLLATE NOCASE');
        params.push(f.program);
      }
      if (f.role) {
        parts.push('a.role_name = ? COLLATE NOCASE');
        params.push(f.role);
      }
      return `${f.negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM assignments a JOIN programs g ON g.id = a.program_id WHERE ${parts.join(' AND ')})`;
    }
    case 'external':
      params.push(f.value ? 1 : 0);
      return `${p}.is_external = ?`;
    case 'accessType':
    case 'userType':
      params.push(...f.values);
      return `${p}.${f.kind === 'accessType' ? 'access_type' : 'user_type'} IN (${list(f.values)})`;
    case 'expiry':
      return expiryCondition(f, p, params, today);
    case 'lastLogin':
      if (f.state === 'never') return `${p}.last_login IS NULL`;
      if (f.state === 'notWindow') {
        params.push(f.window?.from ?? '0000-00-00 00:00:00');
        return `(${p}.last_login IS NULL OR ${p}.last_login < ?)`;
      }
      return windowSql(`${p}.last_login`, f.window, params).join(' AND ') || '1 = 1';
    case 'created':
      return windowSql(`${p}.created`, f.window, params).join(' AND ') || '1 = 1';
    case 'name':
      params.push(f.text);
      return `${p}.name = ? COLLATE NOCASE`;
  }
}

function expiryCondition(f: Extract<AskPersonFilter, { kind: 'expiry' }>, p: string, params: Params, today: string) {
  const col = `${p}.access_expiry`;
  switch (f.state) {
    case 'expired':
      params.push(today);
      return `${col} IS NOT NULL AND ${col} < ?`;
    case 'notExpired':
      params.push(today);
      return `(${col} IS NULL OR ${col} >= ?)`;
    case 'none':
      return `${col} IS NULL`;
    case 'set':
      return `${col} IS NOT NULL`;
    case 'window': {
      const parts = [`${col} IS NOT NULL`];
      if (f.window?.from) {
        parts.push(`${col} >= ?`);
        params.push(f.window.from.slice(0, 10));
      }
      if (f.window?.to) {
        parts.push(`${col} < ?`);
        params.push(f.window.to.slice(0, 10));
      }
      return parts.join(' AND ');
    }
  }
}

/** The table an activity reads, its time column, and how it ties to the person. */
function activitySource(a: AskActivity, p: string) {
  if (a.source === 'sessions')
    return { table: 'sessions', alias: 's', at: 's.started_at', link: `s.person_id = ${p}.id` };
  return {
    table: 'changes',
    alias: 'c',
    at: 'c.at',
    link: a.source === 'changes' ? `c.person_id = ${p}.id` : `c.changed_by = ${p}.id`,
  };
}

export function activityRowConditions(a: AskActivity, alias: string, at: string, params: Params): string[] {
  const parts = windowSql(at, a.window, params);
  if (a.hours) {
    const h = `CAST(strftime('%H', ${at}) AS INTEGER)`;
    params.push(a.hours.from, a.hours.to);
    parts.push(a.hours.from <= a.hours.to ? `${h} >= ? AND ${h} < ?` : `(${h} >= ? OR ${h} < ?)`);
  }
  if (a.weekdays?.length) {
    params.push(...a.weekdays);
    parts.push(`CAST(strftime('%w', ${at}) AS INTEGER) IN (${list(a.weekdays)})`);
  }
  if (alias === 'c' && a.actions?.length) {
    params.push(...a.actions);
    parts.push(`c.action IN (${list(a.actions)})`);
  }
  if (alias === 'c' && a.role) {
    params.push(a.role);
    parts.push(`c.role_name = ? COLLATE NOCASE`);
  }
  if (alias === 's' && a.ip) {
    params.push(a.ip);
    parts.push('s.ip = ?');
  }
  return parts;
}

const MEASURES: Record<AskActivity['measure'], (alias: string, at: string) => string> = {
  count: () => 'count(*)',
  distinctIp: () => 'count(DISTINCT s.ip)',
  distinctAgent: () => 'count(DISTINCT s.user_agent)',
  distinctDays: (_a, at) => `count(DISTINCT substr(${at}, 1, 10))`,
};

function activityCondition(a: AskActivity, p: string, params: Params): string {
  const src = activitySource(a, p);
  const inner: Params = [];
  const where = [src.link, ...activityRowConditions(a, src.alias, src.at, inner)].join(' AND ');
  let cond: string;
  if (a.measure === 'count' && a.op === '>=' && a.n === 1) {
    cond = `EXISTS (SELECT 1 FROM ${src.table} ${src.alias} WHERE ${where})`;
    params.push(...inner);
  } else {
    const measure = a.source === 'sessions' ? MEASURES[a.measure](src.alias, src.at) : 'count(*)';
    cond = `(SELECT ${measure} FROM ${src.table} ${src.alias} WHERE ${where}) ${OPS[a.op]} ?`;
    params.push(...inner, a.n);
  }
  return a.negate ? `NOT ${cond}` : cond;
}

export function peopleWhere(q: AskQuery, params: Params, today: string, withActivity = true): string {
  const conds = q.people.map((f) => personCondition(f, 'p', params, today));
  if (withActivity && q.activity) conds.push(activityCondition(q.activity, 'p', params));
  return conds.length ? conds.map((c) => `(${c})`).join(' AND ') : '1 = 1';
}

const GROUP_COLUMNS: Partial<Record<AskGroup, string>> = {
  department: 'p.department',
  organization: 'p.organization',
  title: 'p.title',
  status: 'p.status',
  accessType: 'p.access_type',
  userType: 'p.user_type',
  external: "CASE p.is_external WHEN 1 THEN 'external' ELSE 'internal' END",
};

function compileGroup(q: AskQuery, by: AskGroup, limit: number | null, today: string): CompiledQuery {
  const params: Params = [];
  const tail = (label: string, value: string) =>
    ` GROUP BY 1 ORDER BY ${value} DESC, ${label}${limit ? ` LIMIT ${limit}` : ''}`;
  const column = GROUP_COLUMNS[by];
  if (column) {
    const where = peopleWhere(q, params, today);
    return {
      sql: `SELECT coalesce(${column}, '(none)') AS ${by === 'accessType' ? 'access_type' : by === 'userType' ? 'user_type' : by}, count(*) AS people FROM people p WHERE ${where}${tail('1', '2')}`,
      params,
      kind: 'table',
      chart: true,
    };
  }
  if (by === 'role' || by === 'program') {
    const join =
      by === 'role'
        ? 'JOIN role_holdings h ON h.person_id = p.id JOIN roles r ON r.id = h.role_id'
        : 'JOIN assignments a ON a.person_id = p.id JOIN programs g ON g.id = a.program_id';
    const where = peopleWhere(q, params, today);
    return {
      sql: `SELECT ${by === 'role' ? 'r.name' : 'g.name'} AS ${by}, count(DISTINCT p.id) AS people FROM people p ${join} WHERE ${where}${tail('1', '2')}`,
      params,
      kind: 'table',
      chart: true,
    };
  }
  // hour / weekday / month / action: the activity's rows, grouped.
  const a = q.activity ?? { ...defaultSessions() };
  const src = activitySource(a, 'p');
  const key =
    by === 'hour'
      ? `CAST(strftime('%H', ${src.at}) AS INTEGER)`
      : by === 'weekday'
        ? `CAST(strftime('%w', ${src.at}) AS INTEGER)`
        : by === 'month'
          ? `substr(${src.at}, 1, 7)`
          : 'c.action';
  const usable = by === 'action' ? { ...a, source: a.source === 'sessions' ? ('changes' as const) : a.source } : a;
  const s2 = activitySource(usable, 'p');
  const where = [
    peopleWhere({ ...q, activity: null }, params, today),
    ...activityRowConditions(usable, s2.alias, s2.at, params),
  ];
  const label = by === 'weekday' ? 'weekday' : by;
  return {
    sql: `SELECT ${by === 'action' ? 'c.action' : key} AS ${label}, count(*) AS ${s2.table} FROM ${s2.table} ${s2.alias} JOIN people p ON ${s2.link} WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY ${by === 'action' ? '2 DESC, 1' : '1'}${limit ? ` LIMIT ${limit}` : ''}`,
    params,
    kind: 'table',
    chart: true,
  };
}

function defaultSessions(): AskActivity {
  return {
    source: 'sessions',
    window: null,
    hours: null,
    weekdays: null,
    actions: null,
    role: null,
    ip: null,
    measure: 'count',
    op: '>=',
    n: 1,
    negate: false,
  };
}

function compileTop(
  q: AskQuery,
  n: number,
  measure: Extract<AskQuery['output'], { kind: 'top' }>['measure'],
  today: string,
) {
  const params: Params = [];
  let value: string;
  let name: string;
  if (measure === 'roles') {
    value = '(SELECT count(*) FROM role_holdings h WHERE h.person_id = p.id)';
    name = 'roles';
  } else {
    const source = measure === 'changes' ? 'changes' : measure === 'changesMade' ? 'changesMade' : 'sessions';
    const a: AskActivity =
      q.activity && q.activity.source === source ? { ...q.activity } : { ...defaultSessions(), source };
    const src = activitySource(a, 'p');
    const inner: Params = [];
    const rowConds = [src.link, ...activityRowConditions(a, src.alias, src.at, inner)];
    value = `(SELECT ${measure === 'distinctIp' ? 'count(DISTINCT s.ip)' : 'count(*)'} FROM ${src.table} ${src.alias} WHERE ${rowConds.join(' AND ')})`;
    name = measure === 'distinctIp' ? 'ip_addresses' : measure === 'changesMade' ? 'changes_made' : source;
    params.push(...inner);
    const activityIsMeasure =
      q.activity && q.activity.source === source && q.activity.measure === 'count' && q.activity.n === 1;
    const where = peopleWhere(activityIsMeasure ? { ...q, activity: null } : q, params, today);
    return {
      sql: `SELECT p.id, p.name, ${value} AS ${name} FROM people p WHERE ${where} AND ${name} > 0 ORDER BY ${name} DESC, p.id LIMIT ${n}`,
      params,
      kind: 'people' as const,
      chart: true,
    };
  }
  const where = peopleWhere(q, params, today);
  return {
    sql: `SELECT p.id, p.name, ${value} AS ${name} FROM people p WHERE ${where} AND ${name} > 0 ORDER BY ${name} DESC, p.id LIMIT ${n}`,
    params,
    kind: 'people' as const,
    chart: true,
  };
}

function compileChanges(q: AskQuery, today: string): CompiledQuery {
  const params: Params = [];
  const a =
    q.activity && q.activity.source !== 'sessions' ? q.activity : { ...defaultSessions(), source: 'changes' as const };
  const conds = [
    ...q.people.map((f) => personCondition(f, 'p', params, today)),
    ...q.actor.map((f) => personCondition(f, 'actor', params, today)),
    ...activityRowConditions(a, 'c', 'c.at', params),
  ];
  return {
    sql: `SELECT c.at, actor.name AS changed_by, p.name AS person, c.action, coalesce(c.role_name, c.detail) AS detail FROM changes c JOIN people p ON p.id = c.person_id LEFT JOIN people actor ON actor.id = c.changed_by WHERE ${conds.length ? conds.join(' AND ') : '1 = 1'} ORDER BY c.at DESC, c.event_id DESC`,
    params,
    kind: 'table',
    chart: false,
  };
}

export function compileQuery(q: AskQuery, now: number): CompiledQuery {
  const today = new Date(now).toISOString().slice(0, 10);
  switch (q.output.kind) {
    case 'count': {
      const params: Params = [];
      const where = peopleWhere(q, params, today);
      return { sql: `SELECT count(*) AS people FROM people p WHERE ${where}`, params, kind: 'table', chart: false };
    }
    case 'group':
      return compileGroup(q, q.output.by, q.output.limit, today);
    case 'top':
      return compileTop(q, q.output.n, q.output.measure, today);
    case 'changes':
      return compileChanges(q, today);
    case 'list': {
      const params: Params = [];
      const where = peopleWhere(q, params, today);
      return {
        sql: `SELECT p.id, p.name, p.email, p.organization FROM people p WHERE ${where} ORDER BY p.last_name, p.first_name, p.id`,
        params,
        kind: 'people',
        chart: false,
      };
    }
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
