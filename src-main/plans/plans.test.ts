/**
 * Plans without applying: building by hand, editing (which clears approvals), the approval rules
 * (privileged operations only on their own, never by the AI), discard, and the audit trail of it
 * all. The mirror is filled by the real sync from a sandbox over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { listAudit, verifyAuditTrail } from '../audit-trail';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { approveOperations, approvePlan, revokeApprovals } from './approval';
import {
  addOperations,
  createPlan,
  discardPlan,
  editOperation,
  getPlan,
  listPlans,
  removeOperations,
  submitForReview,
} from './plans';
import { useMirroredSandboxes } from './test-support/mirrored-sandboxes';

const mirrored = useMirroredSandboxes();

/** People who can sign in, internal, plain users; roles by kind. */
function cast(sb: SandboxHandle) {
  const { people, roles } = sb.state.data;
  const users = people.filter(
    (p) => !p.deleted && p.accessType === '1' && p.status === 'Active' && p.userType === '10' && !p.isExternal,
  );
  const plain = roles.filter((r) => !r.utaOnly && !r.privileged);
  const privileged = roles.filter((r) => !r.utaOnly && r.privileged);
  const lacking = (p: { roleIds: number[] }, list: typeof roles) =>
    list.find((r) => !p.roleIds.includes(r.id)) as (typeof roles)[number];
  return { users, plain, privileged, lacking };
}

describe('plans', () => {
  it('builds by hand, refuses no-ops and conflicts, and lists plans with counts', async () => {
    const { sb, db, instanceId } = await mirrored();
    const { users, plain, lacking } = cast(sb);
    const [a, b] = users as [(typeof users)[number], (typeof users)[number]];
    const role = lacking(a, plain);
    const held = a.roleIds[0] as number;
    const { plan, rejected } = createPlan(db, {
      instanceId,
      title: 'Spring clean-up',
      createdBy: 'ana',
      operations: [
        { kind: 'add_role', personId: a.id, roleId: role.id },
        { kind: 'add_role', personId: a.id, roleId: held },
        { kind: 'update_fields', personId: b.id, fields: { sf_Title: 'Director' } },
        { kind: 'update_fields', personId: b.id, fields: { sf_Title: 'Manager' } },
        { kind: 'set_access', personId: b.id, status: 'Active' },
        { kind: 'add_role', personId: 999999999, roleId: role.id },
      ],
    });
    expect(plan.operations.map((o) => o.kind)).toEqual(['add_role', 'update_fields']);
    expect(plan.operations[0]?.before['sf_User Role']).toBe(`,${a.roleIds.join(',')},`);
    expect(rejected.map((r) => r.index)).toEqual([1, 3, 4, 5]);
    expect(rejected[0]?.message).toMatch(/already holds/);
    expect(rejected[1]?.message).toMatch(/already changes the same thing/);
    expect(rejected[3]?.message).toMatch(/not in the mirror/);
    expect(listPlans(db, { instanceId })).toEqual([
      expect.objectContaining({ id: plan.id, state: 'draft', operations: 2, people: 2, approved: 0 }),
    ]);
  });

  it('approves per operation or per plan; a privileged operation only on its own; never by the AI', async () => {
    const { sb, db, instanceId } = await mirrored();
    const { users, plain, privileged, lacking } = cast(sb);
    const [a, b, c] = users as [(typeof users)[number], (typeof users)[number], (typeof users)[number]];
    const { plan } = createPlan(db, {
      instanceId,
      title: 'Grants',
      createdBy: 'ana',
      operations: [
        { kind: 'add_role', personId: a.id, roleId: lacking(a, privileged).id },
        { kind: 'add_role', personId: b.id, roleId: lacking(b, plain).id, source: 'ai', aiSuggestionId: 'sugg-7' },
        { kind: 'set_access', personId: c.id, userType: '40' },
      ],
    });
    const [grant, aiOp, admin] = plan.operations as [
      NonNullable<(typeof plan.operations)[0]>,
      NonNullable<(typeof plan.operations)[0]>,
      NonNullable<(typeof plan.operations)[0]>,
    ];
    expect([grant.privileged, grant.risk, grant.riskReasons]).toEqual([true, 'high', ['privileged-role']]);
    expect([admin.privileged, admin.riskReasons]).toEqual([true, ['admin-access']]);
    expect([aiOp.privileged, aiOp.source, aiOp.aiSuggestionId]).toEqual([false, 'ai', 'sugg-7']);

    expect(() => approvePlan(db, { planId: plan.id, approver: 'bo' })).toThrow(/Submit the plan/);
    submitForReview(db, { planId: plan.id, actor: 'ana' });
    expect(() => approvePlan(db, { planId: plan.id, approver: 'AI_Service' })).toThrow(/Only an administrator/);
    const whole = approvePlan(db, { planId: plan.id, approver: 'bo' });
    expect(whole.plan.state).toBe('in_review');
    expect(whole.needOwnApproval.map((o) => o.id)).toEqual([grant.id, admin.id]);
    expect(whole.plan.operations.find((o) => o.id === aiOp.id)?.approval).toMatchObject({ by: 'bo', scope: 'plan' });
    // Two privileged together, or one with another: refused.
    expect(() =>
      approveOperations(db, { planId: plan.id, operationIds: [grant.id, admin.id], approver: 'bo' }),
    ).toThrow(/one at a time/);
    expect(() => approveOperations(db, { planId: plan.id, operationIds: [grant.id, aiOp.id], approver: 'bo' })).toThrow(
      /one at a time/,
    );
    // The schema keeps the rule too.
    expect(() =>
      db
        .prepare(
          "UPDATE plan_operations SET approved_by = 'x', approved_at = 'now', approval_scope = 'plan' WHERE id = ?",
        )
        .run(grant.id),
    ).toThrow(/CHECK/);
    const why = { reason: 'Needs it for the audit', fourEyes: false };
    approveOperations(db, { planId: plan.id, operationIds: [grant.id], approver: 'bo', ...why });
    const done = approveOperations(db, { planId: plan.id, operationIds: [admin.id], approver: 'cy', ...why });
    expect(done.state).toBe('approved');
    expect(done.operations.find((o) => o.id === admin.id)?.approval).toMatchObject({
      by: 'cy',
      scope: 'operation',
      reason: 'Needs it for the audit',
    });

    // Revoking one sends the plan back to review.
    expect(revokeApprovals(db, { planId: plan.id, operationIds: [aiOp.id], actor: 'bo' }).state).toBe('in_review');
  });

  it('clears the approval of an edited operation, sends an approved plan back to review, and records every step', async () => {
    const { sb, db, instanceId } = await mirrored();
    const { users, plain, lacking } = cast(sb);
    const [a, b] = users as [(typeof users)[number], (typeof users)[number]];
    const { plan } = createPlan(db, {
      instanceId,
      title: 'Titles',
      createdBy: 'ana',
      operations: [{ kind: 'update_fields', personId: a.id, fields: { sf_Title: 'Lead' } }],
    });
    addOperations(db, {
      planId: plan.id,
      actor: 'ana',
      operations: [{ kind: 'add_role', personId: b.id, roleId: lacking(b, plain).id }],
    });
    submitForReview(db, { planId: plan.id, actor: 'ana' });
    expect(approvePlan(db, { planId: plan.id, approver: 'bo' }).plan.state).toBe('approved');
    const first = getPlan(db, plan.id).operations[0];
    const edited = editOperation(db, {
      planId: plan.id,
      operationId: first?.id ?? 0,
      actor: 'ana',
      operation: { kind: 'update_fields', personId: a.id, fields: { sf_Title: 'Head' } },
    });
    expect(edited.approval).toBeNull();
    expect(edited.after).toEqual({ sf_Title: 'Head' });
    const after = getPlan(db, plan.id);
    expect([after.state, after.revision]).toEqual(['in_review', 4]);
    expect(after.operations[1]?.approval?.by).toBe('bo');
    removeOperations(db, { planId: plan.id, operationIds: [after.operations[1]?.id ?? 0], actor: 'ana' });
    expect(discardPlan(db, { planId: plan.id, actor: 'ana', reason: 'not needed' }).state).toBe('discarded');
    expect(() => addOperations(db, { planId: plan.id, actor: 'ana', operations: [] })).toThrow(/no longer be edited/);

    const actions = listAudit(db, { subject: `plan:${plan.id}` })
      .entries.map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'plan.created',
      'plan.edited',
      'plan.edited',
      'plan.submitted',
      'plan.approved',
      'plan.edited',
      'plan.edited',
      'plan.discarded',
    ]);
    expect(verifyAuditTrail(db).ok).toBe(true);
  });

  it('marks a plan touching many people as bulk, which raises every operation to medium', async () => {
    const { sb, db, instanceId } = await mirrored();
    const { users, plain, lacking } = cast(sb);
    const everyone = sb.state.data.people
      .filter((p) => !p.deleted && users.some((u) => u.id === p.id) === false)
      .slice(0, 30 - users.length);
    const ops = [...users, ...everyone].map((p) => ({
      kind: 'add_role' as const,
      personId: p.id,
      roleId: lacking(p, plain).id,
    }));
    expect(ops.length).toBe(30);
    const { plan } = createPlan(db, { instanceId, title: 'Many', createdBy: 'ana', operations: ops.slice(0, 5) });
    expect(
      plan.operations.every((o) => o.risk === 'low' || o.riskReasons.includes('unclassified-role') === false),
    ).toBe(true);
    const grown = addOperations(db, { planId: plan.id, actor: 'ana', operations: ops.slice(5) }).plan;
    expect(grown.operations).toHaveLength(30);
    expect(grown.operations.every((o) => o.riskReasons.includes('bulk') && o.risk !== 'low')).toBe(true);
  });
});
