/** What a person's timeline reads from the mirror: who they are, when they sign in, what changed. */
import type { DB } from '../db/open';
import type { PersonKeyRange } from '../db/mirror-keys';

export interface TimelinePerson {
  id: number;
  name: string;
  email: string;
  title: string | null;
  department: string | null;
  isExternal: boolean;
  status: string | null;
  lastLogin: string | null;
}

export function timelinePerson(db: DB, instanceId: string, personId: number): TimelinePerson | undefined {
  const row = db
    .prepare(
      `SELECT id, trim(first_name || ' ' || last_name) AS name, email, title, department, is_external, status, last_login
       FROM mirror_people WHERE instance_id = ? AND id = ?`,
    )
    .get(instanceId, personId) as
    | {
        id: number;
        name: string;
        email: string;
        title: string | null;
        department: string | null;
        is_external: number;
        status: string | null;
        last_login: string | null;
      }
    | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name || `Person ${row.id}`,
    email: row.email,
    title: row.title || null,
    department: row.department || null,
    isExternal: row.is_external === 1,
    status: row.status || null,
    lastLogin: row.last_login || null,
  };
}

/** Sessions per weekday (0 = Sunday) and UTC hour. */
export function sessionHeatmap(db: DB, range: PersonKeyRange, personId: number): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const rows = db
    .prepare(
      `SELECT CAST(strftime('%w', started_at) AS INTEGER), CAST(strftime('%H', started_at) AS INTEGER), count(*)
       FROM mirror_login_sessions_by_user WHERE user_key = ? GROUP BY 1, 2`,
    )
    .raw(true)
    .all(range.base + personId) as [number, number, number][];
  for (const [day, hour, n] of rows) if (grid[day] && hour >= 0 && hour < 24) grid[day]![hour] = n;
  return grid;
}

export interface TimelineSession {
  sessionId: number;
  startedAt: string;
  endedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function recentSessions(db: DB, range: PersonKeyRange, personId: number, limit: number): TimelineSession[] {
  return (
    db
      .prepare(
        `SELECT l.session_id, l.started_at, l.ended_at, l.ip, l.user_agent
         FROM mirror_login_sessions_by_user b CROSS JOIN mirror_login_sessions l ON l.key = b.key
         WHERE b.user_key = ? ORDER BY b.started_at DESC, b.key DESC LIMIT ?`,
      )
      .all(range.base + personId, limit) as {
      session_id: number;
      started_at: string;
      ended_at: string | null;
      ip: string | null;
      user_agent: string | null;
    }[]
  ).map((r) => ({
    sessionId: r.session_id,
    startedAt: r.started_at,
    endedAt: r.ended_at || null,
    ip: r.ip,
    userAgent: r.user_agent,
  }));
}

export interface TimelineEvent {
  eventId: number;
  personId: number;
  personName: string | null;
  action: string;
  detail: string | null;
  changedBy: number | null;
  changedByName: string | null;
  at: string;
}

/** Access changes made to the person, and those they made to others. */
export function accessEvents(
  db: DB,
  instanceId: string,
  range: PersonKeyRange,
  personId: number,
  limit: number,
): TimelineEvent[] {
  return (
    db
      .prepare(
        `SELECT e.event_id, e.user_id, trim(t.first_name || ' ' || t.last_name) AS person_name, e.action, e.detail,
           e.changed_by, trim(a.first_name || ' ' || a.last_name) AS actor_name, e.at
         FROM mirror_access_events e
         LEFT JOIN mirror_people t ON t.instance_id = ? AND t.id = e.user_id
         LEFT JOIN mirror_people a ON a.instance_id = ? AND a.id = e.changed_by
         WHERE e.key IN (SELECT key FROM mirror_access_events_by_user WHERE user_key = ?
           UNION SELECT key FROM mirror_access_events WHERE changed_by = ? AND key BETWEEN ? AND ?)
         ORDER BY e.at DESC LIMIT ?`,
      )
      .all(instanceId, instanceId, range.base + personId, personId, range.base, range.last, limit) as {
      event_id: number;
      user_id: number;
      person_name: string | null;
      action: string;
      detail: string | null;
      changed_by: number | null;
      actor_name: string | null;
      at: string;
    }[]
  ).map((r) => ({
    eventId: r.event_id,
    personId: r.user_id,
    personName: r.person_name || null,
    action: r.action,
    detail: r.detail,
    changedBy: r.changed_by,
    changedByName: r.actor_name || null,
    at: r.at,
  }));
}

/** Role names by id, for words instead of ids. */
export function roleNames(db: DB, instanceId: string): Map<number, string> {
  return new Map(
    db.prepare('SELECT id, name FROM mirror_roles WHERE instance_id = ?').raw(true).all(instanceId) as [
      number,
      string,
    ][],
  );
}
