/**
 * Four-eyes on this computer: a privileged operation needs a reason, and a second administrator
 * whose name is neither the plan's builder's nor this computer's administrator's. Real SQLite, the
 * mirror filled by the real sync from a sandbox over HTTP; the trail records builder, approver,
 * reason and who recorded it, and its chain stays intact.
 */
import { describe, expect, it } from 'vitest';
import { listAudit, verifyAuditTrail } from '../audit-trail';
import { AppError } from '../errors/app-error';
import { approveOperations } from './approval';
import { samePerson } from './four-eyes';
import { createPlan, getPlan, submitForReview } from './plans';
import { useMirroredSandboxes } from './test-support/mirrored-sandboxes';

const mirrored = useMirroredSandboxes();

async function privilegedPlan() {
  const m = await mirrored();
  const { people, roles } = m.sb.state.data;
  const person = people.find(
    (p) => !p.deleted && p.accessType === '1' && p.status === 'Active' && p.userType === '10' && !p.isExternal,
  ) as (typeof people)[number];
  const role = roles.find((r) => r.privileged && !r.utaOnly && !person.roleIds.includes(r.id)) as { id: number };
  const { plan } = createPlan(m.db, {
    instanceId: m.instanceId,
    title: 'Grant finance admin',
    createdBy: 'Ana Builder (API user api@desk)',
    operations: [{ kind: 'add_role', personId: person.id, roleId: role.id }],
  });
  submitForReview(m.db, { planId: plan.id, actor: 'Ana Builder' });
  const op = getPlan(m.db, plan.id).operations[0] as { id: number; privileged: boolean };
  expect(op.privileged).toBe(true);
  return { ...m, plan, op };
}

const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('four-eyes approval of a privileged operation', () => {
  it('refuses without a reason, refuses the builder and this computer administrator, records a second one', async () => {
    const { db, plan, op } = await privilegedPlan();
    const base = { planId: plan.id, operationIds: [op.id], approver: 'Ana Builder (API user api@desk)' };
    const trailBefore = listAudit(db).total;

    const noReason = refusal(() => approveOperations(db, { ...base, secondApprover: 'Bea Second', reason: '  ' }));
    expect([noReason.code, noReason.details]).toEqual([
      'VALIDATION',
      [{ path: ['reason'], message: expect.stringMatching(/needs a reason/) as unknown }],
    ]);
    const nobody = refusal(() => approveOperations(db, { ...base, reason: 'Runs month-end close' }));
    expect(nobody.message).toMatch(/second administrator/);
    // The builder, however written, and this computer's administrator are not a second pair of eyes.
    const self = refusal(() =>
      approveOperations(db, { ...base, reason: 'Runs month-end close', secondApprover: ' ana  BUILDER ' }),
    );
    expect([self.code, self.message]).toEqual(['FORBIDDEN', expect.stringMatching(/built this plan/)]);
    const local = refusal(() =>
      approveOperations(db, {
        ...base,
        approver: 'Cy Local (API user api@desk)',
        reason: 'Runs month-end close',
        secondApprover: 'cy local',
      }),
    );
    expect(local.message).toMatch(/this computer's administrator/);
    expect(getPlan(db, plan.id).operations[0]?.approval).toBeNull();
    expect(listAudit(db).total).toBe(trailBefore);

    const done = approveOperations(db, {
      ...base,
      approver: 'Cy Local (API user api@desk)',
      reason: 'Runs month-end close',
      secondApprover: 'Bea Second',
    });
    expect(done.state).toBe('approved');
    expect(done.operations[0]?.approval).toMatchObject({
      by: 'Bea Second',
      scope: 'operation',
      reason: 'Runs month-end close',
      recordedBy: 'Cy Local (API user api@desk)',
    });
    const entry = listAudit(db, { subject: `plan:${plan.id}`, action: 'plan.approved' }).entries[0];
    expect(entry?.actor).toBe('Bea Second');
    expect(entry?.details).toMatchObject({
      privileged: true,
      builder: 'Ana Builder (API user api@desk)',
      reason: 'Runs month-end close',
      secondApprover: 'Bea Second',
      recordedBy: 'Cy Local (API user api@desk)',
    });
    expect(verifyAuditTrail(db).ok).toBe(true);
  });

  it('with four-eyes off, the administrator approves alone, still with a reason', async () => {
    const { db, plan, op } = await privilegedPlan();
    const base = { planId: plan.id, operationIds: [op.id], approver: 'Ana Builder', fourEyes: false };
    expect(() => approveOperations(db, base)).toThrow(/needs a reason/);
    const done = approveOperations(db, { ...base, reason: 'Covers for Bo' });
    expect(done.operations[0]?.approval).toMatchObject({
      by: 'Ana Builder',
      reason: 'Covers for Bo',
      recordedBy: null,
    });
  });

  it('compares people, not spellings or the API-user suffix', () => {
    expect(samePerson('Ann Lee (API user x@y)', ' ann   lee ')).toBe(true);
    expect(samePerson('Ann Lee', 'Ann Leen')).toBe(false);
    expect(samePerson('', '')).toBe(false);
  });
});
