/** The same kinds of questions in other words: word order, synonyms, nouns for verbs, counted events. */
import {
  ASSIGNED,
  CHANGES_TO,
  COUNT,
  D30,
  D90,
  DOW,
  EVENTS,
  HOLDS,
  HOUR,
  ORG,
  P,
  PERSON_ID,
  ROLES,
  SESS,
  SESSIONS_OF,
  TOP,
  type Case,
} from './sql';

const NEVER = "coalesce(p.last_login, '') = ''";
const OCT = (col: string) => `${col} >= '2026-10-01 00:00:00' AND ${col} < '2026-11-01 00:00:00'`;
const LEO = PERSON_ID('Leo', 'Mills');

export const PHRASING_CASES: Case[] = [
  [
    'Show me all users who logged in over the weekend in the past month',
    P(SESS(`${DOW('s.started_at')} IN (0, 6) AND s.started_at >= '2026-10-20 12:00:00'`)),
    'ids',
  ],
  ['List accounts that have been dormant for more than 90 days', P(`${NEVER} OR p.last_login < '${D90}'`), 'ids'],
  ['Find external contacts with access type api', P("p.is_external = 1 AND p.access_type = '5'"), 'ids'],
  [
    'How many logins happened on Saturdays last month?',
    `SELECT count(*) FROM mirror_login_sessions s WHERE s.instance_id = @i AND ${DOW('s.started_at')} = 6 AND ${OCT('s.started_at')}`,
    'count',
  ],
  [
    'Who has logged in from more than 3 IP addresses since October 1?',
    P(`${SESSIONS_OF('count(DISTINCT s.ip)', "s.started_at >= '2026-10-01 00:00:00'")} > 3`),
    'ids',
  ],
  [
    'Which users have the Grants Officer role but are not in Finance?',
    P(`${HOLDS('Grants Officer')} AND coalesce(p.department, '') <> 'Finance'`),
    'ids',
  ],
  [
    'Who was deactivated in November 2026?',
    P(CHANGES_TO("e.action = 'deactivated' AND e.at >= '2026-11-01 00:00:00'")),
    'ids',
  ],
  ['Show the access changes made in the past 7 days', EVENTS("e.at >= '2026-11-13 12:00:00'"), 'rows'],
  [
    'Number of people who never logged in per organization',
    `SELECT o.name AS k, count(*) AS n FROM mirror_people p JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL AND ${NEVER} GROUP BY 1`,
    'pairs',
  ],
  [
    'List inactive users whose access has not expired',
    P("p.status = 'Inactive' AND (coalesce(p.access_expiry, '') = '' OR p.access_expiry >= '2026-11-20')"),
    'ids',
  ],
  [
    'Applicants on Digital Inclusion Fellowship 2026 who logged in this month',
    P(
      `${ASSIGNED('Applicant', 'Digital Inclusion Fellowship 2026')} AND ${SESS("s.started_at >= '2026-11-01 00:00:00'")}`,
    ),
    'ids',
  ],
  [
    'Which reviewers have not logged in for 30 days?',
    P(`${ASSIGNED('Reviewer', null)} AND (${NEVER} OR p.last_login < '${D30}')`),
    'ids',
  ],
  [
    'Users with access expiring next month',
    P("p.access_expiry >= '2026-12-01' AND p.access_expiry < '2027-01-01'"),
    'ids',
  ],
  [
    'Who logged in between 9pm and 4am in the last two weeks?',
    P(SESS(`(${HOUR('s.started_at')} >= 21 OR ${HOUR('s.started_at')} < 4) AND s.started_at >= '2026-11-06 12:00:00'`)),
    'ids',
  ],
  [
    'How many distinct users logged in yesterday?',
    COUNT(P(SESS("s.started_at >= '2026-11-19 00:00:00' AND s.started_at < '2026-11-20 00:00:00'"))),
    'count',
  ],
  [
    'Staff members with the Help Desk role who logged in on weekends',
    P(`${HOLDS('Help Desk')} AND ${SESS(`${DOW('s.started_at')} IN (0, 6)`)}`),
    'ids',
  ],
  [
    'people granted Report Viewer since October',
    P(
      CHANGES_TO(
        "e.action = 'role_added' AND e.detail = ',' || (SELECT id FROM mirror_roles WHERE instance_id = @i AND name = 'Report Viewer') || ',' AND e.at >= '2026-10-01 00:00:00'",
      ),
    ),
    'ids',
  ],
  [
    'Who received a role in the past month?',
    P(CHANGES_TO("e.action = 'role_added' AND e.at >= '2026-10-20 12:00:00'")),
    'ids',
  ],
  [
    'List sessions of Leo Mills in the last 30 days',
    `SELECT s.started_at FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = ${LEO} AND s.started_at >= '${D30}'`,
    'rows',
  ],
  ['Who are the 5 most active external users?', TOP(SESSIONS_OF('count(*)'), 5, 'p.is_external = 1'), 'ordered'],
  ['accounts created before 2020', P("p.created < '2020-01-01 00:00:00'"), 'ids'],
  ['People with titles Grant Writer or Researcher', P("p.title IN ('Grant Writer', 'Researcher')"), 'ids'],
  [
    'Researchers at Sierra Nutrition Services',
    P(`p.title = 'Researcher' AND ${ORG('Sierra Nutrition Services')}`),
    'ids',
  ],
  [
    'How many password resets in the last 90 days?',
    COUNT(EVENTS(`e.action = 'password_reset' AND e.at >= '${D90}'`)),
    'count',
  ],
  ['how many deactivations last month', COUNT(EVENTS(`e.action = 'deactivated' AND ${OCT('e.at')}`)), 'count'],
  ['users whose last login was in October', P(OCT('p.last_login')), 'ids'],
  ['Show users who logged in on Monday or Tuesday', P(SESS(`${DOW('s.started_at')} IN (1, 2)`)), 'ids'],
  ['Who logged in at 3am?', P(SESS(`${HOUR('s.started_at')} = 3`)), 'ids'],
  [
    'What roles does Leo Mills have?',
    `SELECT r.name AS k, 1 AS n FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id WHERE h.instance_id = @i AND h.person_id = ${LEO}`,
    'pairs',
  ],
  ['Which users have no roles assigned?', P(`${ROLES} = 0`), 'ids'],
  [
    'Count of users per organization, top 5',
    'SELECT o.name AS k, count(*) AS n FROM mirror_people p JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5',
    'pairs',
  ],
  ['Which 5 users logged in most in October?', TOP(SESSIONS_OF('count(*)', OCT('s.started_at')), 5), 'ordered'],
  [
    'Which users have access expiring before the end of the year?',
    P("p.access_expiry <> '' AND p.access_expiry < '2027-01-01'"),
    'ids',
  ],
  [
    'Which roles are held by internal users?',
    'SELECT r.name AS k, count(*) AS n FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id WHERE h.instance_id = @i AND p.deleted_at IS NULL AND p.is_external = 0 GROUP BY 1',
    'pairs',
  ],
  ['Give me a list of staff who have Document Manager access', P(HOLDS('Document Manager')), 'ids'],
  [
    'users whose access expires in less than 30 days',
    P("p.access_expiry >= '2026-11-20' AND p.access_expiry < '2026-12-20'"),
    'ids',
  ],
  ['Who has not logged in since they were created?', P(NEVER), 'ids'],
  [
    'How many logins per day last week?',
    "SELECT substr(s.started_at, 1, 10) AS k, count(*) AS n FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.started_at >= '2026-11-09 00:00:00' AND s.started_at < '2026-11-16 00:00:00' GROUP BY 1",
    'pairs',
  ],
  ['List all role removals in the last 90 days', EVENTS(`e.action = 'role_removed' AND e.at >= '${D90}'`), 'rows'],
];
