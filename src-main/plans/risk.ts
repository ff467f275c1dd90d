/**
 * The risk of an operation and whether it is privileged. The policy lives here, once:
 *
 * - PRIVILEGED (needs its own explicit approval, never the plan's): an operation that GRANTS
 *   privilege: a role the administrator flagged privileged (profile or program role), an
 *   administrator user type (local 30 / global 40), or access given back to someone who holds a
 *   privileged role or an administrator type. Taking privilege away is not privileged: it cannot
 *   widen anyone's reach, and offboarding a department must not need 200 separate clicks; it is
 *   still medium risk and the review warns when someone loses their last role.
 * - A role whose privileged flag is not decided yet counts as not privileged but raises the risk
 *   to medium with 'unclassified-role', so the review asks the administrator to decide.
 * - high: privileged. medium: external person, login e-mail change, offboarding, new person, new
 *   organization, removing a privileged role, unclassified role, or a plan touching many people.
 */
import { ACCESS_TYPES, USER_TYPES } from '../smartsimple/protocol';
import type { PlannedOperation } from './operations';
import { rolesOf } from './operations';
import { policyVerdict } from './policy-check';
import type { FieldMap, Risk, RiskReason, RoleInfo } from './types';

/** A plan touching more people than this is "many people at once". */
export const BULK_PEOPLE_THRESHOLD = 25;

const HIGH: ReadonlySet<RiskReason> = new Set(['privileged-role', 'admin-access', 'reactivates-privileged']);
const ADMIN_TYPES = new Set<string>([USER_TYPES.localAdmin, USER_TYPES.globalAdmin]);

export interface RiskAssessment {
  risk: Risk;
  reasons: RiskReason[];
  privileged: boolean;
  /** Why the approval policy refuses the operation (it never enters a plan), or null. */
  refused: string | null;
}

const val = (m: FieldMap, k: string) => (m[k] ?? '').trim();
const canSignIn = (m: FieldMap) =>
  val(m, 'sf_Access Type') !== ACCESS_TYPES.none &&
  val(m, 'sf_Access Type') !== '' &&
  val(m, 'sf_Status').toLowerCase() === 'active';

export function assessRisk(
  op: Pick<PlannedOperation, 'kind' | 'params' | 'before' | 'after'>,
  ctx: { roles: ReadonlyMap<number, RoleInfo>; person?: FieldMap | undefined; bulk: boolean },
): RiskAssessment {
  const reasons = new Set<RiskReason>();
  const person = ctx.person ?? {};
  const granted: number[] = [];
  if (op.kind === 'add_role' || op.kind === 'add_assignment') granted.push(op.params.roleId as number);
  if (op.kind === 'create_person') granted.push(...rolesOf(op.after));
  for (const id of granted) {
    const flag = ctx.roles.get(id)?.privileged;
    if (flag === true) reasons.add('privileged-role');
    else if (flag !== false) reasons.add('unclassified-role');
  }
  const typeAfter = op.after['sf_User Type'];
  if (
    typeAfter !== undefined &&
    ADMIN_TYPES.has((typeAfter ?? '').trim()) &&
    !ADMIN_TYPES.has(val(op.before, 'sf_User Type'))
  )
    reasons.add('admin-access');

  if (op.kind === 'set_access') {
    const before = { ...person, ...op.before };
    const after = { ...person, ...op.after };
    const holdsPrivilege =
      rolesOf(person).some((r) => ctx.roles.get(r)?.privileged === true) || ADMIN_TYPES.has(val(after, 'sf_User Type'));
    if (!canSignIn(before) && canSignIn(after) && holdsPrivilege) reasons.add('reactivates-privileged');
  }
  if (op.kind === 'remove_role' && ctx.roles.get(op.params.roleId as number)?.privileged === true)
    reasons.add('removes-privileged-role');
  if (op.kind === 'deactivate') {
    reasons.add('offboarding');
    if (rolesOf(op.before).length > rolesOf(op.after).length) reasons.add('removes-privileged-role');
  }
  if (op.kind === 'create_person') reasons.add('new-person');
  if (op.kind === 'create_organization') reasons.add('new-organization');
  if (val(person, 'sf_Is External') === '1' || (op.kind === 'create_person' && val(op.after, 'sf_Is External') === '1'))
    reasons.add('external-person');
  if (op.kind === 'update_fields' && 'sf_Email' in op.after) reasons.add('login-identity');
  if (ctx.bulk) reasons.add('bulk');

  const list = [...reasons];
  // The policy has the last word on what must be approved on its own.
  const verdict = policyVerdict(op, ctx);
  const privileged = list.some((r) => HIGH.has(r)) || verdict.decision !== 'with_plan';
  const risk: Risk = privileged ? 'high' : list.length > 0 ? 'medium' : 'low';
  const refused = verdict.decision === 'refused' ? verdict.reasons.join(' ') : null;
  return { risk, reasons: list, privileged, refused };
}
