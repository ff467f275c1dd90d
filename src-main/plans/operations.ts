/**
 * One operation, from input to what it means: its before/after from a snapshot of the person, the
 * guards that say "the server is still as planned" (drift) and "the change is there" (verify),
 * the change it makes to a full-replace user record, and its inverse for undo.
 *
 * Drift is judged on what the operation touches, not on the whole person: a full-replace update
 * is built from the record as re-read just before the write, so an unrelated change made on the
 * server meanwhile (a new title) is carried over, not overwritten. A role operation is guarded by
 * that role's presence, so another role granted meanwhile is kept as well.
 */
import { validation } from '../errors/app-error';
import { ACCESS_TYPES, ROLE_LIST_READ_FIELD, USER_TYPES, formatRoleList, parseRoleList } from '../smartsimple/protocol';
import { sameValue } from '../smartsimple/client/reconcile';
import type { FieldMap, OperationKind, OperationInput, ParsedOperationInput, RoleInfo } from './types';
import { operationInputSchema } from './types';

/** What planning needs to know about the instance. */
export interface PlanningContext {
  roles: ReadonlyMap<number, RoleInfo>;
  programs: ReadonlyMap<number, string>;
  /** The person's wire fields (from the mirror, or for an undo from the journal's read-back). */
  person?: FieldMap | undefined;
  /** Whether the person holds `roleId` on `programId` now. */
  assigned?: (programId: number, roleId: number) => boolean;
  /** For create_person: the organization's side. */
  organization?: { isExternal: boolean; name: string } | undefined;
}

export interface PlannedOperation {
  kind: OperationKind;
  personId: number | null;
  params: Record<string, unknown>;
  before: FieldMap;
  after: FieldMap;
  source: 'admin' | 'ai';
  aiSuggestionId: string | null;
}

/** The key an assignment's before/after use: `UTA <program>:<role>`, "1" when held. */
export const assignmentKey = (programId: number, roleId: number) => `UTA ${programId}:${roleId}`;
const ACCESS_FIELDS = ['sf_Access Type', 'sf_User Type', 'sf_Status', 'sf_Access Expiry'] as const;
const ADMIN_TYPES = new Set<string>([USER_TYPES.localAdmin, USER_TYPES.globalAdmin]);

const norm = (v: string | null | undefined) => (v ?? '').trim();
export function sameField(field: string, a: string | null | undefined, b: string | null | undefined): boolean {
  if (field === 'sf_Email' || field === 'sf_Status') return norm(a).toLowerCase() === norm(b).toLowerCase();
  return sameValue(field, a, b);
}

const roleName = (ctx: PlanningContext, id: number) => ctx.roles.get(id)?.name ?? `role ${id}`;

function needRole(ctx: PlanningContext, roleId: number, uta: boolean): RoleInfo {
  const role = ctx.roles.get(roleId);
  if (!role) throw validation(`Role ${roleId} is not in the roles catalogue (sync the instance first?).`);
  if (uta && !role.utaOnly) throw validation(`${role.name} is a profile role, not a program (UTA) role.`);
  if (!uta && role.utaOnly)
    throw validation(`${role.name} is for program (UTA) assignments only and cannot go on a profile.`);
  return role;
}

/**
 * Plans one operation against a snapshot. Refuses what cannot work or would change nothing (a
 * role the person already holds), with a message an administrator can act on.
 */
export function planOperation(raw: OperationInput | ParsedOperationInput, ctx: PlanningContext): PlannedOperation {
  const input = operationInputSchema.parse(raw);
  const base = { source: input.source, aiSuggestionId: input.aiSuggestionId ?? null };
  if (input.kind === 'create_person') return planCreatePerson(input, ctx, base);
  const person = ctx.person;
  if (!person) throw validation(`Person ${input.personId} is not in the mirror (removed, or not synced yet).`);
  const subject: Subject = {
    person,
    name: `${norm(person['sf_First Name'])} ${norm(person['sf_Last Name'])}`.trim() || `person ${input.personId}`,
    roles: parseRoleList(person[ROLE_LIST_READ_FIELD]).map(Number),
  };
  switch (input.kind) {
    case 'add_role':
    case 'remove_role':
      return planRoleChange(input, ctx, subject, base);
    case 'add_assignment':
    case 'remove_assignment':
      return planAssignmentChange(input, ctx, subject, base);
    case 'update_fields':
    case 'set_access':
      return planFieldChange(input, subject, base);
    case 'deactivate':
      return planDeactivate(input, ctx, subject, base);
  }
}

type ParsedInput<K extends OperationKind> = Extract<ParsedOperationInput, { kind: K }>;
type SourceFields = Pick<PlannedOperation, 'source' | 'aiSuggestionId'>;

/** The person an operation is planned on: their wire fields, a name for messages, their profile roles. */
interface Subject {
  person: FieldMap;
  name: string;
  roles: number[];
}

const withList = (ids: number[]) => ({ [ROLE_LIST_READ_FIELD]: formatRoleList(ids.map(String)) || null });
const pick = (person: FieldMap, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, person[k] ?? null])) as FieldMap;

function planCreatePerson(
  input: ParsedInput<'create_person'>,
  ctx: PlanningContext,
  base: SourceFields,
): PlannedOperation {
  if (!ctx.organization) throw validation(`Organization ${input.fields['sf_Company ID']} is not in the mirror.`);
  for (const r of input.roleIds) needRole(ctx, r, false);
  const after: FieldMap = {
    ...input.fields,
    'sf_Is External': ctx.organization.isExternal ? '1' : '0',
    'sf_Access Type': input.fields['sf_Access Type'] ?? ACCESS_TYPES.user,
    'sf_User Type': input.fields['sf_User Type'] ?? USER_TYPES.user,
    sf_Status: input.fields['sf_Status'] ?? 'Active',
    [ROLE_LIST_READ_FIELD]: formatRoleList(input.roleIds.map(String)) || null,
  };
  return {
    ...base,
    kind: 'create_person',
    personId: null,
    // The organization's name as planned, so the summary names it ("in Harbor Arts Council").
    params: { fields: input.fields, roleIds: input.roleIds, organizationName: ctx.organization.name },
    before: {},
    after,
  };
}

function planRoleChange(
  input: ParsedInput<'add_role' | 'remove_role'>,
  ctx: PlanningContext,
  { name, roles }: Subject,
  base: SourceFields,
): PlannedOperation {
  // A "UTA roles only" role cannot be given on a profile, but one left there from before the flag
  // was set can be taken off (the help desk's troubleshooter proposes exactly that).
  if (input.kind === 'add_role' || !roles.includes(input.roleId)) needRole(ctx, input.roleId, false);
  const holds = roles.includes(input.roleId);
  if (input.kind === 'add_role' && holds) throw validation(`${name} already holds ${roleName(ctx, input.roleId)}.`);
  if (input.kind === 'remove_role' && !holds) throw validation(`${name} does not hold ${roleName(ctx, input.roleId)}.`);
  const next = input.kind === 'add_role' ? [...roles, input.roleId] : roles.filter((r) => r !== input.roleId);
  return {
    ...base,
    kind: input.kind,
    personId: input.personId,
    params: { roleId: input.roleId },
    before: withList(roles),
    after: withList(next),
  };
}

function planAssignmentChange(
  input: ParsedInput<'add_assignment' | 'remove_assignment'>,
  ctx: PlanningContext,
  { name }: Subject,
  base: SourceFields,
): PlannedOperation {
  needRole(ctx, input.roleId, true);
  if (!ctx.programs.has(input.programId)) throw validation(`Program ${input.programId} is not in the mirror.`);
  const held = ctx.assigned?.(input.programId, input.roleId) ?? false;
  if (input.kind === 'add_assignment' && held)
    throw validation(`${name} already holds ${roleName(ctx, input.roleId)} on ${ctx.programs.get(input.programId)}.`);
  if (input.kind === 'remove_assignment' && !held)
    throw validation(`${name} does not hold ${roleName(ctx, input.roleId)} on ${ctx.programs.get(input.programId)}.`);
  const key = assignmentKey(input.programId, input.roleId);
  const params = { programId: input.programId, roleId: input.roleId };
  return {
    ...base,
    kind: input.kind,
    personId: input.personId,
    params,
    before: { [key]: held ? '1' : '0' },
    after: { [key]: held ? '0' : '1' },
  };
}

function planFieldChange(
  input: ParsedInput<'update_fields' | 'set_access'>,
  { person, name }: Subject,
  base: SourceFields,
): PlannedOperation {
  const wanted: FieldMap =
    input.kind === 'update_fields'
      ? Object.fromEntries(
          Object.entries(input.fields).map(([k, v]) => [k, v === undefined || v.trim() === '' ? null : v.trim()]),
        )
      : (Object.fromEntries(
          (
            [
              ['sf_Access Type', input.accessType],
              ['sf_User Type', input.userType],
              ['sf_Status', input.status],
              ['sf_Access Expiry', input.expiresOn === '' ? null : input.expiresOn],
            ] as const
          ).filter(([, v]) => v !== undefined),
        ) as FieldMap);
  const changed = Object.keys(wanted).filter((k) => !sameField(k, person[k], wanted[k]));
  if (changed.length === 0) throw validation(`${name} already has these values.`);
  const after = Object.fromEntries(changed.map((k) => [k, wanted[k] ?? null])) as FieldMap;
  const params =
    input.kind === 'update_fields'
      ? { fields: after }
      : { accessType: input.accessType, userType: input.userType, status: input.status, expiresOn: input.expiresOn };
  return { ...base, kind: input.kind, personId: input.personId, params, before: pick(person, changed), after };
}

function planDeactivate(
  input: ParsedInput<'deactivate'>,
  ctx: PlanningContext,
  { person, name, roles }: Subject,
  base: SourceFields,
): PlannedOperation {
  // Offboarding: no access, Inactive, administrator rights back to plain user, and every
  // privileged profile role removed. Ordinary roles stay (a reactivation then restores normal
  // work, and an access review still sees them); program (UTA) roles stay too: they record who
  // worked on what and grant nothing without access.
  const keep = roles.filter((r) => ctx.roles.get(r)?.privileged !== true);
  const after: FieldMap = { 'sf_Access Type': ACCESS_TYPES.none, sf_Status: 'Inactive' };
  if (ADMIN_TYPES.has(norm(person['sf_User Type']))) after['sf_User Type'] = USER_TYPES.user;
  const before = pick(person, Object.keys(after));
  if (keep.length !== roles.length) {
    Object.assign(before, withList(roles));
    Object.assign(after, withList(keep));
  }
  const changes = Object.keys(after).filter((k) => !sameField(k, before[k], after[k]));
  if (changes.length === 0) throw validation(`${name} is already deactivated.`);
  return { ...base, kind: 'deactivate', personId: input.personId, params: {}, before, after };
}

/** A role id list from a FieldMap's role field. */
export const rolesOf = (m: FieldMap | undefined): number[] => parseRoleList(m?.[ROLE_LIST_READ_FIELD]).map(Number);

interface GuardedOperation {
  kind: OperationKind;
  params: Record<string, unknown>;
  before: FieldMap;
  after: FieldMap;
}

/**
 * What differs between `state` (before or after) of an operation and a person record read from
 * the server: empty when it matches. Role lists compare by the roles the operation touches.
 */
export function mismatches(op: GuardedOperation, which: 'before' | 'after', record: FieldMap): string[] {
  const expected = op[which];
  const out: string[] = [];
  const touchedRoles = () => {
    const b = new Set(rolesOf(op.before));
    const a = new Set(rolesOf(op.after));
    return [...new Set([...b, ...a])].filter((r) => b.has(r) !== a.has(r));
  };
  for (const [field, value] of Object.entries(expected)) {
    if (field.startsWith('UTA ')) continue;
    if (field === ROLE_LIST_READ_FIELD) {
      const want = new Set(rolesOf(expected));
      const have = new Set(rolesOf(record));
      for (const r of touchedRoles()) {
        if (want.has(r) !== have.has(r))
          out.push(`role ${r} is ${have.has(r) ? 'held' : 'not held'} (expected ${want.has(r) ? 'held' : 'not held'})`);
      }
      continue;
    }
    if (!sameField(field, value, record[field] ?? null))
      out.push(`${field} is "${norm(record[field])}" (expected "${norm(value)}")`);
  }
  return out;
}

/** The change an operation makes to a person record (full wire fields in, full wire fields out). */
export function applyToRecord(op: GuardedOperation, record: FieldMap): FieldMap {
  const next: FieldMap = { ...record };
  for (const [field, value] of Object.entries(op.after)) {
    if (field === ROLE_LIST_READ_FIELD || field.startsWith('UTA ')) continue;
    next[field] = value;
  }
  if (ROLE_LIST_READ_FIELD in op.after) {
    const before = new Set(rolesOf(op.before));
    const after = new Set(rolesOf(op.after));
    const add = [...after].filter((r) => !before.has(r));
    const remove = new Set([...before].filter((r) => !after.has(r)));
    const list = [...rolesOf(record).filter((r) => !remove.has(r)), ...add];
    next[ROLE_LIST_READ_FIELD] = formatRoleList(list.map(String)) || null;
  }
  return next;
}

/**
 * The operations that undo `op`, given the person's fields as read just before the apply wrote
 * them (`actualBefore`). Creating a person is undone by deactivating them: SmartSimple's delete is
 * a soft delete that would hide the record and its history.
 */
export function inverseInputs(
  op: GuardedOperation & { personId: number | null; source: 'admin' | 'ai' },
  actualBefore: FieldMap,
  recordid: string | null,
): OperationInput[] {
  const personId = op.personId ?? (recordid ? Number(recordid) : NaN);
  if (!Number.isSafeInteger(personId)) return [];
  const roleId = op.params.roleId as number;
  switch (op.kind) {
    case 'add_role':
      return [{ kind: 'remove_role', personId, roleId }];
    case 'remove_role':
      return [{ kind: 'add_role', personId, roleId }];
    case 'add_assignment':
      return [{ kind: 'remove_assignment', personId, programId: op.params.programId as number, roleId }];
    case 'remove_assignment':
      return [{ kind: 'add_assignment', personId, programId: op.params.programId as number, roleId }];
    case 'update_fields':
      return [
        {
          kind: 'update_fields',
          personId,
          fields: Object.fromEntries(Object.keys(op.after).map((k) => [k, norm(actualBefore[k])])),
        },
      ];
    case 'create_person':
      return [{ kind: 'deactivate', personId }];
    case 'set_access':
    case 'deactivate': {
      const access = Object.fromEntries(
        ACCESS_FIELDS.filter((f) => f in op.after).map((f) => [f, norm(actualBefore[f])]),
      );
      const out: OperationInput[] = [
        {
          kind: 'set_access',
          personId,
          ...(access['sf_Access Type'] ? { accessType: access['sf_Access Type'] } : {}),
          ...(access['sf_User Type'] ? { userType: access['sf_User Type'] } : {}),
          ...(access['sf_Status'] ? { status: access['sf_Status'] as 'Active' } : {}),
          ...('sf_Access Expiry' in access ? { expiresOn: access['sf_Access Expiry'] ?? '' } : {}),
        } as OperationInput,
      ];
      const removed = rolesOf(op.before).filter((r) => !rolesOf(op.after).includes(r));
      for (const r of removed) out.push({ kind: 'add_role', personId, roleId: r });
      return out;
    }
  }
}

const CODE_WORDS: Record<string, Record<string, string>> = {
  'sf_Access Type': { [ACCESS_TYPES.user]: 'User', [ACCESS_TYPES.api]: 'API', [ACCESS_TYPES.none]: 'No access' },
  'sf_User Type': {
    [USER_TYPES.user]: 'User',
    [USER_TYPES.localAdmin]: 'Local admin',
    [USER_TYPES.globalAdmin]: 'Global admin',
  },
};

/** A field's value in words: access and admin codes by name ("No access"), anything else quoted. */
export const valueWords = (field: string, v: string | null | undefined): string =>
  CODE_WORDS[field]?.[norm(v)] ?? `"${norm(v)}"`;

/** One line for lists and for the note written on the person in SmartSimple. */
export function describeOperation(
  op: GuardedOperation,
  ctx: { roles: ReadonlyMap<number, RoleInfo>; programs: ReadonlyMap<number, string> },
): string {
  // Names, not ids: the id only when the catalogue no longer knows the name.
  const role = (id: unknown) => ctx.roles.get(id as number)?.name ?? `role ${String(id)}`;
  const program = (id: unknown) => ctx.programs.get(id as number) ?? `program ${String(id)}`;
  // Codes in words: "Access Type: User -> No access", not `"1" -> "0"`.
  const changes = (keys: string[]) =>
    keys
      .map((k) => `${k.replace(/^(sf|cf)_/, '')}: ${valueWords(k, op.before[k])} -> ${valueWords(k, op.after[k])}`)
      .join(', ');
  switch (op.kind) {
    case 'add_role':
      return `Add profile role ${role(op.params.roleId)}`;
    case 'remove_role':
      return `Remove profile role ${role(op.params.roleId)}`;
    case 'add_assignment':
      return `Assign ${role(op.params.roleId)} on ${program(op.params.programId)}`;
    case 'remove_assignment':
      return `Remove ${role(op.params.roleId)} from ${program(op.params.programId)}`;
    case 'update_fields':
    case 'set_access':
      return `${op.kind === 'set_access' ? 'Change access' : 'Update'}: ${changes(Object.keys(op.after))}`;
    case 'deactivate': {
      const removed = rolesOf(op.before).filter((r) => !rolesOf(op.after).includes(r));
      const access = changes(
        Object.keys(op.after).filter((k) => k !== ROLE_LIST_READ_FIELD && !sameField(k, op.before[k], op.after[k])),
      );
      return `Deactivate: ${access}${removed.length ? `; remove ${removed.map(role).join(', ')}` : ''}`;
    }
    case 'create_person': {
      const org = op.params.organizationName;
      const where = typeof org === 'string' && org ? org : `organization ${norm(op.after['sf_Company ID'])}`;
      const roles = rolesOf(op.after);
      const given = roles.length ? ` with ${roles.map(role).join(', ')}` : '';
      return `Create ${norm(op.after['sf_First Name'])} ${norm(op.after['sf_Last Name'])} <${norm(op.after['sf_Email'])}> in ${where}${given}`;
    }
  }
}
