/**
 * Each detector's definition written again as plain SQL over the mirror tables, independent of
 * the detectors' code: the tests and bench/detectors.ts compare what a scan found with these.
 * Every function returns the keys the scan's findings should have (without the kind prefix).
 */
import type { DB } from '../../db/open';

const wire = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
const day = (seconds: number) => wire(seconds).slice(0, 10);

/** The latest sign-in the mirror knows: server's last login or newest session, else the creation date. */
const LAST_ACTIVITY = `coalesce(max(nullif(p.last_login, ''),
  (SELECT max(s.started_at) FROM mirror_login_sessions_by_user s WHERE s.user_key = p.key)), p.created)`;
const CAN_SIGN_IN = `p.deleted_at IS NULL AND p.access_type = '1' AND p.status = 'Active'
  AND (coalesce(p.access_expiry, '') = '' OR p.access_expiry > @today)`;

/** Dormant: can sign in, no sign-in for `days` (or never, created before). Keys: person ids. */
export function dormantSql(db: DB, instanceId: string, asOf: number, days: number): string[] {
  return (
    db
      .prepare(
        `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND ${CAN_SIGN_IN} AND ${LAST_ACTIVITY} < @cutoff`,
      )
      .pluck()
      .all({ i: instanceId, today: day(asOf), cutoff: wire(asOf - days * 86_400) }) as number[]
  ).map(String);
}

/** Privileged unused: can sign in, holds a flagged role (or one of `extraRoles`) or an admin type, idle `days`. */
export function privilegedUnusedSql(db: DB, instanceId: string, asOf: number, days: number, extraRoles: number[] = []) {
  return (
    db
      .prepare(
        `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND ${CAN_SIGN_IN}
         AND (p.user_type IN ('30', '40') OR EXISTS (
           SELECT 1 FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id
           WHERE h.instance_id = @i AND h.person_id = p.id AND (r.privileged = 1 OR r.id IN (${extraRoles.join(',') || 'NULL'}))))
         AND ${LAST_ACTIVITY} < @cutoff`,
      )
      .pluck()
      .all({ i: instanceId, today: day(asOf), cutoff: wire(asOf - days * 86_400) }) as number[]
  ).map(String);
}

/** Expired access: expiry day passed, still Active with login access. Keys: person ids. */
export function expiredAccessSql(db: DB, instanceId: string, asOf: number): string[] {
  return (
    db
      .prepare(
        `SELECT id FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL AND access_type = '1'
         AND status = 'Active' AND coalesce(access_expiry, '') <> '' AND access_expiry <= ?`,
      )
      .pluck()
      .all(instanceId, day(asOf)) as number[]
  ).map(String);
}

/**
 * New IP or browser: a session past the learning period (`logins` earlier sessions over `learnDays`
 * days), with an earlier session in the previous `days`, whose address or browser no session of
 * the person used in those days. Keys: session ids.
 */
export function newIpOrAgentSql(db: DB, instanceId: string, days: number, logins = 10, learnDays = 14): string[] {
  const window = days * 86_400;
  const unseen = (col: string) => `(coalesce(s.${col}, '') <> '' AND NOT EXISTS (
      SELECT 1 FROM mirror_login_sessions_by_user ob CROSS JOIN mirror_login_sessions o ON o.key = ob.key
      WHERE ob.user_key = s.user_key AND o.${col} = s.${col}
        AND (ob.started_at < s.started_at OR (ob.started_at = s.started_at AND ob.key < s.key))
        AND unixepoch(o.started_at) >= unixepoch(s.started_at) - ${window}))`;
  return (
    db
      .prepare(
        `WITH s AS (
           SELECT key, session_id, user_key, started_at, ip, user_agent,
             row_number() OVER w - 1 AS prior, first_value(started_at) OVER w AS first_at, lag(started_at) OVER w AS prev_at
           FROM mirror_login_sessions WHERE instance_id = ?
           WINDOW w AS (PARTITION BY user_key ORDER BY started_at, key))
         SELECT session_id FROM s
         WHERE prior >= ${logins} AND unixepoch(started_at) - unixepoch(first_at) >= ${learnDays} * 86400
           AND unixepoch(started_at) - unixepoch(prev_at) <= ${window}
           AND (${unseen('ip')} OR ${unseen('user_agent')})`,
      )
      .pluck()
      .all(instanceId) as number[]
  ).map(String);
}

/** Peer outliers: the only holder of a role in a peer group (side, department, title) of `minGroup` or more. Keys: person:role. */
export function soleHoldersSql(db: DB, instanceId: string, minGroup: number): string[] {
  return db
    .prepare(
      `WITH people AS (
         SELECT id, is_external || '|' || coalesce(department, '') || '|' || coalesce(title, '') AS peer_group
         FROM mirror_people WHERE instance_id = @i AND deleted_at IS NULL AND coalesce(access_type, '') <> '5'
           AND (coalesce(department, '') <> '' OR coalesce(title, '') <> '')),
       sizes AS (SELECT peer_group, count(*) AS n FROM people GROUP BY 1),
       held AS (SELECT p.peer_group, h.role_id, count(*) AS holders, min(p.id) AS person
                FROM people p JOIN mirror_role_holdings h ON h.instance_id = @i AND h.person_id = p.id GROUP BY 1, 2)
       SELECT held.person || ':' || held.role_id FROM held JOIN sizes USING (peer_group)
       WHERE sizes.n >= @min AND held.holders = 1`,
    )
    .pluck()
    .all({ i: instanceId, min: minGroup }) as string[];
}

/** Separation of duties: people (not removed) holding both roles of a rule. Keys: person:rule. */
export function sodSql(db: DB, instanceId: string, rules: { id: number; roleA: number; roleB: number }[]): string[] {
  const select = db
    .prepare(
      `SELECT x.person_id FROM mirror_role_holdings x JOIN mirror_role_holdings y
         ON y.instance_id = x.instance_id AND y.person_id = x.person_id AND y.role_id = ?
       JOIN mirror_people p ON p.instance_id = x.instance_id AND p.id = x.person_id AND p.deleted_at IS NULL
       WHERE x.instance_id = ? AND x.role_id = ?`,
    )
    .pluck();
  return rules.flatMap((r) => (select.all(r.roleB, instanceId, r.roleA) as number[]).map((p) => `${p}:${r.id}`));
}

/**
 * External with internal roles: external people holding a flagged role, or a role with 5 or more
 * holders of whom at least `share` are internal. Keys: person ids.
 */
export function externalInternalSql(db: DB, instanceId: string, share: number): string[] {
  return (
    db
      .prepare(
        `WITH stats AS (
           SELECT h.role_id, sum(p.is_external = 0) AS internal, count(*) AS total
           FROM mirror_role_holdings h JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id
           WHERE h.instance_id = @i AND p.deleted_at IS NULL GROUP BY 1)
         SELECT DISTINCT p.id FROM mirror_people p
         JOIN mirror_role_holdings h ON h.instance_id = p.instance_id AND h.person_id = p.id
         LEFT JOIN stats s ON s.role_id = h.role_id
         LEFT JOIN mirror_roles r ON r.instance_id = p.instance_id AND r.id = h.role_id
         WHERE p.instance_id = @i AND p.deleted_at IS NULL AND p.is_external = 1
           AND (r.privileged = 1 OR (s.total >= 5 AND 1.0 * s.internal / s.total >= @share))`,
      )
      .pluck()
      .all({ i: instanceId, share }) as number[]
  ).map(String);
}
