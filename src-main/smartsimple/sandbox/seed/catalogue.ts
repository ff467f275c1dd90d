/**
 * The shape of the simulated foundation: departments with their titles, and the profile roles
 * each title usually holds. Holdings follow these templates with noise (roles.ts), which is what
 * lets the app recommend roles from similar people and spot someone holding what peers do not.
 */

/** Roles a title holds: `core` by almost everyone with it, `optional` by a fair share. */
export interface TitleTemplate {
  title: string;
  weight: number;
  core: readonly string[];
  optional: readonly string[];
}

export interface DepartmentSpec {
  name: string;
  /** Share of the staff. */
  weight: number;
  head: TitleTemplate;
  /** Title of a team lead when the department is split into teams. */
  lead: TitleTemplate;
  members: readonly TitleTemplate[];
}

const t = (title: string, weight: number, core: string[], optional: string[] = []): TitleTemplate => ({
  title,
  weight,
  core,
  optional,
});

/** In order of importance: a small instance gets the first few. */
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Executive Office',
    weight: 0.03,
    head: t('Chief Executive Officer', 1, ['Executive Viewer', 'Report Viewer']),
    lead: t('Chief of Staff', 1, ['Executive Viewer'], ['Report Viewer']),
    members: [t('Executive Assistant', 1, ['Executive Viewer'], ['Document Manager'])],
  },
  {
    name: 'Grants Management',
    weight: 0.3,
    head: t('Director of Grants', 1, ['Grants Director', 'Grants Officer', 'Report Viewer']),
    lead: t('Grants Manager', 1, ['Grants Officer', 'Grants Director'], ['Report Viewer']),
    members: [
      t('Grants Officer', 6, ['Grants Officer'], ['Report Viewer', 'Document Manager']),
      t('Grants Assistant', 2, ['Document Manager'], ['Report Viewer']),
    ],
  },
  {
    name: 'Finance',
    weight: 0.12,
    head: t('Chief Financial Officer', 1, ['Finance Approver', 'Payment Approver', 'Finance Officer']),
    lead: t('Finance Manager', 1, ['Finance Officer', 'Finance Approver'], ['Report Viewer']),
    members: [
      t('Accountant', 5, ['Finance Officer'], ['Payment Processor', 'Report Viewer']),
      t('Payments Specialist', 2, ['Payment Processor', 'Finance Officer'], ['Report Viewer']),
    ],
  },
  {
    name: 'Information Technology',
    weight: 0.08,
    head: t('IT Director', 1, ['System Administrator', 'Global User Administrator', 'Help Desk']),
    lead: t('IT Manager', 1, ['Help Desk', 'System Administrator']),
    members: [
      t('Support Analyst', 4, ['Help Desk'], ['Report Viewer']),
      t('Systems Administrator', 1, ['System Administrator', 'Help Desk']),
    ],
  },
  {
    name: 'Programs',
    weight: 0.25,
    head: t('Director of Programs', 1, ['Program Director', 'Program Officer', 'Report Viewer']),
    lead: t('Program Team Lead', 1, ['Program Officer', 'Program Director'], ['Report Viewer']),
    members: [
      t('Program Officer', 6, ['Program Officer'], ['Report Viewer', 'Evaluation Viewer']),
      t('Program Associate', 3, ['Program Officer'], ['Document Manager']),
    ],
  },
  {
    name: 'Compliance',
    weight: 0.05,
    head: t('Compliance Director', 1, ['Compliance Auditor', 'Report Viewer']),
    lead: t('Compliance Manager', 1, ['Compliance Auditor'], ['Report Viewer']),
    members: [t('Compliance Analyst', 1, ['Compliance Auditor'], ['Report Viewer'])],
  },
  {
    name: 'Communications',
    weight: 0.04,
    head: t('Communications Director', 1, ['Communications Editor', 'Report Viewer']),
    lead: t('Communications Manager', 1, ['Communications Editor']),
    members: [t('Communications Specialist', 1, ['Communications Editor'], ['Document Manager'])],
  },
  {
    name: 'Evaluation & Learning',
    weight: 0.04,
    head: t('Director of Evaluation', 1, ['Evaluation Analyst', 'Report Viewer']),
    lead: t('Evaluation Manager', 1, ['Evaluation Analyst'], ['Report Viewer']),
    members: [t('Evaluation Analyst', 1, ['Evaluation Analyst'], ['Evaluation Viewer', 'Report Viewer'])],
  },
  {
    name: 'Human Resources',
    weight: 0.03,
    head: t('HR Director', 1, ['HR Coordinator', 'Report Viewer']),
    lead: t('HR Manager', 1, ['HR Coordinator']),
    members: [t('HR Generalist', 1, ['HR Coordinator'])],
  },
  {
    name: 'Legal',
    weight: 0.02,
    head: t('General Counsel', 1, ['Legal Reviewer', 'Report Viewer']),
    lead: t('Senior Counsel', 1, ['Legal Reviewer']),
    members: [t('Paralegal', 1, ['Legal Reviewer'], ['Document Manager'])],
  },
  {
    name: 'Development',
    weight: 0.02,
    head: t('Development Director', 1, ['Development Officer', 'Report Viewer']),
    lead: t('Development Manager', 1, ['Development Officer']),
    members: [t('Development Officer', 1, ['Development Officer'], ['Report Viewer'])],
  },
  {
    name: 'Operations',
    weight: 0.02,
    head: t('Operations Director', 1, ['Operations Coordinator', 'Report Viewer']),
    lead: t('Operations Manager', 1, ['Operations Coordinator']),
    members: [t('Operations Coordinator', 1, ['Operations Coordinator'], ['Document Manager'])],
  },
];

/** The API service account's place; it holds no roles (access comes from API Access). */
export const API_USER_TITLE = 'Integration Service Account';

/** Every internal person holds this one. */
export const INTERNAL_BASE_ROLE = 'Internal Staff';
/** External people's roles by title; everyone external holds the portal role. */
export const EXTERNAL_BASE_ROLE = 'Grantee Portal User';
export const EXTERNAL_TEMPLATES: Readonly<Record<string, { core: readonly string[]; optional: readonly string[] }>> = {
  'Executive Director': { core: ['Grantee Signing Authority'], optional: [] },
  'Finance Officer': { core: ['Grantee Finance Contact'], optional: ['Report Submitter'] },
  'Program Coordinator': { core: [], optional: ['Report Submitter'] },
  'Development Manager': { core: [], optional: ['Report Submitter'] },
};

export const PRIVILEGED_ROLES = [
  'System Administrator',
  'Global User Administrator',
  'Finance Approver',
  'Payment Approver',
] as const;
/** UTA-only roles: the parts a contact plays on one program record. */
export const UTA_ROLES = ['Applicant', 'Reviewer', 'Program Manager'] as const;

/** Roles that exist in larger instances without belonging to a template. */
const SECONDARY_ROLES = [
  'Committee Member',
  'Board Member',
  'Data Analyst',
  'Auditor (Read Only)',
  'Workflow Designer',
  'Budget Reviewer',
  'Form Designer',
  'Email Template Editor',
  'Vendor Manager',
  'Records Manager',
];
export const SECONDARY_UTA_ONLY = new Set(['Committee Member']);

const GENERATED_AREAS = [
  'Arts & Culture',
  'Health',
  'Education',
  'Environment',
  'Housing',
  'Youth',
  'Research',
  'Capital',
  'Emergency',
  'Scholarship',
  'Community',
  'Fellowship',
  'Regional',
  'Partnership',
  'Innovation',
  'Equity',
  'Rural',
  'Urban',
  'Workforce',
  'Science',
  'Heritage',
  'Wellness',
  'Climate',
  'Digital',
  'Family',
  'Justice',
  'Nutrition',
  'Veterans',
  'Literacy',
  'Wildlife',
];
const GENERATED_FUNCTIONS = [
  'Viewer',
  'Editor',
  'Coordinator',
  'Approver',
  'Analyst',
  'Reviewer Lead',
  'Intake Clerk',
  'Reporting',
  'Budget Lead',
  'Liaison',
];

/**
 * Role names in catalogue order, `count` of them: privileged and UTA roles first, then the roles
 * the departments of this instance use, then secondary ones, then generated "<area> <function>"
 * roles (a 100,000-person benchmark wants ~300 roles).
 */
export function roleNames(count: number, departmentCount: number): string[] {
  const names: string[] = [];
  const add = (name: string): void => {
    if (!names.includes(name)) names.push(name);
  };
  [...PRIVILEGED_ROLES, ...UTA_ROLES, INTERNAL_BASE_ROLE, EXTERNAL_BASE_ROLE].forEach(add);
  const usedBy = (specs: readonly DepartmentSpec[]): void => {
    for (const d of specs) for (const tt of [d.head, d.lead, ...d.members]) [...tt.core, ...tt.optional].forEach(add);
  };
  usedBy(DEPARTMENTS.slice(0, departmentCount));
  for (const tpl of Object.values(EXTERNAL_TEMPLATES)) [...tpl.core, ...tpl.optional].forEach(add);
  usedBy(DEPARTMENTS.slice(departmentCount));
  SECONDARY_ROLES.forEach(add);
  outer: for (const fn of GENERATED_FUNCTIONS) {
    for (const area of GENERATED_AREAS) {
      if (names.length >= count) break outer;
      add(`${area} ${fn}`);
    }
  }
  // Past the word lists (a stress test asking for more): plainly numbered custom roles.
  while (names.length < count) add(`Custom Role ${names.length + 1}`);
  return names.slice(0, count);
}
