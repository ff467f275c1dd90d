/**
 * The plan model: what an operation may ask for (validated with zod, since the renderer and AI
 * suggestions both feed it), what a stored operation carries, and the plan's life cycle.
 */
import { z } from 'zod';
import { ACCESS_TYPES, USER_STATUSES, USER_TYPES } from '../smartsimple/protocol';

export const OPERATION_KINDS = [
  'create_person',
  'update_fields',
  'add_role',
  'remove_role',
  'add_assignment',
  'remove_assignment',
  'set_access',
  'deactivate',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Kinds written through the user record (one full-replace update per person). */
export const USER_RECORD_KINDS: ReadonlySet<OperationKind> = new Set([
  'update_fields',
  'add_role',
  'remove_role',
  'set_access',
  'deactivate',
]);
/** Kinds written through Associations-Update (UTA roles on programs). */
export const ASSOCIATION_KINDS: ReadonlySet<OperationKind> = new Set(['add_assignment', 'remove_assignment']);

export const PLAN_STATES = [
  'draft',
  'in_review',
  'approved',
  'applying',
  'applied',
  'partially_applied',
  'failed',
  'discarded',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];
/** States in which a plan still may change what it will do (and so counts as "open"). */
export const OPEN_STATES: readonly PlanState[] = ['draft', 'in_review', 'approved', 'applying'];
export const EDITABLE_STATES: readonly PlanState[] = ['draft', 'in_review', 'approved'];

export const PLAN_ORIGINS = ['manual', 'csv', 'filter', 'ai', 'undo', 'onboarding', 'review'] as const;
export type PlanOrigin = (typeof PLAN_ORIGINS)[number];

export type Risk = 'low' | 'medium' | 'high';
export type RiskReason =
  | 'privileged-role'
  | 'admin-access'
  | 'reactivates-privileged'
  | 'removes-privileged-role'
  | 'unclassified-role'
  | 'external-person'
  | 'login-identity'
  | 'offboarding'
  | 'new-person'
  | 'bulk';

export type OperationSource = 'admin' | 'ai';

/**
 * Person fields an `update_fields` operation may set: the ones the mirror keeps in columns, so
 * every change has a known "before" to compare with at apply time. Access fields have their own
 * operation (set_access), roles theirs.
 */
export const EDITABLE_FIELDS = [
  'sf_First Name',
  'sf_Last Name',
  'sf_Email',
  'sf_Title',
  'sf_Phone',
  'cf_Department',
  'cf_Manager ID',
  'sf_Access Expiry',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const id = z.number().int().positive();
const accessType = z.enum(Object.values(ACCESS_TYPES) as [string, ...string[]]);
const userType = z.enum(Object.values(USER_TYPES) as [string, ...string[]]);
const status = z.enum(USER_STATUSES);

const common = {
  source: z.enum(['admin', 'ai']).default('admin'),
  /** The AI suggestion this came from, when there is one. */
  aiSuggestionId: z.string().min(1).max(120).optional(),
};

export const operationInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('create_person'),
      fields: z
        .object({
          'sf_First Name': z.string().min(1).max(255),
          'sf_Last Name': z.string().min(1).max(255),
          sf_Email: z.string().email().max(255),
          'sf_Company ID': z.string().regex(/^\d{1,15}$/),
          sf_Title: z.string().max(255).optional(),
          sf_Phone: z.string().max(255).optional(),
          cf_Department: z.string().max(255).optional(),
          'sf_Access Type': accessType.optional(),
          'sf_User Type': userType.optional(),
          sf_Status: status.optional(),
        })
        .strict(),
      roleIds: z.array(id).max(100).default([]),
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('update_fields'),
      personId: id,
      fields: z.partialRecord(z.enum(EDITABLE_FIELDS), z.string().max(255)),
      ...common,
    })
    .strict(),
  z.object({ kind: z.literal('add_role'), personId: id, roleId: id, ...common }).strict(),
  z.object({ kind: z.literal('remove_role'), personId: id, roleId: id, ...common }).strict(),
  z.object({ kind: z.literal('add_assignment'), personId: id, programId: id, roleId: id, ...common }).strict(),
  z.object({ kind: z.literal('remove_assignment'), personId: id, programId: id, roleId: id, ...common }).strict(),
  z
    .object({
      kind: z.literal('set_access'),
      personId: id,
      accessType: accessType.optional(),
      userType: userType.optional(),
      status: status.optional(),
      ...common,
    })
    .strict()
    .refine(
      (v) => v.accessType !== undefined || v.userType !== undefined || v.status !== undefined,
      'set_access needs accessType, userType or status',
    ),
  z.object({ kind: z.literal('deactivate'), personId: id, ...common }).strict(),
]);
export type OperationInput = z.input<typeof operationInputSchema>;
export type ParsedOperationInput = z.output<typeof operationInputSchema>;

/** Wire field -> value, `null` for empty; what before/after hold. */
export type FieldMap = Record<string, string | null>;

/** An operation as stored and shown. */
export interface Operation {
  id: number;
  planId: string;
  seq: number;
  kind: OperationKind;
  /** null for create_person until it is applied (the journal then has the new id). */
  personId: number | null;
  /** The input, minus source fields (kind-specific). */
  params: Record<string, unknown>;
  /** The touched wire fields at planning time; `UTA <program>:<role>` keys for assignments ("1"/"0"). */
  before: FieldMap;
  after: FieldMap;
  risk: Risk;
  riskReasons: RiskReason[];
  /** Grants privilege: needs its own explicit approval. */
  privileged: boolean;
  source: OperationSource;
  aiSuggestionId: string | null;
  approval: { by: string; at: string; scope: 'operation' | 'plan' | 'import' } | null;
  /** One line for lists: "Add profile role Grants Officer". */
  summary: string;
  createdAt: string;
  updatedAt: string;
}

export interface Plan {
  id: string;
  instanceId: string;
  title: string;
  description: string;
  state: PlanState;
  origin: PlanOrigin;
  undoOf: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  appliedBy: string | null;
  applyStartedAt: string | null;
  applyFinishedAt: string | null;
  result: ApplySummary | null;
}

export interface PlanSummary extends Plan {
  operations: number;
  people: number;
  approved: number;
  privileged: number;
}

export interface PlanWithOperations extends Plan {
  operations: Operation[];
}

export type JournalState = 'pending' | 'sending' | 'sent' | 'unknown' | 'verified' | 'failed' | 'skipped_drift';

/** What an apply run leaves on the plan. */
export interface ApplySummary {
  verified: number;
  failed: number;
  skippedDrift: number;
  pending: number;
  /** SmartConnect calls made by apply runs of this plan (all resumes). */
  calls: number;
  /** Apply runs after the first (resumes after a crash, quit, cancel or failure). */
  resumes: number;
  transactions: { written: number; failed: number; unknown: number };
  /** The failure that stopped the last run, when it did not finish. */
  stoppedBy?: string;
}

/** Who acts. The AI never approves; `actor` names an administrator. */
export const actorSchema = z.string().trim().min(1).max(120);

/** The roles catalogue as planning needs it (from the mirror). */
export interface RoleInfo {
  id: number;
  name: string;
  utaOnly: boolean;
  /** The administrator's flag; null when not decided yet. */
  privileged: boolean | null;
}
