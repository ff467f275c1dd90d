/** Questions about what people did: logins (windows, hours, weekdays, distinct counts), access changes, rankings. */
import {
  CHANGES_BY,
  CHANGES_TO,
  COUNT,
  D30,
  D45,
  D60,
  D7,
  D90,
  DAY_NAME,
  DOW,
  EVENTS,
  HOLDS,
  HOUR,
  OCTOBER,
  ORG,
  P,
  PERSON_ID,
  ROLE_DETAIL,
  SESS,
  SESSIONS_OF,
  TOP,
  YESTERDAY,
  type Case,
} from './sql';

const NEVER = "coalesce(p.last_login, '') = ''";
const H = HOUR('s.started_at');
const LEO = PERSON_ID('Leo', 'Mills');
const JOYCE = PERSON_ID('Joyce', 'Ferguson');

export const ACTIVITY_CASES: Case[] = [
  // Windows.
  [
    'who logged in today',
    P(SESS("s.started_at >= '2026-11-20 00:00:00' AND s.started_at < '2026-11-21 00:00:00'")),
    'ids',
  ],
  [
    'who signed in last week?',
    P(SESS("s.started_at >= '2026-11-09 00:00:00' AND s.started_at < '2026-11-16 00:00:00'")),
    'ids',
  ],
  ['users who logged in this month', P(SESS("s.started_at >= '2026-11-01 00:00:00'")), 'ids'],
  ['who logged in during October', P(SESS(OCTOBER)), 'ids'],
  [
    'people who logged in between October 1 and October 15',
    P(SESS("s.started_at >= '2026-10-01 00:00:00' AND s.started_at < '2026-10-16 00:00:00'")),
    'ids',
  ],
  ['who logged in after November 1', P(SESS("s.started_at >= '2026-11-02 00:00:00'")), 'ids'],
  [
    'who logged in on 2026-11-03',
    P(SESS("s.started_at >= '2026-11-03 00:00:00' AND s.started_at < '2026-11-04 00:00:00'")),
    'ids',
  ],
  ['who logged in in the last 3 months', P(SESS("s.started_at >= '2026-08-20 12:00:00'")), 'ids'],
  ['who was active yesterday?', P(SESS(YESTERDAY)), 'ids'],
  ['users who have not logged in since September 1', P(`${NEVER} OR p.last_login < '2026-09-01 00:00:00'`), 'ids'],
  ['accounts inactive for 60 days', P(`${NEVER} OR p.last_login < '${D60}'`), 'ids'],
  ["users who haven't signed in for 45 days", P(`${NEVER} OR p.last_login < '${D45}'`), 'ids'],
  ['dormant accounts', P(`${NEVER} OR p.last_login < '${D90}'`), 'ids'],
  ['people whose last login was more than 60 days ago', P(`p.last_login <> '' AND p.last_login < '${D60}'`), 'ids'],
  // Hours and weekdays.
  ['who logged in after 10pm', P(SESS(`${H} >= 22`)), 'ids'],
  ['who logged in before 6am?', P(SESS(`${H} < 6`)), 'ids'],
  ['who logged in between midnight and 5am', P(SESS(`${H} >= 0 AND ${H} < 5`)), 'ids'],
  [
    'internal users who logged in outside business hours',
    P(`p.is_external = 0 AND ${SESS(`${H} >= 18 OR ${H} < 8`)}`),
    'ids',
  ],
  ['who logged in on Sunday', P(SESS(`${DOW('s.started_at')} = 0`)), 'ids'],
  ['people who logged in on weekends in October', P(SESS(`${DOW('s.started_at')} IN (0, 6) AND ${OCTOBER}`)), 'ids'],
  [
    'users who logged in after 6pm on weekdays',
    P(SESS(`${H} >= 18 AND ${DOW('s.started_at')} BETWEEN 1 AND 5`)),
    'ids',
  ],
  [
    'How many external users logged in at night last month?',
    COUNT(P(`p.is_external = 1 AND ${SESS(`(${H} >= 22 OR ${H} < 6) AND ${OCTOBER}`)}`)),
    'count',
  ],
  [
    'Which internal users logged in on weekends between 22:00 and 06:00?',
    P(`p.is_external = 0 AND ${SESS(`${DOW('s.started_at')} IN (0, 6) AND (${H} >= 22 OR ${H} < 6)`)}`),
    'ids',
  ],
  // Distinct counts and counts.
  [
    'users who logged in from more than 2 different IP addresses last month',
    P(`${SESSIONS_OF('count(DISTINCT s.ip)', OCTOBER)} > 2`),
    'ids',
  ],
  ['who used more than one browser', P(`${SESSIONS_OF('count(DISTINCT s.user_agent)')} > 1`), 'ids'],
  [
    'users who logged in on more than 10 different days',
    P(`${SESSIONS_OF('count(DISTINCT substr(s.started_at, 1, 10))')} > 10`),
    'ids',
  ],
  [
    'users in Finance who logged in from more than one IP address',
    P(`p.department = 'Finance' AND ${SESSIONS_OF('count(DISTINCT s.ip)')} > 1`),
    'ids',
  ],
  [
    'which external users logged in more than 10 times',
    P(`p.is_external = 1 AND ${SESSIONS_OF('count(*)')} > 10`),
    'ids',
  ],
  ['how many people logged in yesterday', COUNT(P(SESS(YESTERDAY))), 'count'],
  [
    'how many logins were there yesterday?',
    `SELECT count(*) FROM mirror_login_sessions s WHERE s.instance_id = @i AND ${YESTERDAY}`,
    'count',
  ],
  [
    'number of sessions in October',
    `SELECT count(*) FROM mirror_login_sessions s WHERE s.instance_id = @i AND ${OCTOBER}`,
    'count',
  ],
  ['who logged in from 64.83.58.121', P(SESS("s.ip = '64.83.58.121'")), 'ids'],
  // Per group.
  [
    'number of logins per weekday',
    `SELECT ${DAY_NAME('s.started_at')} AS k, count(*) AS n FROM mirror_login_sessions s WHERE s.instance_id = @i GROUP BY 1`,
    'pairs',
  ],
  [
    'logins per month',
    'SELECT substr(s.started_at, 1, 7) AS k, count(*) AS n FROM mirror_login_sessions s WHERE s.instance_id = @i GROUP BY 1',
    'pairs',
  ],
  [
    'how many sessions per day of the week in October',
    `SELECT ${DAY_NAME('s.started_at')} AS k, count(*) AS n FROM mirror_login_sessions s WHERE s.instance_id = @i AND ${OCTOBER} GROUP BY 1`,
    'pairs',
  ],
  [
    'how many people in each organization never logged in',
    `SELECT o.name AS k, count(*) AS n FROM mirror_people p JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL AND ${NEVER} GROUP BY 1`,
    'pairs',
  ],
  // Rankings.
  ['top 5 users by number of logins', TOP(SESSIONS_OF('count(*)'), 5), 'ordered'],
  [
    'who logged in the most in the last 30 days',
    TOP(SESSIONS_OF('count(*)', `s.started_at >= '${D30}'`), 1),
    'ordered',
  ],
  ['top 10 users by distinct ip addresses', TOP(SESSIONS_OF('count(DISTINCT s.ip)'), 10), 'ordered'],
  [
    'who made the most changes?',
    TOP('(SELECT count(*) FROM mirror_access_events e WHERE e.instance_id = @i AND e.changed_by = p.id)', 1),
    'ordered',
  ],
  // Access changes.
  [
    'who granted the Report Viewer role',
    P(CHANGES_BY(`e.action = 'role_added' AND ${ROLE_DETAIL('Report Viewer')}`)),
    'ids',
  ],
  [
    'who removed roles last month',
    P(CHANGES_BY("e.action = 'role_removed' AND e.at >= '2026-10-01 00:00:00' AND e.at < '2026-11-01 00:00:00'")),
    'ids',
  ],
  ['what did Leo Mills change?', EVENTS(`e.changed_by = ${LEO}`), 'rows'],
  [
    'changes made by Joyce Ferguson in the last 90 days',
    EVENTS(`e.changed_by = ${JOYCE} AND e.at >= '${D90}'`),
    'rows',
  ],
  ['changes to Leo Mills', EVENTS(`e.user_id = ${LEO}`), 'rows'],
  ['access changes yesterday', EVENTS("e.at >= '2026-11-19 00:00:00' AND e.at < '2026-11-20 00:00:00'"), 'rows'],
  [
    'role changes in October',
    EVENTS(
      "e.action IN ('role_added', 'role_removed') AND e.at >= '2026-10-01 00:00:00' AND e.at < '2026-11-01 00:00:00'",
    ),
    'rows',
  ],
  ['who deactivated users in the last 30 days', P(CHANGES_BY(`e.action = 'deactivated' AND e.at >= '${D30}'`)), 'ids'],
  [
    'which users were deactivated last month?',
    P(CHANGES_TO("e.action = 'deactivated' AND e.at >= '2026-10-01 00:00:00' AND e.at < '2026-11-01 00:00:00'")),
    'ids',
  ],
  [
    'people who lost a role in the last 60 days',
    P(CHANGES_TO(`e.action = 'role_removed' AND e.at >= '${D60}'`)),
    'ids',
  ],
  [
    'who was given the Grants Officer role?',
    P(CHANGES_TO(`e.action = 'role_added' AND ${ROLE_DETAIL('Grants Officer')}`)),
    'ids',
  ],
  [
    'how many role changes did Leo Mills make',
    COUNT(EVENTS(`e.changed_by = ${LEO} AND e.action IN ('role_added', 'role_removed')`)),
    'count',
  ],
  ['who reset passwords', P(CHANGES_BY("e.action = 'password_reset'")), 'ids'],
  [
    'number of changes per action',
    'SELECT e.action AS k, count(*) AS n FROM mirror_access_events e WHERE e.instance_id = @i GROUP BY 1',
    'pairs',
  ],
  ['which admins granted roles', P(`p.user_type IN ('30', '40') AND ${CHANGES_BY("e.action = 'role_added'")}`), 'ids'],
  ['who activated accounts in the last 7 days', P(CHANGES_BY(`e.action = 'activated' AND e.at >= '${D7}'`)), 'ids'],
  ['people whose access was removed', P(CHANGES_TO("e.action = 'deactivated'")), 'ids'],
  [
    'role changes per month',
    "SELECT substr(e.at, 1, 7) AS k, count(*) AS n FROM mirror_access_events e WHERE e.instance_id = @i AND e.action IN ('role_added', 'role_removed') GROUP BY 1",
    'pairs',
  ],
  [
    'how many access changes last month',
    COUNT(EVENTS("e.at >= '2026-10-01 00:00:00' AND e.at < '2026-11-01 00:00:00'")),
    'count',
  ],
  // Mixed.
  [
    'active users with portal access who never logged in',
    P(`p.status = 'Active' AND p.access_type = '1' AND ${NEVER}`),
    'ids',
  ],
  ['report viewers in Grants Management', P(`${HOLDS('Report Viewer')} AND p.department = 'Grants Management'`), 'ids'],
  ['users created since October 1', P("p.created >= '2026-10-01 00:00:00'"), 'ids'],
  [
    'how many users were created last month',
    COUNT(P("p.created >= '2026-10-01 00:00:00' AND p.created < '2026-11-01 00:00:00'")),
    'count',
  ],
  ['internal users who never logged in', P(`p.is_external = 0 AND ${NEVER}`), 'ids'],
  [
    'active users who have not logged in in the last 60 days',
    P(`p.status = 'Active' AND (${NEVER} OR p.last_login < '${D60}')`),
    'ids',
  ],
  ['external users without Report Submitter', P(`p.is_external = 1 AND NOT ${HOLDS('Report Submitter')}`), 'ids'],
  [
    'people at Sierra Nutrition Services who logged in this week',
    P(`${ORG('Sierra Nutrition Services')} AND ${SESS("s.started_at >= '2026-11-16 00:00:00'")}`),
    'ids',
  ],
];
