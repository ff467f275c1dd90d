/**
 * Lifecycle templates on the wire: guided forms that end in a draft plan. A program roster (a
 * list of reviewers resolved against the mirror, the program's UTA role added, optionally the
 * roster made exactly the list), a mover (a new department or title: the new peer group's typical
 * roles proposed k of n, the untypical ones proposed for removal), and a leaver or a whole
 * organization offboarded (deactivated, roles and program assignments removed, what must not be
 * orphaned transferred to a successor). Each operation of the plan says why it is there.
 */
import { z } from 'zod';
import { channel } from './wire';
import { planIdSchema, planInstanceIdSchema as instanceId } from './plans-inputs';
import type { PeerGroup } from './onboarding';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

/** A list of people: a CSV or XLSX file (base64), or names and e-mails pasted one a line. */
export const rosterSourceSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    /** CSV or pasted text. */
    text: z.string().max(2_000_000).optional(),
    /** An XLSX workbook's bytes. */
    base64: z.string().max(14_000_000).optional(),
  })
  .strict()
  .refine((s) => (s.text === undefined) !== (s.base64 === undefined), 'give the list as text or as a file, not both');

export const rosterRowSchema = z
  .object({
    line: z.number().int().min(1),
    firstName: text(255).min(1),
    lastName: text(255).min(1),
    email: z.string().trim().email().max(255),
    /** The person it is (same, or the administrator's pick among the candidates); null creates a new one. */
    personId: id.nullable(),
    /** For a new person: the organization they go in (default: the form's). */
    organizationId: id.optional(),
    /** The resolution suggestion this row came from, decided with the plan. */
    suggestionId: z.string().min(1).max(120).optional(),
    /** The administrator chose the person (a 'review' row, or changed the engine's answer). */
    picked: z.boolean().optional(),
  })
  .strict();
export type RosterRowInput = z.infer<typeof rosterRowSchema>;

const offboardTarget = {
  instanceId,
  /** The people leaving. */
  personIds: z.array(id).max(5000).optional(),
  /** Or everyone of an organization (and of the organizations under it when asked). */
  organizationId: id.optional(),
  includeSubOrganizations: z.boolean().optional(),
  /** Who takes over what must not be left orphaned; absent: one is proposed from peers. */
  successorId: id.optional(),
};

export type RosterOutcome = 'same' | 'review' | 'new' | 'error';

export interface RosterCandidate {
  personId: number;
  name: string;
  email: string;
  organization: string | null;
  score: number;
  reasons: string[];
}

export interface RosterRowView {
  /** The row's line in the file (the header is line 1), or the pasted line. */
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  organization: string | null;
  outcome: RosterOutcome;
  /** What is wrong with the row, in words (outcome 'error'). */
  error: string | null;
  personId: number | null;
  explanation: string;
  candidates: RosterCandidate[];
  /** Already holds the program role. */
  holds: boolean;
  suggestionId: string | null;
}

export interface RosterPreview {
  program: { id: number; name: string };
  role: { id: number; name: string };
  rows: RosterRowView[];
  /** Who holds the role on the program now (the exact roster removes those not on the list). */
  holders: { personId: number; name: string; email: string }[];
  counts: Record<RosterOutcome, number>;
  /** Columns of the file that were not read. */
  ignoredColumns: string[];
}

export interface RoleSuggestion {
  roleId: number;
  roleName: string;
  /** k of n peers hold it. */
  holders: number;
  peers: number;
  reason: string;
  privileged: boolean;
}

export interface MoverProposal {
  person: {
    id: number;
    name: string;
    email: string;
    organization: string | null;
    department: string | null;
    title: string | null;
  };
  to: { department: string | null; title: string | null };
  peerGroup: PeerGroup;
  add: RoleSuggestion[];
  remove: RoleSuggestion[];
  /** The suggestions recorded for the additions and the removals (decided with the plan). */
  suggestionIds: { add: string | null; remove: string | null };
}

export interface OffboardPerson {
  personId: number;
  name: string;
  email: string;
  organization: string | null;
  active: boolean;
  roles: string[];
  assignments: number;
  /** People whose manager they are. */
  reports: number;
}

export interface OffboardTransfer {
  kind: 'program_role' | 'manager';
  fromId: number;
  fromName: string;
  /** program_role: the program and role the successor is given. */
  programId: number | null;
  programName: string | null;
  roleId: number | null;
  roleName: string | null;
  /** manager: the person whose manager becomes the successor. */
  personId: number | null;
  personName: string | null;
  why: string;
}

export interface SuccessorChoice {
  personId: number;
  name: string;
  email: string;
  reason: string;
  /** Proposed from peers (not named by the administrator). */
  proposed: boolean;
  suggestionId: string | null;
}

export interface OffboardProposal {
  people: OffboardPerson[];
  transfers: OffboardTransfer[];
  successor: SuccessorChoice | null;
  /** Other people who could take over, with why. */
  candidates: SuccessorChoice[];
  /** Said when a transfer has no one to go to, or a named successor is leaving too. */
  problems: string[];
}

export interface TemplateOperation {
  operationId: number;
  personId: number | null;
  summary: string;
  /** The template step it comes from ("roster row 4", "transfer"). */
  step: string;
  /** Why it is there, with its figure when it has one ("9 of 12 peers hold it"). */
  reason: string;
  source: 'admin' | 'ai';
}

export interface TemplatePlanResult {
  planId: string;
  title: string;
  operations: TemplateOperation[];
  rejected: { message: string }[];
  /** What still needs doing after this plan (program roles of people the plan creates). */
  followUp: string | null;
}

export interface OperationReason {
  operationId: number;
  template: string;
  step: string;
  reason: string;
}

export const lifecycleTemplatesChannels = {
  /** Reads a roster and resolves each row against the mirror (same / review / new); nothing is written but the suggestions. */
  'lifecycle:rosterRead': channel<RosterPreview>()({
    input: z.object({ instanceId, programId: id, roleId: id, source: rosterSourceSchema }).strict(),
    reads: ['mirror'],
    writes: ['ai'],
    maxInputBytes: 16_000_000,
  }),
  /** A draft plan from the decided rows: new people created, the role added, and with `exact` the others removed. */
  'lifecycle:rosterPlan': channel<TemplatePlanResult>()({
    input: z
      .object({
        instanceId,
        programId: id,
        roleId: id,
        rows: z.array(rosterRowSchema).min(1).max(5000),
        exact: z.boolean(),
        /** Where new people go when their row names no organization. */
        organizationId: id.optional(),
        title: text(200).min(1).optional(),
      })
      .strict(),
    writes: ['plans', 'audit', 'ai'],
    maxInputBytes: 2_000_000,
  }),
  'lifecycle:mover': channel<MoverProposal>()({
    input: z
      .object({ instanceId, personId: id, department: text(255).optional(), title: text(255).optional() })
      .strict(),
    reads: ['mirror'],
    writes: ['ai'],
  }),
  'lifecycle:moverPlan': channel<TemplatePlanResult>()({
    input: z
      .object({
        instanceId,
        personId: id,
        department: text(255).optional(),
        title: text(255).optional(),
        addRoleIds: z.array(id).max(200),
        removeRoleIds: z.array(id).max(200),
        /** The preview's suggestions (MoverProposal.suggestionIds), decided with the plan. */
        suggestionIds: z
          .object({ add: z.string().min(1).max(120).nullable(), remove: z.string().min(1).max(120).nullable() })
          .partial()
          .strict()
          .optional(),
      })
      .strict(),
    writes: ['plans', 'audit', 'ai'],
  }),
  'lifecycle:offboard': channel<OffboardProposal>()({
    input: z.object(offboardTarget).strict(),
    reads: ['mirror'],
    writes: ['ai'],
  }),
  'lifecycle:offboardPlan': channel<TemplatePlanResult>()({
    input: z
      .object({
        ...offboardTarget,
        /** The preview's proposed successor, when it is the one kept. */ successorSuggestionId: z
          .string()
          .min(1)
          .max(120)
          .optional(),
      })
      .strict(),
    writes: ['plans', 'audit', 'ai'],
  }),
  /** Why each operation of a plan a template built is there. */
  'lifecycle:templateReasons': channel<OperationReason[]>()({
    input: z.object({ planId: planIdSchema }).strict(),
    reads: ['plans'],
  }),
};
