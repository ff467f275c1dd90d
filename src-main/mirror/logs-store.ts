/** The mirrored audit logs: login sessions and access changes, newest first. */
import type { DB } from '../db/open';
import { personKeyRange } from '../db/mirror-keys';
import type { AccessEventRow, LoginSessionRow } from '../../src-preload/contract';

export type { AccessEventRow, LoginSessionRow };

export interface LogQuery {
  personId?: number;
  /** Only rows before this time (`YYYY-MM-DD HH:MM:SS`), to page back through a long log. */
  before?: string;
  /** Default 50, at most 1,000. */
  limit?: number;
}

const clampLimit = (n: number | undefined) => Math.min(Math.max(1, Math.floor(n ?? 50)), 1000);

/**
 * A person's rows come through the log's per-person table (`<log>_by_user`: person, time, row key,
 * in that order); without a person the instance's key range is read backwards (ids follow time in
 * these logs), so neither sorts a million rows.
 */
function logQuery(
  db: DB,
  instanceId: string,
  query: LogQuery,
  log: { table: string; timeColumn: string },
): { from: string; where: string; params: unknown[]; order: string } | null {
  const range = personKeyRange(db, instanceId);
  if (!range) return null;
  const { table, timeColumn } = log;
  if (query.personId !== undefined) {
    const params: unknown[] = [range.base + query.personId];
    let where = 'b.user_key = ?';
    if (query.before) {
      where += ` AND b.${timeColumn} < ?`;
      params.push(query.before);
    }
    return {
      from: `${table}_by_user b CROSS JOIN ${table} l ON l.key = b.key`,
      where,
      params,
      order: `ORDER BY b.${timeColumn} DESC, b.key DESC`,
    };
  }
  const params: unknown[] = [range.base, range.last];
  let where = 'l.key BETWEEN ? AND ?';
  if (query.before) {
    where += ` AND l.${timeColumn} < ?`;
    params.push(query.before);
  }
  return { from: `${table} l`, where, params, order: 'ORDER BY l.key DESC' };
}

export function listLoginSessions(db: DB, instanceId: string, query: LogQuery = {}): LoginSessionRow[] {
  const q = logQuery(db, instanceId, query, { table: 'mirror_login_sessions', timeColumn: 'started_at' });
  if (!q) return [];
  return db
    .prepare(
      `SELECT l.session_id AS sessionId, l.user_id AS personId, l.started_at AS startedAt, l.ended_at AS endedAt, l.ip, l.user_agent AS userAgent
       FROM ${q.from} WHERE ${q.where} ${q.order} LIMIT ?`,
    )
    .all(...q.params, clampLimit(query.limit)) as LoginSessionRow[];
}

export function listAccessEvents(db: DB, instanceId: string, query: LogQuery = {}): AccessEventRow[] {
  const q = logQuery(db, instanceId, query, { table: 'mirror_access_events', timeColumn: 'at' });
  if (!q) return [];
  return db
    .prepare(
      `SELECT l.event_id AS eventId, l.user_id AS personId, l.action, l.detail, l.changed_by AS changedBy,
         a.first_name || ' ' || a.last_name AS changedByName, l.at
       FROM ${q.from} LEFT JOIN mirror_people a ON a.instance_id = l.instance_id AND a.id = l.changed_by
       WHERE ${q.where} ${q.order} LIMIT ?`,
    )
    .all(...q.params, clampLimit(query.limit)) as AccessEventRow[];
}

/**
 * Each person's newest session start (wire text), one pass over the per-person copy of the
 * sessions (the log itself has no person index, migration 0018). Reviews and licenses both read it.
 */
export function latestSessionByPerson(db: DB, instanceId: string): Map<number, string> {
  const range = personKeyRange(db, instanceId);
  if (!range) return new Map();
  const rows = db
    .prepare(
      `SELECT user_key - ?, max(started_at) FROM mirror_login_sessions_by_user
       WHERE user_key BETWEEN ? AND ? GROUP BY user_key`,
    )
    .raw(true)
    .all(range.base, range.base, range.last) as [number, string][];
  return new Map(rows);
}
