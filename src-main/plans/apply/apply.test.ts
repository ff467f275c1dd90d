/**
 * Apply against the sandbox over HTTP: every kind of operation, verified by reading back, a note
 * per changed person, in the calls the review estimated; drift skipped and reported; undo back to
 * the first state; the server's hourly limit reached mid-plan.
 */
import { describe, expect, it } from 'vitest';
import { listAudit, verifyAuditTrail } from '../../audit-trail';
import { silentLogger } from '../../log/logger';
import { reviewPlan } from '../review';
import { makeClient, sandboxState, testJob, writesPerRecord } from '../test-support/fixture';
import { useMirroredSandboxes } from '../test-support/mirrored-sandboxes';
import { approveAll, approvedPlan, bulkOperations, mixedOperations, plainUsers } from '../test-support/scenario';
import { createUndoPlan } from '../undo';
import { applyPlan } from './apply-plan';

const mirrored = useMirroredSandboxes();

async function setup() {
  const m = await mirrored();
  return { ...m, ...makeClient(m.sb) };
}

describe('applyPlan', () => {
  it('applies every kind of operation, verifies it, notes it on each person, in the estimated calls', async () => {
    const { sb, db, instanceId, client } = await setup();
    const plan = approvedPlan(db, instanceId, mixedOperations(sb));
    expect(plan.state).toBe('approved');
    const estimate = reviewPlan(db, plan.id).estimate;
    const since = sb.requestLog.length;
    const job = testJob();
    const result = await applyPlan({
      db,
      client,
      instanceId,
      planId: plan.id,
      ctx: job.ctx,
      approver: 'bo',
      logger: silentLogger,
    });

    expect(result.plan.state).toBe('applied');
    expect(result.operations.map((o) => o.state)).toEqual(plan.operations.map(() => 'verified'));
    expect(result.summary).toMatchObject({
      verified: plan.operations.length,
      failed: 0,
      skippedDrift: 0,
      pending: 0,
      resumes: 0,
    });
    expect(sb.requestLog.length - since).toBe(result.summary.calls);
    expect(result.summary.calls).toBe(estimate.total);

    // The sandbox holds what each operation said.
    for (const op of plan.operations.filter(
      (o) => o.personId !== null && o.kind !== 'add_assignment' && o.kind !== 'remove_assignment',
    )) {
      const p = sb.state.person(op.personId as number);
      if (op.after['sf_Title'] !== undefined) expect(p?.title).toBe(op.after['sf_Title']);
      if (op.after['sf_Status'] !== undefined) expect(p?.status).toBe(op.after['sf_Status']);
      if (op.after['sf_User Role'] !== undefined && op.kind !== 'deactivate')
        expect(`,${p?.roleIds.join(',')},`.includes(`,${String(op.params.roleId)},`)).toBe(op.kind === 'add_role');
    }
    const created = result.operations.find((o) => o.kind === 'create_person');
    const newcomer = sb.state.person(Number(created?.recordid));
    expect([newcomer?.email, newcomer?.title, newcomer?.status, newcomer?.roleIds.length]).toEqual([
      'nia.okafor@example.org',
      'Analyst',
      'Active',
      1,
    ]);
    // One note per person and source; the AI's change is signed AI_Service.
    const notes = sb.transactions();
    const people = new Set(plan.operations.map((o) => o.personId));
    expect(notes).toHaveLength(people.size);
    const aiOp = plan.operations.find((o) => o.source === 'ai' && o.personId !== null);
    expect(notes.find((n) => n.objectId === aiOp?.personId)).toMatchObject({
      source: 'AI_Service',
      type: 'Admin Desk change',
    });
    expect(notes.find((n) => n.objectId === newcomer?.id)?.description).toMatch(/\[AI suggestion intake-12\]/);
    expect(notes.find((n) => n.objectId !== aiOp?.personId)?.source).toBe('bo');
    expect(notes[0]?.description).toContain(plan.id);
    expect(notes[0]?.description).toMatch(/approved by bo/);
    expect(result.summary.transactions).toEqual({ written: people.size, failed: 0, unknown: 0 });

    const actions = listAudit(db, { subject: `plan:${plan.id}` }).entries.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['plan.applied', 'plan.apply_started']);
    expect(verifyAuditTrail(db).ok).toBe(true);
    await expect(
      applyPlan({ db, client, instanceId, planId: plan.id, ctx: job.ctx, approver: 'bo', logger: silentLogger }),
    ).rejects.toThrow(/applied/);
  });

  it('skips and reports an operation whose person changed on the server after planning, and keeps unrelated changes', async () => {
    const { sb, db, instanceId, client } = await setup();
    const [a, b] = plainUsers(sb) as [ReturnType<typeof plainUsers>[number], ReturnType<typeof plainUsers>[number]];
    const role = sb.state.data.roles.find((r) => !r.utaOnly && !r.privileged && !b.roleIds.includes(r.id)) as {
      id: number;
    };
    const plan = approvedPlan(db, instanceId, [
      { kind: 'update_fields', personId: a.id, fields: { sf_Title: 'Planned title' } },
      { kind: 'add_role', personId: b.id, roleId: role.id },
    ]);
    // Meanwhile, on the server: a's title (what the plan changes) and b's phone (what it does not).
    a.title = 'Changed by someone else';
    b.phone = '+1-555-000-0000';
    sb.state.touch();
    const result = await applyPlan({
      db,
      client,
      instanceId,
      planId: plan.id,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
    });
    expect(result.plan.state).toBe('partially_applied');
    const [drifted, applied] = result.operations;
    expect(drifted).toMatchObject({
      state: 'skipped_drift',
      message: expect.stringMatching(/sf_Title is "Changed by someone else" \(expected ".*"\)/) as unknown,
    });
    expect(applied?.state).toBe('verified');
    expect(sb.state.person(a.id)?.title).toBe('Changed by someone else');
    expect(sb.state.person(b.id)?.phone).toBe('+1-555-000-0000');
    expect(sb.state.person(b.id)?.roleIds).toContain(role.id);
    expect(writesPerRecord(sb, 'users.update').get(String(a.id))).toBeUndefined();
    expect(result.message).toMatch(/1 skipped \(changed on the server since planning\)/);
  });

  it('undoes an applied plan through a new approved plan: the people are back to their first state', async () => {
    const { sb, db, instanceId, client } = await setup();
    const ops = mixedOperations(sb);
    const touched = new Set(ops.map((o) => ('personId' in o ? o.personId : 0)));
    const first = sandboxState(sb, touched);
    const plan = approvedPlan(db, instanceId, ops);
    await applyPlan({
      db,
      client,
      instanceId,
      planId: plan.id,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
    });
    expect(sandboxState(sb, touched)).not.toEqual(first);

    const { plan: undo, rejected } = createUndoPlan(db, { planId: plan.id, actor: 'ana' });
    expect(rejected).toEqual([]);
    expect([undo.state, undo.origin, undo.undoOf]).toEqual(['draft', 'undo', plan.id]);
    expect(undo.operations.map((o) => o.kind)).toContain('remove_role');
    await expect(
      applyPlan({ db, client, instanceId, planId: undo.id, ctx: testJob().ctx, approver: 'bo', logger: silentLogger }),
    ).rejects.toThrow(/approved/);
    approveAll(db, undo.id);
    const result = await applyPlan({
      db,
      client,
      instanceId,
      planId: undo.id,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
    });
    expect(result.plan.state).toBe('applied');
    expect(sandboxState(sb, touched)).toEqual(first);
    expect(listAudit(db, { action: 'plan.undo_created' }).total).toBe(1);
  });

  it('waits out the hourly limit reached mid-plan (manual clock), says when it resumes, and applies nothing twice', async () => {
    const { sb, db, instanceId, client, waits } = await setup();
    const plan = approvedPlan(db, instanceId, bulkOperations(sb, 150));
    // The server's own count says 6 calls an hour (other clients use the rest); ours does not know.
    sb.settings.hourlyLimit = 6;
    const start = sb.clock.now();
    const job = testJob();
    const result = await applyPlan({
      db,
      client,
      instanceId,
      planId: plan.id,
      ctx: job.ctx,
      approver: 'bo',
      logger: silentLogger,
      waits,
    });
    expect(result.summary).toMatchObject({ verified: 150, failed: 0 });
    expect(
      job.messages.some((m) => /^Waiting for the hourly SmartConnect call limit; resumes at \d\d:\d\d UTC\.$/.test(m)),
    ).toBe(true);
    expect(sb.clock.now() - start).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect([...writesPerRecord(sb, 'users.update').values()].every((n) => n === 1)).toBe(true);
    expect(writesPerRecord(sb, 'users.update').size).toBe(150);
  });
});
