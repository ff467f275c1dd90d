/**
 * Sentences describing bulk changes, each with the people it selects as hand-written SQL straight
 * over the mirror tables (never the ask views or compile.ts; Ask's test helpers, `@i` the
 * instance, the clock at 2026-11-20 12:00 UTC) and the action expected. A removal selects the
 * holders only (what the plan touches).
 */
import type { LifecycleAction } from '../../../src-preload/contract/lifecycle';
import { ASSIGNED, D90, HOLDS, ORG, P, ROLES } from '../../ask/test-support/cases/sql';

export type SentenceCase = [sentence: string, people: string, action: LifecycleAction];

const DEPT = (d: string) => `p.department = '${d}'`;
const TITLE = (t: string) => `p.title = '${t}'`;
const EXT = 'p.is_external = 1';
const INT = 'p.is_external = 0';
const STATUS = (s: string) => `p.status = '${s}'`;
const NOT_SINCE = (day: string) => `(nullif(p.last_login, '') IS NULL OR p.last_login < '${day}')`;
const NEVER = "nullif(p.last_login, '') IS NULL";
const and = (...w: string[]) => P(w.join(' AND '));

const add = (role: string): LifecycleAction => ({ kind: 'add_role', role });
const remove = (role: string): LifecycleAction => ({ kind: 'remove_role', role });
const assign = (program: string, role: string): LifecycleAction => ({ kind: 'add_assignment', program, role });
const unassign = (program: string | null, role: string | null): LifecycleAction => ({
  kind: 'remove_assignment',
  program,
  role,
});
const DEACTIVATE: LifecycleAction = { kind: 'deactivate' };
const REACTIVATE: LifecycleAction = { kind: 'reactivate' };
const YDG = 'Youth Development Grant 2025';
const DIF = 'Digital Inclusion Fellowship 2026';
const FSE = 'Food Security Emergency Fund 2023';
const CEE = 'Civic Engagement Emergency Fund 2026';

export const SENTENCE_CASES: SentenceCase[] = [
  // Giving a profile role.
  ['give everyone in the Finance department the Report Viewer role', and(DEPT('Finance')), add('Report Viewer')],
  [
    'grant the Grants Officer role to people in the Grants Management department',
    and(DEPT('Grants Management')),
    add('Grants Officer'),
  ],
  [
    'add Help Desk to everyone in the Information Technology department',
    and(DEPT('Information Technology')),
    add('Help Desk'),
  ],
  [
    'assign the Document Manager role to internal staff in the Grants Management department',
    and(INT, DEPT('Grants Management')),
    add('Document Manager'),
  ],
  ['make everyone in the Finance department a Report Viewer', and(DEPT('Finance')), add('Report Viewer')],
  [
    'Give all external people at Sierra Nutrition Services the Report Submitter role',
    and(EXT, ORG('Sierra Nutrition Services')),
    add('Report Submitter'),
  ],
  [
    'people titled Grants Officer should get the Grants Officer role',
    and(TITLE('Grants Officer')),
    add('Grants Officer'),
  ],
  [
    'grant Executive Viewer to the people titled Executive Director',
    and(TITLE('Executive Director')),
    add('Executive Viewer'),
  ],
  ['please give Report Viewer to people who hold Grants Officer', and(HOLDS('Grants Officer')), add('Report Viewer')],
  ['Provide the Finance Officer role to everyone titled Accountant', and(TITLE('Accountant')), add('Finance Officer')],
  [
    'Everyone in the Executive Office department needs the Executive Viewer role',
    and(DEPT('Executive Office')),
    add('Executive Viewer'),
  ],
  [
    'let people at Delta Family Trust have the Grantee Finance Contact role',
    and(ORG('Delta Family Trust')),
    add('Grantee Finance Contact'),
  ],
  [
    'add the Report Submitter role for active external users at Aurora Health Coalition',
    and(STATUS('Active'), EXT, ORG('Aurora Health Coalition')),
    add('Report Submitter'),
  ],
  [
    'Give internal users without the Report Viewer role the Report Viewer role',
    and(INT, `NOT ${HOLDS('Report Viewer')}`),
    add('Report Viewer'),
  ],
  [
    'award Compliance Auditor to people titled Chief Financial Officer',
    and(TITLE('Chief Financial Officer')),
    add('Compliance Auditor'),
  ],
  // Removing a profile role.
  [
    'remove the Report Viewer role from people who have not logged in since June',
    and(NOT_SINCE('2026-06-01 00:00:00'), HOLDS('Report Viewer')),
    remove('Report Viewer'),
  ],
  [
    'revoke Help Desk from internal users in the Information Technology department',
    and(INT, DEPT('Information Technology'), HOLDS('Help Desk')),
    remove('Help Desk'),
  ],
  [
    'take Document Manager away from people who have not logged in for 90 days',
    and(NOT_SINCE(D90), HOLDS('Document Manager')),
    remove('Document Manager'),
  ],
  [
    'strip everyone at Aurora Health Coalition of the Report Submitter role',
    and(ORG('Aurora Health Coalition'), HOLDS('Report Submitter')),
    remove('Report Submitter'),
  ],
  [
    'Remove Grantee Portal User from inactive people',
    and(STATUS('Inactive'), HOLDS('Grantee Portal User')),
    remove('Grantee Portal User'),
  ],
  ['drop the Internal Staff role from external people', and(EXT, HOLDS('Internal Staff')), remove('Internal Staff')],
  [
    'people in the Finance department should no longer have Finance Officer',
    and(DEPT('Finance'), HOLDS('Finance Officer')),
    remove('Finance Officer'),
  ],
  [
    'Withdraw the Grantee Signing Authority role from people at Frontier Immigrant Trust',
    and(ORG('Frontier Immigrant Trust'), HOLDS('Grantee Signing Authority')),
    remove('Grantee Signing Authority'),
  ],
  [
    'remove the Report Submitter role from everyone who never logged in',
    and(NEVER, HOLDS('Report Submitter')),
    remove('Report Submitter'),
  ],
  [
    'revoke the Grants Officer role from people titled Grant Writer',
    and(TITLE('Grant Writer'), HOLDS('Grants Officer')),
    remove('Grants Officer'),
  ],
  ['Pull Legal Reviewer from everyone', and(HOLDS('Legal Reviewer')), remove('Legal Reviewer')],
  [
    'external people at Millbrook Film Project lose the Grantee Finance Contact role',
    and(EXT, ORG('Millbrook Film Project'), HOLDS('Grantee Finance Contact')),
    remove('Grantee Finance Contact'),
  ],
  ['remove Report Viewer from pending users', and(STATUS('Pending'), HOLDS('Report Viewer')), remove('Report Viewer')],
  [
    'I need to remove Help Desk from everyone in the Finance department',
    and(DEPT('Finance'), HOLDS('Help Desk')),
    remove('Help Desk'),
  ],
  [
    'rescind Grantee Portal User from people at Stonebridge Sports Association who never logged in',
    and(ORG('Stonebridge Sports Association'), NEVER, HOLDS('Grantee Portal User')),
    remove('Grantee Portal User'),
  ],
  // Program assignments.
  [
    `assign everyone in the Grants Management department to ${YDG} as Reviewer`,
    and(DEPT('Grants Management')),
    assign(YDG, 'Reviewer'),
  ],
  [
    `add the staff of Northgate Education Trust to ${DIF} as Applicant`,
    and(ORG('Northgate Education Trust')),
    assign(DIF, 'Applicant'),
  ],
  [`make people titled Researcher reviewers on ${FSE}`, and(TITLE('Researcher')), assign(FSE, 'Reviewer')],
  [
    `enroll people at Delta Family Trust in ${CEE} as Applicants`,
    and(ORG('Delta Family Trust')),
    assign(CEE, 'Applicant'),
  ],
  [
    `remove people at Sierra Nutrition Services from ${YDG}`,
    and(ORG('Sierra Nutrition Services'), ASSIGNED(null, YDG)),
    unassign(YDG, null),
  ],
  [`take external people off ${FSE}`, and(EXT, ASSIGNED(null, FSE)), unassign(FSE, null)],
  [
    'remove the Reviewer role from external people at Fairview Justice Society who have not logged in since June',
    and(EXT, ORG('Fairview Justice Society'), NOT_SINCE('2026-06-01 00:00:00'), ASSIGNED('Reviewer', null)),
    unassign(null, 'Reviewer'),
  ],
  [`unassign inactive people from ${DIF}`, and(STATUS('Inactive'), ASSIGNED(null, DIF)), unassign(DIF, null)],
  [
    `remove the Applicant role on ${YDG} from people who never logged in`,
    and(NEVER, ASSIGNED('Applicant', YDG)),
    unassign(YDG, 'Applicant'),
  ],
  [
    'revoke Reviewer from everyone at Horizon Refugee Initiative',
    and(ORG('Horizon Refugee Initiative'), ASSIGNED('Reviewer', null)),
    unassign(null, 'Reviewer'),
  ],
  [
    `put the people titled Program Coordinator on ${CEE} as Committee Member`,
    and(TITLE('Program Coordinator')),
    assign(CEE, 'Committee Member'),
  ],
  // Deactivating.
  ['deactivate the contacts of Delta Family Trust', and(ORG('Delta Family Trust')), DEACTIVATE],
  ['offboard everyone at Aurora Health Coalition', and(ORG('Aurora Health Coalition')), DEACTIVATE],
  ['disable the accounts of people who have not logged in for 90 days', and(NOT_SINCE(D90)), DEACTIVATE],
  ['deactivate everyone who never logged in', and(NEVER), DEACTIVATE],
  [
    'suspend external users at Stonebridge Sports Association',
    and(EXT, ORG('Stonebridge Sports Association')),
    DEACTIVATE,
  ],
  ['people at Ashford Water Network should be deactivated', and(ORG('Ashford Water Network')), DEACTIVATE],
  [
    'lock out pending users at Prairie Workforce Partnership',
    and(STATUS('Pending'), ORG('Prairie Workforce Partnership')),
    DEACTIVATE,
  ],
  ['off-board the whole Millbrook Housing Coalition', and(ORG('Millbrook Housing Coalition')), DEACTIVATE],
  ['cut off access for everyone at Elmwood Justice Council', and(ORG('Elmwood Justice Council')), DEACTIVATE],
  ['terminate the accounts of people titled Support Analyst', and(TITLE('Support Analyst')), DEACTIVATE],
  ['deactivate people in the Finance department with no role', and(DEPT('Finance'), `${ROLES} = 0`), DEACTIVATE],
  [
    'Deactivate external people who have not signed in since September',
    and(EXT, NOT_SINCE('2026-09-01 00:00:00')),
    DEACTIVATE,
  ],
  [
    'Could you deactivate the users at Hillcrest Wellness Foundation',
    and(ORG('Hillcrest Wellness Foundation')),
    DEACTIVATE,
  ],
  ['revoke all access for people at Ashford Literacy Foundation', and(ORG('Ashford Literacy Foundation')), DEACTIVATE],
  ['everyone at Northgate Health Trust is leaving', and(ORG('Northgate Health Trust')), DEACTIVATE],
  // Reactivating.
  ['reactivate inactive people in the Finance department', and(STATUS('Inactive'), DEPT('Finance')), REACTIVATE],
  [
    'restore access for inactive users at Sierra Nutrition Services',
    and(STATUS('Inactive'), ORG('Sierra Nutrition Services')),
    REACTIVATE,
  ],
  [
    'Re-enable the pending accounts at Frontier Immigrant Trust',
    and(STATUS('Pending'), ORG('Frontier Immigrant Trust')),
    REACTIVATE,
  ],
  [
    'set inactive people at Aurora Health Coalition to active',
    and(STATUS('Inactive'), ORG('Aurora Health Coalition')),
    REACTIVATE,
  ],
  // Access expiry.
  [
    'set the access expiry of external people at Aurora Health Coalition to 2026-12-31',
    and(EXT, ORG('Aurora Health Coalition')),
    { kind: 'set_expiry', date: '2026-12-31' },
  ],
  [
    'expire access for people at Delta Forest Collective on 2027-01-31',
    and(ORG('Delta Forest Collective')),
    { kind: 'set_expiry', date: '2027-01-31' },
  ],
  [
    'access for everyone at Northgate Health Trust should expire on 2027-03-31',
    and(ORG('Northgate Health Trust')),
    { kind: 'set_expiry', date: '2027-03-31' },
  ],
  [
    'clear the access expiry of people in the Finance department',
    and(DEPT('Finance')),
    { kind: 'set_expiry', date: '' },
  ],
  [
    'change the expiry date for external users at Heritage Disability League to 2027-06-30',
    and(EXT, ORG('Heritage Disability League')),
    { kind: 'set_expiry', date: '2027-06-30' },
  ],
  [
    'set access expiry to 2027-01-01 for everyone at Sierra Nutrition Services',
    and(ORG('Sierra Nutrition Services')),
    { kind: 'set_expiry', date: '2027-01-01' },
  ],
  [
    'Set the expiry date of all external accounts to December 31, 2026',
    and(EXT),
    { kind: 'set_expiry', date: '2026-12-31' },
  ],
  // More phrasings.
  [
    'take away Grants Officer from inactive users',
    and(STATUS('Inactive'), HOLDS('Grants Officer')),
    remove('Grants Officer'),
  ],
  [`remove all reviewers from ${YDG}`, and(ASSIGNED('Reviewer', YDG)), unassign(YDG, 'Reviewer')],
  [
    `remove everyone from ${FSE} who has not logged in for 90 days`,
    and(NOT_SINCE(D90), ASSIGNED(null, FSE)),
    unassign(FSE, null),
  ],
  [
    'remove program assignments from external people at Delta Family Trust',
    and(EXT, ORG('Delta Family Trust'), ASSIGNED(null, null)),
    unassign(null, null),
  ],
  [
    'Give the Grants Officer role to everyone titled Grants Officer who lacks it',
    and(TITLE('Grants Officer'), `NOT ${HOLDS('Grants Officer')}`),
    add('Grants Officer'),
  ],
  [
    'grant Report Viewer to people in Finance and Grants Management',
    and(`p.department IN ('Finance', 'Grants Management')`),
    add('Report Viewer'),
  ],
  [
    'Give people who hold Grants Officer the Document Manager role too',
    and(HOLDS('Grants Officer')),
    add('Document Manager'),
  ],
  [
    `add reviewers from the Grants Management department to ${DIF}`,
    and(DEPT('Grants Management')),
    assign(DIF, 'Reviewer'),
  ],
  ['offboard all external contacts at Fairview Justice Society', and(EXT, ORG('Fairview Justice Society')), DEACTIVATE],
  [
    'set the access expiry for people at Delta Family Trust to 31 March 2027',
    and(ORG('Delta Family Trust')),
    { kind: 'set_expiry', date: '2027-03-31' },
  ],
  // Department and title.
  [
    'move people titled Grants Assistant to the Grants Management department',
    and(TITLE('Grants Assistant')),
    { kind: 'set_department', department: 'Grants Management' },
  ],
  [
    'transfer everyone in the Information Technology department to Finance',
    and(DEPT('Information Technology')),
    { kind: 'set_department', department: 'Finance' },
  ],
  [
    'change the title of people titled Grant Writer to Senior Grant Writer',
    and(TITLE('Grant Writer')),
    { kind: 'set_title', title: 'Senior Grant Writer' },
  ],
  [
    'set the department of people titled Accountant to Finance',
    and(TITLE('Accountant')),
    { kind: 'set_department', department: 'Finance' },
  ],
];
