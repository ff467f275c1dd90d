/**
 * Input schemas of the plans and audit-trail channels. Kept apart from the channels (plans.ts) so
 * each file stays readable; this imports zod and nothing else.
 *
 * These schemas bound sizes and shapes at the door. The plans backend validates operations once
 * more against the mirror (a role that exists, a person who does), so the enums here are loose
 * where the backend owns the vocabulary (access types, editable fields).
 */
import { z } from 'zod';

const planId = z.string().min(1).max(64);
const instanceId = z.string().min(1).max(64);
const recordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().trim().max(60);
/** An access expiry day, `YYYY-MM-DD`; an empty string clears it. */
const expiryDay = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Write the expiry date as YYYY-MM-DD (or leave it empty).');

/** What an operation does; main's planner and apply know each kind. */
export const OPERATION_KIND_NAMES = [
  'create_person',
  'update_fields',
  'add_role',
  'remove_role',
  'add_assignment',
  'remove_assignment',
  'set_access',
  'deactivate',
] as const;

/** Fields an update may name: bounded in count and size; the backend keeps the list of editable ones. */
const fieldMap = z
  .record(z.string().min(1).max(60), z.string().max(255))
  .refine((m) => Object.keys(m).length <= 20, 'at most 20 fields');

/**
 * Profile fields an update sets: a name or an e-mail may change but not be emptied, and an e-mail
 * must be one. Field -> the problem, in words; empty when all is well. The person form checks
 * with it before sending, the contract and the planner at the door.
 */
export function profileFieldProblems(fields: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const required: [string, string][] = [
    ['sf_First Name', 'A first name cannot be emptied; write the new one.'],
    ['sf_Last Name', 'A last name cannot be emptied; write the new one.'],
    ['sf_Email', 'An e-mail address cannot be emptied; write the new one.'],
  ];
  for (const [field, message] of required) if (fields[field]?.trim() === '') out[field] = message;
  const email = fields['sf_Email']?.trim();
  if (email && !z.email().safeParse(email).success) out['sf_Email'] = `"${email}" is not an e-mail address.`;
  return out;
}

/** `profileFieldProblems` as a zod refinement, each problem at its field. */
export function checkProfileFields(fields: Partial<Record<string, string>>, ctx: z.RefinementCtx): void {
  for (const [field, message] of Object.entries(profileFieldProblems(fields)))
    ctx.addIssue({ code: 'custom', path: [field], message });
}

/**
 * One operation as the renderer may send it. `source` is not accepted: an operation typed in by
 * the administrator is theirs; AI suggestions reach plans through main only (trust rules).
 */
export const planOperationInputSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('create_person'), fields: fieldMap, roleIds: z.array(recordId).max(100).optional() })
    .strict(),
  z
    .object({ kind: z.literal('update_fields'), personId: recordId, fields: fieldMap.superRefine(checkProfileFields) })
    .strict(),
  z.object({ kind: z.literal('add_role'), personId: recordId, roleId: recordId }).strict(),
  z.object({ kind: z.literal('remove_role'), personId: recordId, roleId: recordId }).strict(),
  z.object({ kind: z.literal('add_assignment'), personId: recordId, programId: recordId, roleId: recordId }).strict(),
  z
    .object({ kind: z.literal('remove_assignment'), personId: recordId, programId: recordId, roleId: recordId })
    .strict(),
  z
    .object({
      kind: z.literal('set_access'),
      personId: recordId,
      accessType: shortText.optional(),
      userType: shortText.optional(),
      status: z.enum(['Active', 'Inactive', 'Pending']).optional(),
      expiresOn: expiryDay.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('deactivate'), personId: recordId }).strict(),
]);
export type PlanOperationInput = z.input<typeof planOperationInputSchema>;

/** What to do to every person a selection or filter names. */
export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deactivate') }).strict(),
  z.object({ kind: z.literal('add_role'), roleId: recordId }).strict(),
  z.object({ kind: z.literal('remove_role'), roleId: recordId }).strict(),
  z.object({ kind: z.literal('add_assignment'), programId: recordId, roleId: recordId }).strict(),
  z.object({ kind: z.literal('remove_assignment'), programId: recordId, roleId: recordId }).strict(),
  z
    .object({
      kind: z.literal('set_access'),
      accessType: shortText.optional(),
      userType: shortText.optional(),
      status: z.enum(['Active', 'Inactive', 'Pending']).optional(),
      expiresOn: expiryDay.optional(),
    })
    .strict(),
]);
export type BulkActionInput = z.input<typeof bulkActionSchema>;

/** The three named bulk actions. */
export const namedBulkSchemas = [
  z
    .object({
      kind: z.literal('grantRoleToDepartment'),
      roleId: recordId,
      department: z.string().trim().min(1).max(200),
    })
    .strict(),
  z
    .object({ kind: z.literal('removeRoleFromDormant'), roleId: recordId, days: z.number().int().min(1).max(3650) })
    .strict(),
  z
    .object({
      kind: z.literal('deactivateOrganization'),
      organizationId: recordId,
      includeSubOrganizations: z.boolean().optional(),
    })
    .strict(),
] as const;

/**
 * Where a builder puts its operations: an existing plan, or a new one on an instance. The union
 * is checked in the handler (a refine here would hide the discriminated union from the types).
 */
export const planTargetShape = {
  planId: planId.optional(),
  instanceId: instanceId.optional(),
  title: z.string().trim().min(1).max(200).optional(),
};

export const planIdInput = z.object({ planId }).strict();
export const operationIds = z.array(recordId).min(1).max(10_000);

/** The CSV builder's largest file, in characters (the channel's byte limit sits a little above). */
export const MAX_PLAN_CSV_CHARS = 2 * 1024 * 1024;
/** An export brought back by a second administrator. */
export const MAX_PLAN_IMPORT_CHARS = 8 * 1024 * 1024;

export { planId as planIdSchema, instanceId as planInstanceIdSchema, recordId as planRecordIdSchema };
