/**
 * "Apply the approved operations": a plan in review with part of it approved is split (the rest
 * into a new draft, linked both ways in the trail), the approved part applies against the sandbox
 * over HTTP, and what apply reads back is in the mirror at once (no sync in between).
 */
import { describe, expect, it } from 'vitest';
import { listAudit, verifyAuditTrail } from '../audit-trail';
import { silentLogger } from '../log/logger';
import { applyPlan } from './apply/apply-plan';
import { approveOperations } from './approval';
import { createPlan, getPlan, submitForReview } from './plans';
import { splitLinks, splitUnapproved } from './split';
import { getMirrorPeople } from './store/mirror-reads';
import { makeClient, testJob } from './test-support/fixture';
import { useMirroredSandboxes } from './test-support/mirrored-sandboxes';
import { plainUsers } from './test-support/scenario';

const mirrored = useMirroredSandboxes();

async function planOfThree() {
  const m = await mirrored();
  const roles = m.sb.state.data.roles.filter((r) => !r.utaOnly && !r.privileged);
  const people = plainUsers(m.sb).slice(0, 3);
  const operations = people.map((p) => {
    const role = roles.find((r) => !p.roleIds.includes(r.id)) as { id: number };
    return { kind: 'add_role' as const, personId: p.id, roleId: role.id };
  });
  const { plan } = createPlan(m.db, {
    instanceId: m.instanceId,
    title: 'Grants for three',
    createdBy: 'ana',
    operations,
  });
  expect(plan.operations).toHaveLength(3);
  return { ...m, plan, operations };
}

describe('splitUnapproved', () => {
  it('moves what is not approved into a new draft, links the two, and leaves an approved plan', async () => {
    const { db, plan } = await planOfThree();
    expect(() => splitUnapproved(db, { planId: plan.id, actor: 'ana' })).toThrow(/in review/);
    submitForReview(db, { planId: plan.id, actor: 'ana' });
    expect(() => splitUnapproved(db, { planId: plan.id, actor: 'ana' })).toThrow(
      /No operation of this plan is approved/,
    );
    const first = plan.operations[0]?.id as number;
    approveOperations(db, { planId: plan.id, operationIds: [first], approver: 'bo' });

    const { plan: kept, rest } = splitUnapproved(db, { planId: plan.id, actor: 'ana' });
    expect(kept.state).toBe('approved');
    expect(kept.operations.map((o) => o.id)).toEqual([first]);
    expect(rest?.state).toBe('draft');
    expect(rest?.title).toBe('Grants for three (not approved yet)');
    expect(rest?.operations.map((o) => o.id)).toEqual(plan.operations.slice(1).map((o) => o.id));
    expect(rest?.operations.every((o) => o.approval === null)).toBe(true);

    expect(splitLinks(db, plan.id).splitInto.map((p) => p.id)).toEqual([rest?.id]);
    expect(splitLinks(db, rest?.id as string).splitFrom).toMatchObject({ id: plan.id, state: 'approved' });
    const split = listAudit(db, { subject: `plan:${plan.id}`, action: 'plan.split' }).entries[0];
    expect(split?.details).toMatchObject({ into: rest?.id, kept: 1 });
    expect(verifyAuditTrail(db).ok).toBe(true);

    // Nothing left to split: the plan stays as it is and no empty draft is made.
    const again = splitUnapproved(db, { planId: plan.id, actor: 'ana' });
    expect(again.rest).toBeNull();
    expect(splitLinks(db, plan.id).splitInto).toHaveLength(1);
  });

  it('applies the approved part, and the mirror shows the new role without a sync', async () => {
    const { sb, db, instanceId, plan, operations } = await planOfThree();
    submitForReview(db, { planId: plan.id, actor: 'ana' });
    approveOperations(db, { planId: plan.id, operationIds: [plan.operations[0]?.id as number], approver: 'bo' });
    const { rest } = splitUnapproved(db, { planId: plan.id, actor: 'ana' });
    const [applied, notYet] = operations as [(typeof operations)[number], (typeof operations)[number]];
    const roleList = (id: number) => getMirrorPeople(db, instanceId, [id]).get(id)?.fields['sf_User Role'] ?? '';
    expect(roleList(applied.personId)).not.toContain(`,${applied.roleId},`);

    const { client } = makeClient(sb);
    const result = await applyPlan({
      db,
      client,
      instanceId,
      planId: plan.id,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
    });
    expect(result.plan.state).toBe('applied');
    expect(sb.state.person(applied.personId)?.roleIds).toContain(applied.roleId);
    // The mirror, straight after the apply: the role list and the holdings.
    expect(roleList(applied.personId)).toContain(`,${applied.roleId},`);
    const holds = db
      .prepare('SELECT count(*) FROM mirror_role_holdings WHERE instance_id = ? AND role_id = ? AND person_id = ?')
      .pluck()
      .get(instanceId, applied.roleId, applied.personId);
    expect(holds).toBe(1);
    // The split-off part was not applied.
    expect(sb.state.person(notYet.personId)?.roleIds).not.toContain(notYet.roleId);
    expect(getPlan(db, rest?.id as string).state).toBe('draft');
  });
});
