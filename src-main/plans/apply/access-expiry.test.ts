/**
 * The access expiry on set_access: planned from the mirror, written to the sandbox over HTTP,
 * verified by reading back, undone back to no expiry; a malformed day is refused before any plan.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger';
import { planOperationInputSchema } from '../../../src-preload/contract/plans-inputs';
import { createPlan } from '../plans';
import { makeClient, testJob } from '../test-support/fixture';
import { useMirroredSandboxes } from '../test-support/mirrored-sandboxes';
import { approveAll, approvedPlan, plainUsers } from '../test-support/scenario';
import { createUndoPlan } from '../undo';
import { applyPlan } from './apply-plan';

const mirrored = useMirroredSandboxes();

const dayOf = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString().slice(0, 10));

describe('set_access with an expiry date', () => {
  it('sets the expiry on the instance, verifies it, and its undo clears it again', async () => {
    const m = await mirrored();
    const { sb, db, instanceId } = m;
    const { client } = makeClient(sb);
    const person = plainUsers(sb).find((p) => p.accessExpiry === null) as { id: number };
    const plan = approvedPlan(db, instanceId, [{ kind: 'set_access', personId: person.id, expiresOn: '2031-06-30' }]);
    const [op] = plan.operations;
    expect(op?.after).toEqual({ 'sf_Access Expiry': '2031-06-30' });
    expect(op?.params).toMatchObject({ expiresOn: '2031-06-30' });

    const run = (planId: string) =>
      applyPlan({ db, client, instanceId, planId, ctx: testJob().ctx, approver: 'bo', logger: silentLogger });
    const result = await run(plan.id);
    expect(result.operations.map((o) => o.state)).toEqual(['verified']);
    expect(dayOf(sb.state.person(person.id)?.accessExpiry)).toBe('2031-06-30');

    const { plan: undo } = createUndoPlan(db, { planId: plan.id, actor: 'ana' });
    expect(undo.operations.map((o) => [o.kind, o.after])).toEqual([['set_access', { 'sf_Access Expiry': null }]]);
    approveAll(db, undo.id);
    expect((await run(undo.id)).operations.map((o) => o.state)).toEqual(['verified']);
    expect(sb.state.person(person.id)?.accessExpiry).toBeNull();
  });

  it('refuses a malformed day at the door, and a no-op expiry in the planner', async () => {
    const bad = planOperationInputSchema.safeParse({ kind: 'set_access', personId: 5, expiresOn: '30/06/2031' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
    const m = await mirrored();
    const person = plainUsers(m.sb).find((p) => p.accessExpiry === null) as { id: number };
    const { rejected } = createPlan(m.db, {
      instanceId: m.instanceId,
      title: 'No-op',
      createdBy: 'ana',
      operations: [{ kind: 'set_access', personId: person.id, expiresOn: '' }],
    });
    expect(rejected[0]?.message).toMatch(/already has these values/);
  });
});
