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
 * A person's rows come through the (user_key, time) index; without a person the instance's key
 * range is read backwards (ids follow time in these logs), so neither sorts a million rows.
 */
function logWhere(
  db: DB,
  instanceId: string,
  query: LogQuery,
  timeColumn: string,
): { where: string; params: unknown[]; order: string } | null {
  const range = personKeyRange(db, instanceId);
  if (!range) return null;
  const params: unknown[] = [];
  let where: string;
  let order: string;
  if (query.personId !== undefined) {
    where = 'l.user_key = ?';
    params.push(range.base + query.personId);
    order = `ORDER BY l.${timeColumn} DESC, l.key DESC`;
  } else {
    where = 'l.key BETWEEN ? AND ?';
    params.push(range.base, range.last);
    order = 'ORDER BY l.key DESC';
  }
  if (query.before) {
    where += ` AND l.${timeColumn} < ?`;
    params.push(query.before);
  }
  return { where, params, order };
}

export function listLoginSessions(db: DB, instanceId: string, query: LogQuery = {}): LoginSessionRow[] {
  const w = logWhere(db, instanceId, query, 'started_at');
  if (!w) return [];
  return db
    .prepare(
      `SELECT l.session_id AS sessionId, l.user_id AS personId, l.started_at AS startedAt, l.ended_at AS endedAt, l.ip, l.user_agent AS userAgent
       FROM mirror_login_sessions l WHERE ${w.where} ${w.order} LIMIT ?`,
    )
    .all(...w.params, clampLimit(query.limit)) as LoginSessionRow[];
}

export function listAccessEvents(db: DB, instanceId: string, query: LogQuery = {}): AccessEventRow[] {
  const w = logWhere(db, instanceId, query, 'at');
  if (!w) return [];
  return db
    .prepare(
      `SELECT l.event_id AS eventId, l.user_id AS personId, l.action, l.detail, l.changed_by AS changedBy,
         a.first_name || ' ' || a.last_name AS changedByName, l.at
       FROM mirror_access_events l LEFT JOIN mirror_people a ON a.instance_id = l.instance_id AND a.id = l.changed_by
       WHERE ${w.where} ${w.order} LIMIT ?`,
    )
    .all(...w.params, clampLimit(query.limit)) as AccessEventRow[];
}
