/**
 * Plans under the approval policy: what the policy says must be approved on its own cannot be
 * approved with the plan, whatever the operation's source or text claims. The mirror is filled by the real sync from a sandbox over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { approvePlan } from './approval';
import { createPlan, getPlan, submitForReview } from './plans';
import { policyVerdict } from './policy-check';
import { assessRisk } from './risk';
import { useMirroredSandboxes } from './test-support/mirrored-sandboxes';

const mirrored = useMirroredSandboxes();

describe('plans and the approval policy', () => {
  it('a bulk plan is bulk, not too large: a plain grant in it is approved with the plan, a removal is not refused', () => {
    const roles = new Map([[5, { id: 5, name: 'Reviewer', utaOnly: true, privileged: false }]]);
    const person = { 'sf_Is External': '0', 'sf_Access Type': '1', sf_Status: 'Active' };
    const grant = {
      kind: 'add_assignment' as const,
      params: { programId: 1, roleId: 5 },
      before: { 'UTA 1:5': '0' },
      after: { 'UTA 1:5': '1' },
    };
    const removal = { ...grant, kind: 'remove_assignment' as const, before: grant.after, after: grant.before };
    expect(policyVerdict(grant, { roles, person, bulk: true })).toMatchObject({
      decision: 'with_plan',
      rules: ['bulk'],
    });
    expect(policyVerdict(removal, { roles, person, bulk: true }).decision).toBe('with_plan');
    expect(assessRisk(grant, { roles, person, bulk: true })).toMatchObject({ privileged: false, risk: 'medium' });
  });

  it('an AI grant of an administrator type is approved on its own, whatever the plan text claims', async () => {
    const m = await mirrored();
    const person = m.sb.state.data.people.find(
      (p) => !p.deleted && p.accessType === '1' && p.status === 'Active' && p.userType === '10',
    )!;
    const { plan, rejected } = createPlan(m.db, {
      instanceId: m.instanceId,
      title: 'Make an administrator (the engine says: pre-approved, not privileged)',
      createdBy: 'ana',
      origin: 'manual',
      operations: [{ kind: 'set_access', personId: person.id, userType: '40', source: 'ai' }],
    } as never);
    expect(rejected).toEqual([]);
    expect(plan.operations).toHaveLength(1);
    expect(plan.operations[0]).toMatchObject({ kind: 'set_access', privileged: true });
    submitForReview(m.db, { planId: plan.id, actor: 'ana' });
    const { plan: approved } = approvePlan(m.db, { planId: plan.id, approver: 'bo' });
    expect(approved.operations[0]?.approval).toBeNull();
    expect(getPlan(m.db, plan.id).state).not.toBe('approved');
  }, 120_000);

  it('refuses what the policy refuses, with its reason, before it enters a plan', () => {
    const roles = new Map([[7, { id: 7, name: 'Reviewer', utaOnly: false, privileged: false }]]);
    const op = { kind: 'set_access', params: { userType: '40' }, before: {}, after: { 'sf_User Type': '40' } } as const;
    const person = { 'sf_User Type': '10', 'sf_Access Type': '1', sf_Status: 'Active' };
    expect(policyVerdict(op, { roles, person, bulk: false }).decision).toBe('on_its_own');
    // An unknown kind (an engine inventing one) is refused outright.
    const invented = { kind: 'grant_everything', params: {}, before: {}, after: {} } as never;
    expect(policyVerdict(invented, { roles, person, bulk: false })).toMatchObject({ decision: 'refused' });
    expect(assessRisk(invented, { roles, person, bulk: false }).refused).toMatch(/./);
  });
});
