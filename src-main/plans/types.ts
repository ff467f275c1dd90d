/**
 * The plan model: what an operation may ask for (validated with zod, since the renderer and AI
 * suggestions both feed it), what a stored operation carries, and the plan's life cycle.
 */
import { z } from 'zod';
import { ACCESS_TYPES, USER_STATUSES, USER_TYPES } from '../smartsimple/protocol';
import type {
  ApplySummary,
  FieldMap,
  JournalState,
  Operation,
  OperationKind,
  OperationSource,
  Plan,
  PlanOrigin,
  PlanState,
  PlanSummary,
  PlanWithOperations,
  Risk,
  RiskReason,
} from '../../src-preload/contract';
import {
  OPERATION_KIND_NAMES as OPERATION_KINDS,
  PLAN_ORIGINS,
  PLAN_STATES,
  checkProfileFields,
} from '../../src-preload/contract';

export type {
  ApplySummary,
  FieldMap,
  JournalState,
  Operation,
  OperationKind,
  OperationSource,
  Plan,
  PlanOrigin,
  PlanState,
  PlanSummary,
  PlanWithOperations,
  Risk,
  RiskReason,
};
export { OPERATION_KINDS, PLAN_ORIGINS, PLAN_STATES };

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

/** States in which a plan still may change what it will do (and so counts as "open"). */
export const OPEN_STATES: readonly PlanState[] = ['draft', 'in_review', 'approved', 'applying'];
export const EDITABLE_STATES: readonly PlanState[] = ['draft', 'in_review', 'approved'];

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
      fields: z.partialRecord(z.enum(EDITABLE_FIELDS), z.string().max(255)).superRefine(checkProfileFields),
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
      /** The access expiry day (`YYYY-MM-DD`); an empty string clears it. */
      expiresOn: z
        .string()
        .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'an expiry date is a day written YYYY-MM-DD')
        .optional(),
      ...common,
    })
    .strict()
    .refine(
      (v) =>
        v.accessType !== undefined || v.userType !== undefined || v.status !== undefined || v.expiresOn !== undefined,
      'set_access needs accessType, userType, status or expiresOn',
    ),
  z.object({ kind: z.literal('deactivate'), personId: id, ...common }).strict(),
]);
export type OperationInput = z.input<typeof operationInputSchema>;
export type ParsedOperationInput = z.output<typeof operationInputSchema>;

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
