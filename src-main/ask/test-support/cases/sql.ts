/**
 * Hand-written SQL for the question tests, straight over the mirror tables (never the ask views
 * or compile.ts), with the instance as `@i` and the test clock fixed at 2026-11-20 12:00 UTC (a
 * Friday). Each case: the question, the SQL of its answer, and how answers compare.
 */
export type Shape = 'ids' | 'ordered' | 'count' | 'pairs' | 'rows';
export type Case = [question: string, expected: string, shape: Shape];

export const P = (where: string) =>
  `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND p.deleted_at IS NULL AND (${where})`;
export const HOLDS = (role: string) =>
  `EXISTS (SELECT 1 FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id WHERE h.instance_id = @i AND h.person_id = p.id AND r.name = '${role}')`;
export const ROLES = '(SELECT count(*) FROM mirror_role_holdings h WHERE h.instance_id = @i AND h.person_id = p.id)';
export const SESS = (where: string) =>
  `EXISTS (SELECT 1 FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id AND (${where}))`;
export const SESSIONS_OF = (measure: string, where = '1') =>
  `(SELECT ${measure} FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id AND (${where}))`;
export const D7 = '2026-11-13 12:00:00';
export const D14 = '2026-11-06 12:00:00';
export const D30 = '2026-10-21 12:00:00';
export const D45 = '2026-10-06 12:00:00';
export const D60 = '2026-09-21 12:00:00';
export const D90 = '2026-08-22 12:00:00';
export const OCTOBER = "s.started_at >= '2026-10-01 00:00:00' AND s.started_at < '2026-11-01 00:00:00'";
export const YESTERDAY = "s.started_at >= '2026-11-19 00:00:00' AND s.started_at < '2026-11-20 00:00:00'";
export const HOUR = (col: string) => `CAST(strftime('%H', ${col}) AS INTEGER)`;
export const DOW = (col: string) => `CAST(strftime('%w', ${col}) AS INTEGER)`;
export const DAY_NAME = (col: string) =>
  `CASE ${DOW(col)} WHEN 0 THEN 'Sunday' WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' ELSE 'Saturday' END`;
export const COUNT = (sql: string) => `SELECT count(*) FROM (${sql})`;
export const ORG = (...names: string[]) =>
  `p.company_id IN (SELECT id FROM mirror_organizations WHERE instance_id = @i AND name IN (${names.map((n) => `'${n}'`).join(', ')}))`;
export const ASSIGNED = (role: string | null, program: string | null) =>
  `EXISTS (SELECT 1 FROM mirror_program_assignments a JOIN mirror_programs g ON g.instance_id = a.instance_id AND g.id = a.program_id WHERE a.instance_id = @i AND a.person_id = p.id AND a.deleted_at IS NULL${role ? ` AND a.role_name = '${role}'` : ''}${program ? ` AND g.name = '${program}'` : ''})`;
export const CHANGES_BY = (where: string) =>
  `EXISTS (SELECT 1 FROM mirror_access_events e WHERE e.instance_id = @i AND e.changed_by = p.id AND (${where}))`;
export const CHANGES_TO = (where: string) =>
  `EXISTS (SELECT 1 FROM mirror_access_events e WHERE e.instance_id = @i AND e.user_id = p.id AND (${where}))`;
export const ROLE_DETAIL = (role: string) =>
  `e.detail = ',' || (SELECT id FROM mirror_roles WHERE instance_id = @i AND name = '${role}') || ','`;
export const PERSON_ID = (first: string, last: string) =>
  `(SELECT id FROM mirror_people WHERE instance_id = @i AND first_name = '${first}' AND last_name = '${last}')`;
export const EVENTS = (where: string) =>
  `SELECT e.at FROM mirror_access_events e WHERE e.instance_id = @i AND (${where})`;
export const GROUP = (col: string, where = '1') =>
  `SELECT coalesce(nullif(${col}, ''), '(none)') AS k, count(*) AS n FROM mirror_people p WHERE p.instance_id = @i AND p.deleted_at IS NULL AND (${where}) GROUP BY 1`;
export const ORG_GROUP = (where = '1') =>
  `SELECT coalesce(o.name, '(none)') AS k, count(*) AS n FROM mirror_people p LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL AND (${where}) GROUP BY 1`;
/** The first N people by a measure (most first, then by id). */
export const TOP = (measure: string, n: number, where = '1') =>
  `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND p.deleted_at IS NULL AND (${where}) AND ${measure} > 0 ORDER BY ${measure} DESC, p.id LIMIT ${n}`;
