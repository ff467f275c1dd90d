/**
 * The WHERE conditions of compiled questions: one per person filter, and the activity's (login
 * sessions or access changes) as rows or as a condition on the person. Every value is a
 * parameter; column names and operators come from fixed tables here, never from the question.
 */
import type { AskActivity, AskCompare, AskPersonFilter, AskQuery, AskWindow } from '../../src-preload/contract/ask';
import { isPlainExistence } from './activity';

export type Params = (string | number)[];
const OPS: Record<AskCompare, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '=': '=' };
export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

export function windowSql(column: string, w: AskWindow | null, params: Params, day = false): string[] {
  const out: string[] = [];
  const at = (s: string) => (day ? s.slice(0, 10) : s);
  if (w?.from) {
    out.push(`${column} >= ?`);
    params.push(at(w.from));
  }
  if (w?.to) {
    out.push(`${column} < ?`);
    params.push(at(w.to));
  }
  return out;
}

const HOLDS = (p: string, where: string) =>
  `EXISTS (SELECT 1 FROM role_holdings h JOIN roles r ON r.id = h.role_id WHERE h.person_id = ${p}.id AND ${where})`;

function roleCondition(f: Extract<AskPersonFilter, { kind: 'role' }>, p: string, params: Params): string {
  if (f.mode === 'all')
    return f.roles
      .map((name) => {
        params.push(name);
        return HOLDS(p, 'r.name = ? COLLATE NOCASE');
      })
      .join(' AND ');
  params.push(...f.roles);
  const held = HOLDS(p, `r.name COLLATE NOCASE IN (${placeholders(f.roles)})`);
  return f.mode === 'none' ? `NOT ${held}` : held;
}

function valuesCondition(column: string, values: string[], negate: boolean, params: Params): string {
  params.push(...values);
  return negate
    ? `coalesce(${column}, '') COLLATE NOCASE NOT IN (${placeholders(values)})`
    : `${column} COLLATE NOCASE IN (${placeholders(values)})`;
}

function programCondition(f: Extract<AskPersonFilter, { kind: 'program' }>, p: string, params: Params): string {
  const parts = [`a.person_id = ${p}.id`];
  if (f.program) {
    parts.push('g.name = ? COLLATE NOCASE');
    params.push(f.program);
  }
  if (f.role) {
    parts.push('a.role_name = ? COLLATE NOCASE');
    params.push(f.role);
  }
  const exists = `EXISTS (SELECT 1 FROM assignments a JOIN programs g ON g.id = a.program_id WHERE ${parts.join(' AND ')})`;
  return f.negate ? `NOT ${exists}` : exists;
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
    case 'window':
      return [`${col} IS NOT NULL`, ...windowSql(col, f.window, params, true)].join(' AND ');
  }
}

function lastLoginCondition(f: Extract<AskPersonFilter, { kind: 'lastLogin' }>, p: string, params: Params) {
  if (f.state === 'never') return `${p}.last_login IS NULL`;
  if (f.state === 'notWindow') {
    params.push(f.window?.from ?? '0000-00-00 00:00:00');
    return `(${p}.last_login IS NULL OR ${p}.last_login < ?)`;
  }
  return windowSql(`${p}.last_login`, f.window, params).join(' AND ') || `${p}.last_login IS NOT NULL`;
}

export function personCondition(f: AskPersonFilter, p: string, params: Params, today: string): string {
  switch (f.kind) {
    case 'role':
      return roleCondition(f, p, params);
    case 'roleCount':
      params.push(f.n);
      return `(SELECT count(*) FROM role_holdings h WHERE h.person_id = ${p}.id) ${OPS[f.op]} ?`;
    case 'privileged':
      return `${f.value ? '' : 'NOT '}${HOLDS(p, 'r.privileged = 1')}`;
    case 'department':
    case 'title':
    case 'status':
    case 'organization':
      return valuesCondition(`${p}.${f.kind}`, f.values, f.negate, params);
    case 'program':
      return programCondition(f, p, params);
    case 'external':
      params.push(f.value ? 1 : 0);
      return `${p}.is_external = ?`;
    case 'accessType':
    case 'userType':
      params.push(...f.values);
      return `${p}.${f.kind === 'accessType' ? 'access_type' : 'user_type'} IN (${placeholders(f.values)})`;
    case 'expiry':
      return expiryCondition(f, p, params, today);
    case 'lastLogin':
      return lastLoginCondition(f, p, params);
    case 'created':
      return windowSql(`${p}.created`, f.window, params).join(' AND ') || '1 = 1';
    case 'name':
      params.push(f.text);
      return `${p}.name = ? COLLATE NOCASE`;
  }
}

/** The table an activity reads, its time column, and how it ties to the person `p`. */
export function activitySource(a: AskActivity, p: string) {
  // Linked by the person's row key where the logs are indexed by it.
  if (a.source === 'sessions')
    return { table: 'sessions', alias: 's', at: 's.started_at', link: `s.person_key = ${p}.key` };
  const link = a.source === 'changes' ? `c.person_key = ${p}.key` : `c.changed_by = ${p}.id`;
  return { table: 'changes', alias: 'c', at: 'c.at', link };
}

/** Conditions on one activity row (alias `s` for sessions, `c` for changes). */
export function activityRowConditions(a: AskActivity, params: Params): string[] {
  const { alias, at } = activitySource(a, 'p');
  const parts = windowSql(at, a.window, params);
  if (a.hours) {
    const h = `CAST(strftime('%H', ${at}) AS INTEGER)`;
    params.push(a.hours.from, a.hours.to);
    parts.push(a.hours.from <= a.hours.to ? `${h} >= ? AND ${h} < ?` : `(${h} >= ? OR ${h} < ?)`);
  }
  if (a.weekdays?.length) {
    params.push(...a.weekdays);
    parts.push(`CAST(strftime('%w', ${at}) AS INTEGER) IN (${placeholders(a.weekdays)})`);
  }
  if (alias === 'c') {
    if (a.actions?.length) {
      params.push(...a.actions);
      parts.push(`c.action IN (${placeholders(a.actions)})`);
    }
    if (a.role) {
      params.push(a.role);
      parts.push('c.role_name = ? COLLATE NOCASE');
    }
    if (a.person) {
      params.push(a.person);
      const other = a.source === 'changes' ? 'c.changed_by' : 'c.person_id';
      parts.push(`${other} IN (SELECT o.id FROM people o WHERE o.name = ? COLLATE NOCASE)`);
    }
  } else if (a.ip) {
    params.push(a.ip);
    parts.push('s.ip = ?');
  }
  return parts;
}

const MEASURES: Record<AskActivity['measure'], string> = {
  count: 'count(*)',
  distinctIp: 'count(DISTINCT s.ip)',
  distinctAgent: 'count(DISTINCT s.user_agent)',
  distinctDays: 'count(DISTINCT substr(s.started_at, 1, 10))',
};

/** The activity as a condition on the person `p`: some rows, a count of rows, or none. */
export function activityCondition(a: AskActivity, p: string, params: Params): string {
  const src = activitySource(a, p);
  const inner: Params = [];
  const where = [src.link, ...activityRowConditions(a, inner)].join(' AND ');
  let cond: string;
  if (isPlainExistence(a)) {
    cond = `EXISTS (SELECT 1 FROM ${src.table} ${src.alias} WHERE ${where})`;
    params.push(...inner);
  } else {
    const measure = a.source === 'sessions' ? MEASURES[a.measure] : 'count(*)';
    cond = `(SELECT ${measure} FROM ${src.table} ${src.alias} WHERE ${where}) ${OPS[a.op]} ?`;
    params.push(...inner, a.n);
  }
  return a.negate ? `NOT ${cond}` : cond;
}

/** All the query's conditions on the person `p` (AND), with or without its activity. */
export function peopleWhere(q: AskQuery, params: Params, today: string, withActivity = true): string {
  const conds = q.people.map((f) => personCondition(f, 'p', params, today));
  if (withActivity && q.activity) conds.push(activityCondition(q.activity, 'p', params));
  return conds.length ? conds.map((c) => `(${c})`).join(' AND ') : '1 = 1';
}
