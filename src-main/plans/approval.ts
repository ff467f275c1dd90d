/**
 * Approval: per operation or for the whole plan, recorded with who and when. The policy:
 * - a privileged operation (risk.ts says which) is approved only on its own: never by approving
 *   the plan, never in a multi-select; the schema refuses a plan-scope approval on one as well;
 * - the plan is 'approved' when every operation is;
 * - a privileged operation needs a reason, and with four-eyes on (the default) a second
 *   administrator's approval: not the plan's builder, not this computer's administrator;
 * - the AI never approves: an approver is an administrator's name.
 */
import { appendAudit } from '../audit-trail';
import type { DB } from '../db/open';
import { approvalCounts, getOperationRows, listOperationRows, setApproval, setPlanState } from './store/plans-store';
import { AppError, conflict, notFound } from '../errors/app-error';
import { getPlan, requirePlan } from './plans';
import type { PlanWithOperations } from './types';
import { actorSchema } from './types';
import { checkSecondApprover, requireReason } from './four-eyes';
import type { ApprovePlanResult } from '../../src-preload/contract';

export type { ApprovePlanResult };

const RESERVED_APPROVERS = new Set(['ai', 'ai_service', 'system']);

export function checkApprover(name: string): string {
  const approver = actorSchema.parse(name);
  if (RESERVED_APPROVERS.has(approver.toLowerCase()))
    throw new AppError('FORBIDDEN', 'Only an administrator can approve: AI suggestions are proposals.');
  return approver;
}

export function requireReviewable(db: DB, planId: string) {
  const row = requirePlan(db, planId);
  if (row.state !== 'in_review' && row.state !== 'approved') {
    throw conflict(
      row.state === 'draft'
        ? 'Submit the plan for review before approving it.'
        : `The plan is ${row.state.replace('_', ' ')}: approvals can no longer change.`,
    );
  }
  return row;
}

/** Moves the plan to 'approved' when every operation is, back to 'in_review' when one is not. */
export function settleState(db: DB, planId: string, at: string): void {
  const row = requirePlan(db, planId);
  const { total, unapproved } = approvalCounts(db, planId);
  const all = total > 0 && unapproved === 0;
  if (all && row.state === 'in_review') setPlanState(db, planId, 'approved', at);
  if (!all && row.state === 'approved') setPlanState(db, planId, 'in_review', at);
}

export interface ApproveOperationsInput {
  planId: string;
  operationIds: number[];
  /** This computer's administrator. */
  approver: string;
  now?: Date;
  /** Why; required when a privileged operation is named. */
  reason?: string | undefined;
  /** Four-eyes on this computer: the second administrator's own name. */
  secondApprover?: string | undefined;
  /** The four-eyes setting (default on). */
  fourEyes?: boolean;
}

/**
 * Approves the named operations. A privileged operation must be the only one named: that is what
 * "its own explicit approval" means here; it needs a reason, and with four-eyes on it is approved
 * by a second administrator (see four-eyes.ts), recorded with who entered it on this computer.
 */
export function approveOperations(db: DB, input: ApproveOperationsInput): PlanWithOperations {
  recordOperationApprovals(db, input);
  return getPlan(db, input.planId);
}

/**
 * approveOperations without reading the whole plan back: each step reads only the operations it
 * names, so approving the privileged operations of a large plan one by one stays linear.
 */
export function recordOperationApprovals(db: DB, input: ApproveOperationsInput): void {
  const approver = checkApprover(input.approver);
  const at = (input.now ?? new Date()).toISOString();
  const fourEyes = input.fourEyes ?? true;
  db.transaction(() => {
    const row = requireReviewable(db, input.planId);
    const unique = [...new Set(input.operationIds)];
    if (unique.length === 0) throw conflict('Name the operations to approve.');
    const ops = new Map(getOperationRows(db, row.id, unique).map((o) => [o.id, o]));
    const missing = unique.filter((id) => !ops.has(id));
    if (missing.length > 0) throw notFound(`Operation ${missing.join(', ')} of this plan`);
    const privileged = unique.filter((id) => ops.get(id)?.privileged === 1);
    if (privileged.length > 0 && unique.length > 1) {
      throw new AppError(
        'FORBIDDEN',
        `Privileged operations are approved one at a time: approve operation ${privileged.join(', ')} on its own.`,
        { privileged },
      );
    }
    const isPrivileged = privileged.length > 0;
    const reason = isPrivileged ? requireReason(input.reason) : input.reason?.trim() || null;
    const second =
      isPrivileged && fourEyes
        ? checkApprover(
            checkSecondApprover({
              second: input.secondApprover,
              builder: row.created_by,
              local: approver,
              via: 'here',
            }),
          )
        : null;
    const by = second ?? approver;
    setApproval(db, unique, { by, at, scope: 'operation', reason, recordedBy: second ? approver : null });
    appendAudit(db, {
      actor: by,
      action: 'plan.approved',
      subject: `plan:${row.id}`,
      instanceId: row.instance_id,
      at,
      details: {
        scope: 'operation',
        operations: unique,
        privileged: isPrivileged,
        builder: row.created_by,
        ...(reason ? { reason } : {}),
        ...(second ? { fourEyes: true, secondApprover: second, recordedBy: approver } : {}),
      },
    });
    settleState(db, row.id, at);
  })();
}

/** Approves every operation that is not privileged and not approved yet. */
export function approvePlan(db: DB, input: { planId: string; approver: string; now?: Date }): ApprovePlanResult {
  const approver = checkApprover(input.approver);
  const at = (input.now ?? new Date()).toISOString();
  db.transaction(() => {
    const row = requireReviewable(db, input.planId);
    const ops = listOperationRows(db, row.id);
    const ids = ops.filter((o) => o.privileged === 0 && o.approved_by === null).map((o) => o.id);
    if (ids.length > 0) setApproval(db, ids, { by: approver, at, scope: 'plan' });
    appendAudit(db, {
      actor: approver,
      action: 'plan.approved',
      subject: `plan:${row.id}`,
      instanceId: row.instance_id,
      at,
      details: {
        scope: 'plan',
        operations: ids.length,
        revision: row.revision,
        privilegedLeft: ops.filter((o) => o.privileged === 1 && o.approved_by === null).map((o) => o.id),
      },
    });
    settleState(db, row.id, at);
  })();
  const plan = getPlan(db, input.planId);
  return { plan, needOwnApproval: plan.operations.filter((o) => o.privileged && !o.approval) };
}

export function revokeApprovals(
  db: DB,
  input: { planId: string; operationIds: number[]; actor: string },
): PlanWithOperations {
  const actor = actorSchema.parse(input.actor);
  const at = new Date().toISOString();
  db.transaction(() => {
    const row = requireReviewable(db, input.planId);
    const ids = new Set(listOperationRows(db, row.id).map((o) => o.id));
    const missing = input.operationIds.filter((id) => !ids.has(id));
    if (missing.length > 0) throw notFound(`Operation ${missing.join(', ')} of this plan`);
    setApproval(db, input.operationIds, null);
    appendAudit(db, {
      actor,
      action: 'plan.approval_revoked',
      subject: `plan:${row.id}`,
      instanceId: row.instance_id,
      at,
      details: { operations: input.operationIds },
    });
    settleState(db, row.id, at);
  })();
  return getPlan(db, input.planId);
}
