/** The mirrored audit logs: login sessions and access changes, newest first. */
import type { DB } from '../open';

export interface LoginSessionRow {
  sessionId: number;
  personId: number;
  startedAt: string;
  endedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AccessEventRow {
  eventId: number;
  personId: number;
  action: string;
  detail: string | null;
  changedBy: number | null;
  changedByName: string | null;
  at: string;
}

export interface LogQuery {
  personId?: number;
  /** Only rows before this time (`YYYY-MM-DD HH:MM:SS`), to page back through a long log. */
  before?: string;
  /** Default 50, at most 1,000. */
  limit?: number;
}

const clampLimit = (n: number | undefined) => Math.min(Math.max(1, Math.floor(n ?? 50)), 1000);

export function listLoginSessions(db: DB, instanceId: string, query: LogQuery = {}): LoginSessionRow[] {
  const where = ['instance_id = ?'];
  const params: unknown[] = [instanceId];
  if (query.personId !== undefined) {
    where.push('user_id = ?');
    params.push(query.personId);
  }
  if (query.before) {
    where.push('started_at < ?');
    params.push(query.before);
  }
  return db
    .prepare(
      `SELECT session_id AS sessionId, user_id AS personId, started_at AS startedAt, ended_at AS endedAt, ip, user_agent AS userAgent
       FROM mirror_login_sessions WHERE ${where.join(' AND ')} ORDER BY started_at DESC, session_id DESC LIMIT ?`,
    )
    .all(...params, clampLimit(query.limit)) as LoginSessionRow[];
}

export function listAccessEvents(db: DB, instanceId: string, query: LogQuery = {}): AccessEventRow[] {
  const where = ['e.instance_id = ?'];
  const params: unknown[] = [instanceId];
  if (query.personId !== undefined) {
    where.push('e.user_id = ?');
    params.push(query.personId);
  }
  if (query.before) {
    where.push('e.at < ?');
    params.push(query.before);
  }
  return db
    .prepare(
      `SELECT e.event_id AS eventId, e.user_id AS personId, e.action, e.detail, e.changed_by AS changedBy,
         a.first_name || ' ' || a.last_name AS changedByName, e.at
       FROM mirror_access_events e LEFT JOIN mirror_people a ON a.instance_id = e.instance_id AND a.id = e.changed_by
       WHERE ${where.join(' AND ')} ORDER BY e.at DESC, e.event_id DESC LIMIT ?`,
    )
    .all(...params, clampLimit(query.limit)) as AccessEventRow[];
}
