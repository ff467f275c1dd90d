/**
 * At least 80 questions over a synced sandbox mirror (real HTTP, real SQLite file), each with its
 * answer computed by hand-written SQL straight over the mirror tables (not the ask views).
 * At least 90% must be exactly right; the ones that are not are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAskService, type AskService } from './ask-service';
import { ASK_TEST_NOW, syncedMirror } from './test-support/ask-mirror';
import type { DB } from '../db/open';

const P = (where: string) =>
  `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND p.deleted_at IS NULL AND (${where})`;
const HOLDS = (role: string) =>
  `EXISTS (SELECT 1 FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id WHERE h.instance_id = @i AND h.person_id = p.id AND r.name = '${role}')`;
const SESS = (where: string) =>
  `EXISTS (SELECT 1 FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id AND (${where}))`;
const D30 = '2026-10-21 12:00:00';
const D14 = '2026-11-06 12:00:00';
const D7 = '2026-11-13 12:00:00';
const D90 = '2026-08-22 12:00:00';
const HOUR = (col: string) => `CAST(strftime('%H', ${col}) AS INTEGER)`;
const DOW = (col: string) => `CAST(strftime('%w', ${col}) AS INTEGER)`;
const COUNT = (sql: string) => `SELECT count(*) FROM (${sql})`;
const ORG = (name: string) =>
  `p.company_id IN (SELECT id FROM mirror_organizations WHERE instance_id = @i AND name = '${name}')`;
const ASSIGNED = (role: string | null, program: string | null) =>
  `EXISTS (SELECT 1 FROM mirror_program_assignments a JOIN mirror_programs g ON g.instance_id = a.instance_id AND g.id = a.program_id WHERE a.instance_id = @i AND a.person_id = p.id AND a.deleted_at IS NULL${role ? ` AND a.role_name = '${role}'` : ''}${program ? ` AND g.name = '${program}'` : ''})`;
const CHANGES_BY = (where: string) =>
  `EXISTS (SELECT 1 FROM mirror_access_events e WHERE e.instance_id = @i AND e.changed_by = p.id AND (${where}))`;
const CHANGES_TO = (where: string) =>
  `EXISTS (SELECT 1 FROM mirror_access_events e WHERE e.instance_id = @i AND e.user_id = p.id AND (${where}))`;
const GROUP = (col: string) =>
  `SELECT coalesce(nullif(${col}, ''), '(none)') AS k, count(*) AS n FROM mirror_people p WHERE p.instance_id = @i AND p.deleted_at IS NULL GROUP BY 1`;

type Case = [question: string, expected: string, shape: 'ids' | 'count' | 'pairs'];

const CASES: Case[] = [
  ['Who never logged in?', P("coalesce(p.last_login, '') = ''"), 'ids'],
  ['users who have never signed in', P("coalesce(p.last_login, '') = ''"), 'ids'],
  ['How many accounts never logged in?', COUNT(P("coalesce(p.last_login, '') = ''")), 'count'],
  [
    'Who has not logged in for the last 90 days?',
    P(`coalesce(p.last_login, '') = '' OR p.last_login < '${D90}'`),
    'ids',
  ],
  [
    "people who haven't logged in in the past 30 days",
    P(`coalesce(p.last_login, '') = '' OR p.last_login < '${D30}'`),
    'ids',
  ],
  ['Who logged in in the last 30 days?', P(SESS(`s.started_at >= '${D30}'`)), 'ids'],
  ['users who signed in during the past two weeks', P(SESS(`s.started_at >= '${D14}'`)), 'ids'],
  ['staff with sessions in the last 7 days', P(SESS(`s.started_at >= '${D7}'`)), 'ids'],
  [
    'Who logged in yesterday?',
    P(SESS("s.started_at >= '2026-11-19 00:00:00' AND s.started_at < '2026-11-20 00:00:00'")),
    'ids',
  ],
  ['who logged in since October 1', P(SESS("s.started_at >= '2026-10-01 00:00:00'")), 'ids'],
  [
    'users who logged in in November 2026',
    P(SESS("s.started_at >= '2026-11-01 00:00:00' AND s.started_at < '2026-12-01 00:00:00'")),
    'ids',
  ],
  ['who logged in before September 1', P(SESS("s.started_at < '2026-09-01 00:00:00'")), 'ids'],
  [
    'people whose last login was before September 1',
    P("p.last_login <> '' AND p.last_login < '2026-09-01 00:00:00'"),
    'ids',
  ],
  [
    'Which external users logged in between 23:00 and 05:00 UTC?',
    P(`p.is_external = 1 AND ${SESS(`${HOUR('s.started_at')} >= 23 OR ${HOUR('s.started_at')} < 5`)}`),
    'ids',
  ],
  [
    'internal staff who logged in between 22:00 and 06:00',
    P(`p.is_external = 0 AND ${SESS(`${HOUR('s.started_at')} >= 22 OR ${HOUR('s.started_at')} < 6`)}`),
    'ids',
  ],
  ['who logged in on weekends', P(SESS(`${DOW('s.started_at')} IN (0, 6)`)), 'ids'],
  [
    'Who logged in on weekends in the past two weeks?',
    P(SESS(`${DOW('s.started_at')} IN (0, 6) AND s.started_at >= '${D14}'`)),
    'ids',
  ],
  ['how many users signed in on weekends', COUNT(P(SESS(`${DOW('s.started_at')} IN (0, 6)`))), 'count'],
  ['users with sessions on Saturdays', P(SESS(`${DOW('s.started_at')} = 6`)), 'ids'],
  [
    'Users with more than 3 different IP addresses in the last 30 days',
    P(
      `(SELECT count(DISTINCT ip) FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id AND s.started_at >= '${D30}') > 3`,
    ),
    'ids',
  ],
  [
    'people with more than 2 distinct IPs',
    P('(SELECT count(DISTINCT ip) FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id) > 2'),
    'ids',
  ],
  [
    'accounts with at least 3 different ip addresses',
    P('(SELECT count(DISTINCT ip) FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id) >= 3'),
    'ids',
  ],
  [
    'users with more than 1 user agent',
    P(
      '(SELECT count(DISTINCT user_agent) FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id) > 1',
    ),
    'ids',
  ],
  [
    'users with more than 50 sessions',
    P('(SELECT count(*) FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id) > 50'),
    'ids',
  ],
  [
    'who logged in more than 20 times in the last 30 days',
    P(
      `(SELECT count(*) FROM mirror_login_sessions s WHERE s.instance_id = @i AND s.user_id = p.id AND s.started_at >= '${D30}') > 20`,
    ),
    'ids',
  ],
  [
    'Who holds both Report Viewer and Grants Officer?',
    P(`${HOLDS('Report Viewer')} AND ${HOLDS('Grants Officer')}`),
    'ids',
  ],
  [
    'users with both the Internal Staff and Document Manager roles',
    P(`${HOLDS('Internal Staff')} AND ${HOLDS('Document Manager')}`),
    'ids',
  ],
  [
    'people who have both Grantee Signing Authority and Grantee Finance Contact',
    P(`${HOLDS('Grantee Signing Authority')} AND ${HOLDS('Grantee Finance Contact')}`),
    'ids',
  ],
  [
    'Accounts without any role',
    P('NOT EXISTS (SELECT 1 FROM mirror_role_holdings h WHERE h.instance_id = @i AND h.person_id = p.id)'),
    'ids',
  ],
  [
    'users with no roles',
    P('NOT EXISTS (SELECT 1 FROM mirror_role_holdings h WHERE h.instance_id = @i AND h.person_id = p.id)'),
    'ids',
  ],
  [
    'who has more than 3 roles',
    P('(SELECT count(*) FROM mirror_role_holdings h WHERE h.instance_id = @i AND h.person_id = p.id) > 3'),
    'ids',
  ],
  ['users with the Help Desk role', P(HOLDS('Help Desk')), 'ids'],
  ['who has the role System Administrator', P(HOLDS('System Administrator')), 'ids'],
  ['list report viewers', P(HOLDS('Report Viewer')), 'ids'],
  ['How many Report Submitters are there?', COUNT(P(HOLDS('Report Submitter'))), 'count'],
  ['payment approvers', P(HOLDS('Payment Approver')), 'ids'],
  ['people with the Reprot Viewer role', P(HOLDS('Report Viewer')), 'ids'],
  ['users with the Documnet Manager role', P(HOLDS('Document Manager')), 'ids'],
  ['Report Viewer or Help Desk', P(`${HOLDS('Report Viewer')} OR ${HOLDS('Help Desk')}`), 'ids'],
  ['internal people without the Report Viewer role', P(`p.is_external = 0 AND NOT ${HOLDS('Report Viewer')}`), 'ids'],
  ['People in Finance', P("p.department = 'Finance'"), 'ids'],
  ['staff in the Grants Management department', P("p.department = 'Grants Management'"), 'ids'],
  [
    'how many people in the Information Technology department',
    COUNT(P("p.department = 'Information Technology'")),
    'count',
  ],
  [
    'users in Finance without the Report Viewer role',
    P(`p.department = 'Finance' AND NOT ${HOLDS('Report Viewer')}`),
    'ids',
  ],
  ['people at Sierra Nutrition Services', P(ORG('Sierra Nutrition Services')), 'ids'],
  ['users from Frontier Immigrant Trust', P(ORG('Frontier Immigrant Trust')), 'ids'],
  ['how many users at Fernhill Workforce Collective', COUNT(P(ORG('Fernhill Workforce Collective'))), 'count'],
  ['contacts from Millbrok Film Project', P(ORG('Millbrook Film Project')), 'ids'],
  ['external users', P('p.is_external = 1'), 'ids'],
  ['How many internal users are there?', COUNT(P('p.is_external = 0')), 'count'],
  ['how many external accounts', COUNT(P('p.is_external = 1')), 'count'],
  ['inactive users', P("p.status = 'Inactive'"), 'ids'],
  ['Pending accounts', P("p.status = 'Pending'"), 'ids'],
  ['how many active users', COUNT(P("p.status = 'Active'")), 'count'],
  ['users with no access', P("p.access_type = '0'"), 'ids'],
  ['Users with API access', P("p.access_type = '5'"), 'ids'],
  ['how many people have portal access', COUNT(P("p.access_type = '1'")), 'count'],
  ['global administrators', P("p.user_type = '40'"), 'ids'],
  ['local admins', P("p.user_type = '30'"), 'ids'],
  ['Whose access has expired?', P(`p.access_expiry <> '' AND p.access_expiry < '2026-11-20'`), 'ids'],
  [
    'users whose access expires in the next 30 days',
    P("p.access_expiry >= '2026-11-20' AND p.access_expiry < '2026-12-20'"),
    'ids',
  ],
  ['users with an access expiry date', P("p.access_expiry <> ''"), 'ids'],
  ['Who granted roles in the last 30 days?', P(CHANGES_BY(`e.action = 'role_added' AND e.at >= '${D30}'`)), 'ids'],
  ['who removed roles', P(CHANGES_BY("e.action = 'role_removed'")), 'ids'],
  ['who deactivated accounts', P(CHANGES_BY("e.action = 'deactivated'")), 'ids'],
  ['users who were deactivated', P(CHANGES_TO("e.action = 'deactivated'")), 'ids'],
  ['people whose roles were removed', P(CHANGES_TO("e.action = 'role_removed'")), 'ids'],
  [
    'users who were granted a role in the last 90 days',
    P(CHANGES_TO(`e.action = 'role_added' AND e.at >= '${D90}'`)),
    'ids',
  ],
  ['users who had a password reset', P(CHANGES_TO("e.action = 'password_reset'")), 'ids'],
  ['reviewers', P(ASSIGNED('Reviewer', null)), 'ids'],
  ['how many applicants', COUNT(P(ASSIGNED('Applicant', null))), 'count'],
  ['program managers', P(ASSIGNED('Program Manager', null)), 'ids'],
  ['people assigned to Youth Development Grant 2025', P(ASSIGNED(null, 'Youth Development Grant 2025')), 'ids'],
  [
    'reviewers on Digital Inclusion Fellowship 2026',
    P(ASSIGNED('Reviewer', 'Digital Inclusion Fellowship 2026')),
    'ids',
  ],
  [
    'people assigned to Food Security Emergency Fund 2023 as Applicant',
    P(ASSIGNED('Applicant', 'Food Security Emergency Fund 2023')),
    'ids',
  ],
  ['users not assigned to any program', P(`NOT ${ASSIGNED(null, null)}`), 'ids'],
  ['How many people per department?', GROUP('p.department'), 'pairs'],
  ['number of users by status', GROUP('p.status'), 'pairs'],
  [
    'count of people per organization',
    `SELECT coalesce(o.name, '(none)') AS k, count(*) AS n FROM mirror_people p LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL GROUP BY 1`,
    'pairs',
  ],
  [
    'How many users per role?',
    `SELECT r.name AS k, count(*) AS n FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id WHERE h.instance_id = @i AND p.deleted_at IS NULL GROUP BY 1`,
    'pairs',
  ],
  ['how many people per title', GROUP('p.title'), 'pairs'],
  [
    'external users per organization',
    `SELECT coalesce(o.name, '(none)') AS k, count(*) AS n FROM mirror_people p LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL AND p.is_external = 1 GROUP BY 1`,
    'pairs',
  ],
  [
    'How many sessions per hour of day in November 2026?',
    `SELECT ${HOUR('started_at')} AS k, count(*) AS n FROM mirror_login_sessions WHERE instance_id = @i AND started_at >= '2026-11-01 00:00:00' AND started_at < '2026-12-01 00:00:00' GROUP BY 1`,
    'pairs',
  ],
  ['Grant Writers', P("p.title = 'Grant Writer'"), 'ids'],
  ['people titled Program Coordinator', P("p.title = 'Program Coordinator'"), 'ids'],
  ['how many researchers', COUNT(P("p.title = 'Researcher'")), 'count'],
  ['USERS IN FINANCE', P("p.department = 'Finance'"), 'ids'],
  ['accounts created in the last 30 days', P(`p.created >= '${D30}'`), 'ids'],
  [
    'who never logged in at Aurora Health Coalition',
    P(`coalesce(p.last_login, '') = '' AND ${ORG('Aurora Health Coalition')}`),
    'ids',
  ],
  [
    'external users who logged in at night',
    P(`p.is_external = 1 AND ${SESS(`${HOUR('s.started_at')} >= 22 OR ${HOUR('s.started_at')} < 6`)}`),
    'ids',
  ],
];

let dir: string;
let db: DB;
let instanceId: string;
let ask: AskService;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-ask-'));
  const mirror = await syncedMirror(dir);
  db = mirror.db;
  instanceId = mirror.instanceId;
  ask = createAskService({ db, now: () => ASK_TEST_NOW });
}, 120_000);
afterAll(() => {
  ask?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectedOf(c: Case): string {
  const rows = db.prepare(c[1]).raw().all({ i: instanceId }) as unknown[][];
  if (c[2] === 'ids') return JSON.stringify(rows.map((r) => Number(r[0])).sort((a, b) => a - b));
  if (c[2] === 'count') return JSON.stringify(rows[0]?.[0]);
  return JSON.stringify(rows.map((r) => `${String(r[0])}=${String(r[1])}`).sort());
}

async function actualOf(c: Case): Promise<string> {
  const a = await ask.ask(instanceId, c[0]);
  if (!('table' in a)) return `refused: ${a.message}`;
  if (c[2] === 'ids') return JSON.stringify(a.people.map((p) => p.id).sort((x, y) => x - y));
  if (c[2] === 'count') return JSON.stringify(a.table.rows[0]?.[0]);
  return JSON.stringify(a.table.rows.map((r) => `${String(r[0])}=${String(r[1])}`).sort());
}

describe('questions over a synced sandbox mirror', () => {
  it('answers at least 90% of 80+ questions exactly as hand-written SQL does', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    const failures: string[] = [];
    let nonEmpty = 0;
    for (const c of CASES) {
      const want = expectedOf(c);
      if (want !== '[]' && want !== '0') nonEmpty += 1;
      const got = await actualOf(c);
      if (got !== want) failures.push(`${c[0]}\n   want ${want.slice(0, 160)}\n   got  ${got.slice(0, 160)}`);
    }
    if (failures.length) console.log(`Not exactly right (${failures.length}):\n${failures.join('\n')}`);
    // Most expected answers are not empty: the questions test something.
    expect(nonEmpty).toBeGreaterThan(CASES.length * 0.8);
    expect(failures.length).toBeLessThanOrEqual(Math.floor(CASES.length * 0.1));
  }, 300_000);
});
