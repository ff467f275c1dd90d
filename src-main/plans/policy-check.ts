/**
 * Plans ask the approval policy (src-main/policy) about every operation they store: what it says
 * must be approved on its own is privileged here, and what it refuses never enters a plan. The
 * policy sees the operation's kind, ids and codes only, never its text, so nothing an engine
 * writes or a document says can loosen it.
 *
 * The thresholds are the administrator's (today the defaults below, which keep what plans have
 * always allowed with the plan: a role not yet classified and API access are approved with the
 * plan and flagged medium risk by the review instead).
 */
import {
  DEFAULT_THRESHOLDS,
  decideApproval,
  type ApprovalVerdict,
  type PolicyThresholds,
} from '../policy/approval-policy';
import { policyOperationFrom } from '../policy/from-plan-operation';
import { rolesOf, type PlannedOperation } from './operations';
import type { FieldMap, RoleInfo } from './types';

export const PLAN_POLICY_THRESHOLDS: PolicyThresholds = { unclassifiedRoles: 'with_plan', apiAccess: 'with_plan' };

const val = (m: FieldMap, k: string) => {
  const v = (m[k] ?? '').trim();
  return v === '' ? null : v;
};

export function policyVerdict(
  op: Pick<PlannedOperation, 'kind' | 'params' | 'before' | 'after'>,
  ctx: { roles: ReadonlyMap<number, RoleInfo>; person?: FieldMap | undefined; bulk: boolean },
): ApprovalVerdict {
  // A person not in the mirror yet (created by an applied plan, before the next sync) is known by
  // the record the operation was planned on.
  const known =
    ctx.person ?? (op.kind !== 'create_person' && Object.keys(op.before).length > 0 ? op.before : undefined);
  const person = known
    ? {
        isExternal: val(known, 'sf_Is External') === '1',
        userType: val(known, 'sf_User Type'),
        accessType: val(known, 'sf_Access Type'),
        status: val(known, 'sf_Status'),
        roleIds: rolesOf(known),
      }
    : null;
  return decideApproval(policyOperationFrom({ kind: op.kind, params: op.params, after: op.after }), {
    roles: new Map([...ctx.roles].map(([id, r]) => [id, { privileged: r.privileged }])),
    person,
    // The review knows "many people at once" as a flag; the policy only needs which side of the line
    // (just past it: a number past maxPlanPeople too would refuse every operation of a bulk plan).
    planPeople: ctx.bulk ? DEFAULT_THRESHOLDS.bulkPeople + 1 : 1,
    thresholds: { ...PLAN_POLICY_THRESHOLDS, maxPlanPeople: 1_000_000 },
  });
}
