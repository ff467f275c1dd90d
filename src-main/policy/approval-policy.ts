/**
 * The approval policy: for each proposed operation, may it be approved with the plan, must it be
 * approved on its own, or is it refused. One pure function, no I/O.
 *
 * It reads only the operation's kind and its ids and codes (role ids, user and access type codes,
 * the names of the fields it changes), the role catalogue's privileged flags (set by the
 * administrator), the person's current access, and the administrator's threshold settings. It
 * takes no text at all: an operation is parsed down to those parameters first, so a note, a
 * "pre-approved" in a document, an engine's explanation or a `privileged: false` an engine adds
 * cannot reach it. The floor is fixed in code: granting a privileged role, changing someone to an
 * administrator type, or giving sign-in back to someone who holds privilege is always approved on
 * its own; thresholds can only make the policy stricter than that floor, never looser.
 */
import { z } from 'zod';
import { ACCESS_TYPES, USER_STATUSES, USER_TYPES } from '../smartsimple/protocol';

export type ApprovalDecision = 'with_plan' | 'on_its_own' | 'refused';

const id = z.number().int().positive();
const code = z.string().regex(/^\d{1,3}$/);

/** An operation as the policy sees it: kind, ids, codes and field names. Anything else is dropped. */
export const policyOperationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('create_person'),
    roleIds: z.array(id).max(100),
    userType: code.nullable().default(null),
    accessType: code.nullable().default(null),
    isExternal: z.boolean(),
  }),
  z.object({ kind: z.literal('update_fields'), fields: z.array(z.string().max(100)).max(50) }),
  z.object({ kind: z.enum(['add_role', 'remove_role']), roleId: id }),
  z.object({ kind: z.enum(['add_assignment', 'remove_assignment']), programId: id, roleId: id }),
  z.object({
    kind: z.literal('set_access'),
    accessType: code.nullable().default(null),
    userType: code.nullable().default(null),
    status: z.enum(USER_STATUSES).nullable().default(null),
  }),
  z.object({ kind: z.literal('deactivate') }),
  /** A new organization grants no one anything by itself. */
  z.object({ kind: z.literal('create_organization'), isExternal: z.boolean() }),
]);
export type PolicyOperation = z.input<typeof policyOperationSchema>;
type Op = z.output<typeof policyOperationSchema>;

const stricter = z.enum(['with_plan', 'on_its_own']);
/** The administrator's settings. Each can only add approvals on top of the fixed floor. */
export const policyThresholdsSchema = z.object({
  /** A plan touching more people than this is bulk. */
  bulkPeople: z.number().int().min(1).max(1_000_000).default(25),
  /** In a bulk plan, grants of access (roles, assignments, sign-in) are approved on their own. */
  bulkGrants: stricter.default('with_plan'),
  /** A plan touching more people than this is refused: split it. */
  maxPlanPeople: z.number().int().min(1).max(1_000_000).default(5000),
  /** A role whose privileged flag is not decided yet. */
  unclassifiedRoles: stricter.default('on_its_own'),
  /** Granting anything to a person of an external organization. */
  externalGrants: stricter.default('with_plan'),
  /** Changing a login e-mail. */
  loginIdentityChanges: stricter.default('with_plan'),
  /** Giving API access (an integration account acts in bulk). */
  apiAccess: stricter.default('on_its_own'),
  /** Administrator types: on their own (the floor) or never through Admin Desk. */
  adminTypeGrants: z.enum(['on_its_own', 'refused']).default('on_its_own'),
});
export type PolicyThresholds = z.input<typeof policyThresholdsSchema>;
export const DEFAULT_THRESHOLDS = policyThresholdsSchema.parse({});

export interface PolicyContext {
  /** The catalogue: each role's privileged flag (null: not decided by the administrator yet). */
  roles: ReadonlyMap<number, { privileged: boolean | null }>;
  /** User type codes that are administrator types; default local (30) and global (40). */
  adminTypes?: ReadonlySet<string>;
  /** The person as the mirror has them; null for a person being created. */
  person: {
    isExternal: boolean;
    userType: string | null;
    accessType: string | null;
    status: string | null;
    roleIds: readonly number[];
  } | null;
  /** How many people the plan touches. */
  planPeople: number;
  thresholds?: PolicyThresholds;
}

export interface ApprovalVerdict {
  decision: ApprovalDecision;
  /** Why, one sentence each (empty for an ordinary operation approved with the plan). */
  reasons: string[];
  /** The rules that applied, as codes. */
  rules: string[];
}

const RANK: Record<ApprovalDecision, number> = { with_plan: 0, on_its_own: 1, refused: 2 };
const DEFAULT_ADMIN_TYPES: ReadonlySet<string> = new Set([USER_TYPES.localAdmin, USER_TYPES.globalAdmin]);
const KNOWN_USER_TYPES = new Set<string>(Object.values(USER_TYPES));
const KNOWN_ACCESS_TYPES = new Set<string>(Object.values(ACCESS_TYPES));

interface Finding {
  rule: string;
  decision: ApprovalDecision;
  reason: string;
}

export function decideApproval(operation: unknown, context: PolicyContext): ApprovalVerdict {
  const parsed = policyOperationSchema.safeParse(operation);
  if (!parsed.success)
    return verdict([
      { rule: 'unreadable', decision: 'refused', reason: 'The operation could not be read as one the policy knows.' },
    ]);
  const t = policyThresholdsSchema.safeParse(context.thresholds ?? {});
  const findings: Finding[] = t.success
    ? []
    : [
        {
          rule: 'thresholds-unreadable',
          decision: 'with_plan',
          reason: 'The threshold settings could not be read; the defaults apply.',
        },
      ];
  const thresholds = t.success ? t.data : DEFAULT_THRESHOLDS;
  findings.push(...judge(parsed.data, context, thresholds));
  return verdict(findings);
}

function verdict(findings: Finding[]): ApprovalVerdict {
  const decision = findings.reduce<ApprovalDecision>(
    (d, f) => (RANK[f.decision] > RANK[d] ? f.decision : d),
    'with_plan',
  );
  return { decision, reasons: findings.map((f) => f.reason), rules: findings.map((f) => f.rule) };
}

/** Roles the operation grants. */
function grantedRoles(op: Op): number[] {
  if (op.kind === 'add_role' || op.kind === 'add_assignment') return [op.roleId];
  if (op.kind === 'create_person') return op.roleIds;
  return [];
}

function judge(op: Op, ctx: PolicyContext, th: z.output<typeof policyThresholdsSchema>): Finding[] {
  const out: Finding[] = [];
  const add = (rule: string, decision: ApprovalDecision, reason: string) => out.push({ rule, decision, reason });
  const adminTypes = ctx.adminTypes ?? DEFAULT_ADMIN_TYPES;
  const person = ctx.person;

  if (ctx.planPeople > th.maxPlanPeople)
    add(
      'plan-too-large',
      'refused',
      `The plan touches ${ctx.planPeople} people; the limit is ${th.maxPlanPeople}: split it.`,
    );
  if (op.kind !== 'create_person' && op.kind !== 'create_organization' && !person)
    add('person-unknown', 'refused', 'The person is not in the mirror: sync first.');

  for (const roleId of grantedRoles(op)) {
    const role = ctx.roles.get(roleId);
    if (!role) add('unknown-role', 'refused', `Role ${roleId} is not in the roles catalogue.`);
    else if (role.privileged === true)
      add('privileged-role', 'on_its_own', `Grants role ${roleId}, flagged privileged.`);
    else if (role.privileged === null)
      add(
        'unclassified-role',
        th.unclassifiedRoles,
        `Grants role ${roleId}, whose privileged flag is not decided yet.`,
      );
  }

  const userType = op.kind === 'create_person' || op.kind === 'set_access' ? op.userType : null;
  const accessType = op.kind === 'create_person' || op.kind === 'set_access' ? op.accessType : null;
  if (userType !== null && !KNOWN_USER_TYPES.has(userType) && !adminTypes.has(userType))
    add('unknown-user-type', 'refused', `User type ${userType} is not one Admin Desk knows.`);
  if (accessType !== null && !KNOWN_ACCESS_TYPES.has(accessType))
    add('unknown-access-type', 'refused', `Access type ${accessType} is not one Admin Desk knows.`);
  if (userType !== null && adminTypes.has(userType) && userType !== (person?.userType ?? null))
    add('admin-type', th.adminTypeGrants, `Makes the person an administrator (user type ${userType}).`);
  if (accessType === ACCESS_TYPES.api && (person?.accessType ?? null) !== ACCESS_TYPES.api)
    add('api-access', th.apiAccess, 'Gives API access.');

  const grantsSignIn = signInGranted(op, person);
  if (grantsSignIn && person && holdsPrivilege(person, op, ctx.roles, adminTypes))
    add('reactivates-privileged', 'on_its_own', 'Gives sign-in back to someone who holds privilege.');

  const grants =
    grantedRoles(op).length > 0 || grantsSignIn || (op.kind === 'create_person' && accessType !== ACCESS_TYPES.none);
  const external = op.kind === 'create_person' ? op.isExternal : (person?.isExternal ?? false);
  if (grants && external)
    add('external-person', th.externalGrants, 'Grants access to a person of an external organization.');
  if (grants && ctx.planPeople > th.bulkPeople)
    add('bulk', th.bulkGrants, `Part of a plan touching ${ctx.planPeople} people (more than ${th.bulkPeople}).`);
  if (op.kind === 'update_fields' && op.fields.includes('sf_Email'))
    add('login-identity', th.loginIdentityChanges, 'Changes the login e-mail.');
  return out;
}

const canSignIn = (accessType: string | null, status: string | null) =>
  accessType !== null && accessType !== ACCESS_TYPES.none && (status ?? '').toLowerCase() === 'active';

function signInGranted(op: Op, person: PolicyContext['person']): boolean {
  if (op.kind !== 'set_access' || !person) return false;
  const before = canSignIn(person.accessType, person.status);
  const after = canSignIn(op.accessType ?? person.accessType, op.status ?? person.status);
  return !before && after;
}

function holdsPrivilege(
  person: NonNullable<PolicyContext['person']>,
  op: Op,
  roles: PolicyContext['roles'],
  adminTypes: ReadonlySet<string>,
): boolean {
  const typeAfter = (op.kind === 'set_access' ? op.userType : null) ?? person.userType;
  // An undecided role counts as privileged here: giving sign-in back is where doubt must not pass.
  return adminTypes.has(typeAfter ?? '') || person.roleIds.some((r) => roles.get(r)?.privileged !== false);
}
