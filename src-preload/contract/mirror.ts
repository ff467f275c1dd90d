/**
 * The mirror as the browse screens read it: people (search and one person's page), the
 * organization tree, roles with the administrator's privileged flag, programs and their
 * assignments. Main's query functions return these shapes.
 */
import { z } from 'zod';
import { channel, idSchema as id, type DownloadText } from './wire';
import { peopleColumnsSchema, peopleSortSchema } from './people-list';

/** A record id of the instance as the mirror keeps it. */
const mirrorId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const wireDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, 'a date like 2026-01-31 or 2026-01-31 09:00:00');

export const peopleFiltersSchema = z
  .object({
    roleId: mirrorId.optional(),
    organizationId: mirrorId.optional(),
    includeSubOrganizations: z.boolean().optional(),
    accessType: z.string().max(20).optional(),
    status: z.string().max(60).optional(),
    isExternal: z.boolean().optional(),
    department: z.string().max(200).optional(),
    lastLogin: z
      .object({ before: wireDate.optional(), after: wireDate.optional(), never: z.boolean().optional() })
      .strict()
      .optional(),
    includeRemoved: z.boolean().optional(),
  })
  .strict();
export type PeopleFiltersInput = z.input<typeof peopleFiltersSchema>;

// ---------- people ----------

/** A person as the People table shows one. */
export interface PersonRow {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  title: string | null;
  companyId: number | null;
  organization: string | null;
  isExternal: boolean;
  accessType: string | null;
  userType: string | null;
  status: string | null;
  department: string | null;
  lastLogin: string | null;
  lastUpdated: string | null;
  removed: boolean;
}

/** One page of a people search. */
export interface SearchPeopleResult {
  rows: PersonRow[];
  /** Matches in all (for the virtualized table's height). */
  total: number;
}

/** A profile role a person holds. */
export interface PersonRole {
  id: number;
  name: string | null;
  privileged: boolean | null;
  utaOnly: boolean;
}

/** A person's UTA role on a program. */
export interface PersonProgram {
  associationId: number;
  programId: number;
  programName: string | null;
  roleId: number;
  roleName: string | null;
}

/** An organization named on a path (root first). */
export interface OrganizationRef {
  id: number;
  name: string;
}

/** One login session from the mirrored log. */
export interface LoginSessionRow {
  sessionId: number;
  personId: number;
  startedAt: string;
  endedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** One access change from the mirrored log. */
export interface AccessEventRow {
  eventId: number;
  personId: number;
  action: string;
  detail: string | null;
  changedBy: number | null;
  changedByName: string | null;
  at: string;
}

/** Raw fields that hold a person's id (who created or last updated a record, a manager). */
export const PERSON_ID_FIELD = /(Created|Updated) By$|Manager ID$/;

/** Everything the person page shows. */
export interface PersonDetail extends PersonRow {
  phone: string | null;
  accessExpiry: string | null;
  managerId: number | null;
  managerName: string | null;
  created: string | null;
  /** Every field the server sent, custom fields included. */
  raw: Record<string, string | null>;
  /** Names of the people whose ids the raw fields hold (PERSON_ID_FIELD), by id. */
  peopleNamed: Record<string, string>;
  roles: PersonRole[];
  programs: PersonProgram[];
  /** Root first. */
  organizationPath: OrganizationRef[];
  recentLogins: LoginSessionRow[];
  accessChanges: AccessEventRow[];
}

// ---------- organizations ----------

/** One organization of the tree, with its people counted. */
export interface OrganizationNode {
  id: number;
  parentId: number | null;
  name: string;
  isExternal: boolean;
  status: string | null;
  /** People directly in it. */
  people: number;
  /** People in it and everything under it. */
  totalPeople: number;
  removed: boolean;
  children: OrganizationNode[];
}

// ---------- roles ----------

/** A role of the catalogue with holder counts and the administrator's privileged flag. */
export interface RoleRow {
  id: number;
  name: string;
  description: string;
  utaOnly: boolean;
  /** The administrator's decision; null = not decided yet. */
  privileged: boolean | null;
  privilegedSetAt: string | null;
  /** People holding it on their profile. */
  holders: number;
  /** UTA assignments on programs with it. */
  assignments: number;
  /** Why it looks privileged (empty when nothing suggests it). */
  suggestedReasons: string[];
  removed: boolean;
  /** With `withDepartments`: the departments of its holders, most first. */
  departments?: RoleDepartment[];
}

export interface RoleDepartment {
  department: string | null;
  holders: number;
}

export interface RoleDetail extends RoleRow {
  departments: RoleDepartment[];
}

/** An undecided role that looks privileged, with the reasons to show beside it. */
export interface PrivilegeSuggestion {
  roleId: number;
  name: string;
  reasons: string[];
  holders: number;
}

// ---------- programs ----------

export interface ProgramRow {
  id: number;
  name: string;
  status: string | null;
  type: string | null;
  ownerId: number | null;
  ownerName: string | null;
  /** Live assignments, and the distinct people they name. */
  assignments: number;
  people: number;
  removed: boolean;
}

export interface ProgramAssignmentRow {
  associationId: number;
  programId: number;
  personId: number;
  personName: string | null;
  roleId: number;
  roleName: string | null;
}

/** A department named on live people of the mirror, with how many. */
export interface DepartmentRow {
  name: string;
  people: number;
}

export const mirrorChannels = {
  /** People in the mirror: search by name, e-mail or organization, with filters; paged. */
  'people:search': channel<SearchPeopleResult>()({
    input: z
      .object({
        instanceId: id,
        query: z.string().max(200).optional(),
        filters: peopleFiltersSchema.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        /** Without it: by last and first name. */
        sort: peopleSortSchema.optional(),
      })
      .strict(),
    reads: ['mirror'],
  }),
  /**
   * Every person the search matches (not only the rows loaded), in the list's order, with the
   * columns asked for, as a CSV whose cells a spreadsheet cannot take for formulas.
   */
  'people:exportCsv': channel<DownloadText>()({
    input: z
      .object({
        instanceId: id,
        query: z.string().max(200).optional(),
        filters: peopleFiltersSchema.optional(),
        sort: peopleSortSchema.optional(),
        columns: peopleColumnsSchema,
      })
      .strict(),
    reads: ['mirror'],
  }),
  /** One person: roles, programs, organization path, recent logins and access changes. */
  'people:get': channel<PersonDetail>()({
    input: z.object({ instanceId: id, personId: mirrorId }).strict(),
    reads: ['mirror'],
  }),
  'organizations:tree': channel<OrganizationNode[]>()({
    input: z.object({ instanceId: id }).strict(),
    reads: ['mirror'],
  }),
  'roles:list': channel<RoleRow[]>()({ input: z.object({ instanceId: id }).strict(), reads: ['mirror'] }),
  'roles:get': channel<RoleDetail>()({
    input: z.object({ instanceId: id, roleId: mirrorId }).strict(),
    reads: ['mirror'],
  }),
  /** The administrator marks a role privileged (true), not privileged (false) or undecided (null). */
  'roles:setPrivileged': channel<RoleRow>()({
    input: z.object({ instanceId: id, roleId: mirrorId, privileged: z.boolean().nullable() }).strict(),
    writes: ['mirror', 'audit'],
  }),
  /** Undecided roles that look privileged, with the reasons. */
  'roles:suggestPrivileged': channel<PrivilegeSuggestion[]>()({
    input: z.object({ instanceId: id }).strict(),
    reads: ['mirror'],
  }),
  'programs:list': channel<ProgramRow[]>()({ input: z.object({ instanceId: id }).strict(), reads: ['mirror'] }),
  /** Every department named on a live person of the mirror, by name, with how many people are in it. */
  'departments:list': channel<DepartmentRow[]>()({
    input: z.object({ instanceId: id }).strict(),
    reads: ['mirror'],
  }),
  'programs:assignments': channel<ProgramAssignmentRow[]>()({
    input: z.object({ instanceId: id, programId: mirrorId }).strict(),
    reads: ['mirror'],
  }),
} as const;
