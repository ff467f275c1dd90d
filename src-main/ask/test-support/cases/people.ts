/** Questions about who people are: roles, departments, organizations, programs, status, access, expiry. */
import { ASSIGNED, COUNT, GROUP, HOLDS, ORG, ORG_GROUP, P, ROLES, TOP, type Case } from './sql';

const ACCESS_WORDS = "CASE p.access_type WHEN '0' THEN 'none' WHEN '1' THEN 'user' WHEN '5' THEN 'api' END";

export const PEOPLE_CASES: Case[] = [
  // Roles.
  ['who holds the Grants Officer role', P(HOLDS('Grants Officer')), 'ids'],
  ['people holding Document Manager', P(HOLDS('Document Manager')), 'ids'],
  ['list everyone with the help desk role', P(HOLDS('Help Desk')), 'ids'],
  [
    'users who hold Report Viewer but not Document Manager',
    P(`${HOLDS('Report Viewer')} AND NOT ${HOLDS('Document Manager')}`),
    'ids',
  ],
  ['who has Internal Staff and Report Viewer', P(`${HOLDS('Internal Staff')} AND ${HOLDS('Report Viewer')}`), 'ids'],
  [
    'people who have either the Help Desk or the Document Manager role',
    P(`${HOLDS('Help Desk')} OR ${HOLDS('Document Manager')}`),
    'ids',
  ],
  ['users holding exactly one role', P(`${ROLES} = 1`), 'ids'],
  ['people with at least 2 roles', P(`${ROLES} >= 2`), 'ids'],
  ['accounts with fewer than 2 roles', P(`${ROLES} < 2`), 'ids'],
  ['users that have no role at all', P(`${ROLES} = 0`), 'ids'],
  ['which users have more than two roles?', P(`${ROLES} > 2`), 'ids'],
  ['how many people hold the Grantee Portal User role', COUNT(P(HOLDS('Grantee Portal User'))), 'count'],
  ['number of report submitters', COUNT(P(HOLDS('Report Submitter'))), 'count'],
  ['internal users who hold Report Viewer', P(`p.is_external = 0 AND ${HOLDS('Report Viewer')}`), 'ids'],
  ['who holds Grants Oficer', P(HOLDS('Grants Officer')), 'ids'],
  ['people with the role Legal Reviewer', P(HOLDS('Legal Reviewer')), 'ids'],
  [
    'Help Desk holders in Information Technology',
    P(`${HOLDS('Help Desk')} AND p.department = 'Information Technology'`),
    'ids',
  ],
  [
    'external people holding Grantee Signing Authority without Grantee Finance Contact',
    P(`p.is_external = 1 AND ${HOLDS('Grantee Signing Authority')} AND NOT ${HOLDS('Grantee Finance Contact')}`),
    'ids',
  ],
  ['the 3 people with the most roles', TOP(ROLES, 3), 'ordered'],
  // Departments.
  ['who works in Grants Management?', P("p.department = 'Grants Management'"), 'ids'],
  ['Finance department staff', P("p.department = 'Finance'"), 'ids'],
  ['members of the Information Technology department', P("p.department = 'Information Technology'"), 'ids'],
  ['how many people are in each department', GROUP('p.department'), 'pairs'],
  ['people not in the Finance department', P("coalesce(p.department, '') <> 'Finance'"), 'ids'],
  ['staff in Finance or Information Technology', P("p.department IN ('Finance', 'Information Technology')"), 'ids'],
  [
    'which department has the most people?',
    "SELECT department AS k, count(*) AS n FROM mirror_people WHERE instance_id = @i AND deleted_at IS NULL AND coalesce(department, '') <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1",
    'pairs',
  ],
  ['how many internal users per department', GROUP('p.department', 'p.is_external = 0'), 'pairs'],
  // Organizations.
  ['who belongs to Aurora Health Coalition?', P(ORG('Aurora Health Coalition')), 'ids'],
  ['members of Delta Family Trust', P(ORG('Delta Family Trust')), 'ids'],
  ['Northgate Education Trust contacts', P(ORG('Northgate Education Trust')), 'ids'],
  ['people whose organization is Hillcrest Wellness Foundation', P(ORG('Hillcrest Wellness Foundation')), 'ids'],
  ['how many people work for Millbrook Housing Coalition', COUNT(P(ORG('Millbrook Housing Coalition'))), 'count'],
  [
    'top 3 organizations by number of users',
    'SELECT o.name AS k, count(*) AS n FROM mirror_people p JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3',
    'pairs',
  ],
  [
    'which organization has the fewest people',
    'SELECT o.name AS k, count(*) AS n FROM mirror_people p JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id WHERE p.instance_id = @i AND p.deleted_at IS NULL GROUP BY 1 ORDER BY 2, 1 LIMIT 1',
    'pairs',
  ],
  [
    'people at Aurora Health Coalition or Delta Family Trust',
    P(ORG('Aurora Health Coalition', 'Delta Family Trust')),
    'ids',
  ],
  ['how many external people per organization', ORG_GROUP('p.is_external = 1'), 'pairs'],
  // Programs.
  [
    'who is assigned to Digital Inclusion Fellowship 2026?',
    P(ASSIGNED(null, 'Digital Inclusion Fellowship 2026')),
    'ids',
  ],
  ['applicants to Youth Development Grant 2025', P(ASSIGNED('Applicant', 'Youth Development Grant 2025')), 'ids'],
  ['Youth Development Grant 2025 reviewers', P(ASSIGNED('Reviewer', 'Youth Development Grant 2025')), 'ids'],
  [
    'program managers of Civic Engagement Emergency Fund 2026',
    P(ASSIGNED('Program Manager', 'Civic Engagement Emergency Fund 2026')),
    'ids',
  ],
  [
    'how many applicants does Food Security Emergency Fund 2023 have',
    COUNT(P(ASSIGNED('Applicant', 'Food Security Emergency Fund 2023'))),
    'count',
  ],
  ['committee members', P(ASSIGNED('Committee Member', null)), 'ids'],
  ['people assigned to a program', P(ASSIGNED(null, null)), 'ids'],
  [
    'how many people per program',
    'SELECT g.name AS k, count(DISTINCT a.person_id) AS n FROM mirror_program_assignments a JOIN mirror_programs g ON g.instance_id = a.instance_id AND g.id = a.program_id JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id AND p.deleted_at IS NULL WHERE a.instance_id = @i AND a.deleted_at IS NULL GROUP BY 1',
    'pairs',
  ],
  [
    'internal people on Digital Inclusion Fellowship 2026',
    P(`p.is_external = 0 AND ${ASSIGNED(null, 'Digital Inclusion Fellowship 2026')}`),
    'ids',
  ],
  [
    'who reviews Digital Inclusion Fellowship 2026',
    P(ASSIGNED('Reviewer', 'Digital Inclusion Fellowship 2026')),
    'ids',
  ],
  ['who applied to Youth Development Grant 2025?', P(ASSIGNED('Applicant', 'Youth Development Grant 2025')), 'ids'],
  // Status, access type, admin type.
  ['active external users', P("p.status = 'Active' AND p.is_external = 1"), 'ids'],
  ['how many inactive accounts are there?', COUNT(P("p.status = 'Inactive'")), 'count'],
  ['pending internal users', P("p.status = 'Pending' AND p.is_external = 0"), 'ids'],
  ['users whose status is Inactive', P("p.status = 'Inactive'"), 'ids'],
  ['users who are not active', P("coalesce(p.status, '') <> 'Active'"), 'ids'],
  ['people without access', P("p.access_type = '0'"), 'ids'],
  ['API users', P("p.access_type = '5'"), 'ids'],
  ['how many users have no access?', COUNT(P("p.access_type = '0'")), 'count'],
  ['admins', P("p.user_type IN ('30', '40')"), 'ids'],
  ['how many global admins', COUNT(P("p.user_type = '40'")), 'count'],
  ['count of users by access type', GROUP(ACCESS_WORDS), 'pairs'],
  // Expiry.
  ['whose access expires before January 1 2027?', P("p.access_expiry <> '' AND p.access_expiry < '2027-01-01'"), 'ids'],
  [
    'accounts expiring in December 2026',
    P("p.access_expiry >= '2026-12-01' AND p.access_expiry < '2027-01-01'"),
    'ids',
  ],
  [
    'people whose access expires this year',
    P("p.access_expiry >= '2026-01-01' AND p.access_expiry < '2027-01-01'"),
    'ids',
  ],
  ['users with no expiry date', P("coalesce(p.access_expiry, '') = ''"), 'ids'],
  [
    'how many people have expired access',
    COUNT(P("p.access_expiry <> '' AND p.access_expiry < '2026-11-20'")),
    'count',
  ],
  [
    'external users whose access has expired',
    P("p.is_external = 1 AND p.access_expiry <> '' AND p.access_expiry < '2026-11-20'"),
    'ids',
  ],
  [
    'users whose access expires within the next 60 days',
    P("p.access_expiry >= '2026-11-20' AND p.access_expiry < '2027-01-19'"),
    'ids',
  ],
  ['accounts that expire in 90 days', P("p.access_expiry >= '2026-11-20' AND p.access_expiry < '2027-02-18'"), 'ids'],
  // Everyone.
  ['how many users are there?', COUNT(P('1')), 'count'],
  ['List all users', P('1'), 'ids'],
];
