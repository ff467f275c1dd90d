/**
 * Faults injected by the sandbox while a plan is applied: HTTP 500 and connection resets before
 * and after the server acted, a request that never gets an answer, one bad record in a batch (both
 * batch policies), and a failure that stops the run. Every time: nothing lost (each operation
 * ends verified or failed with the server's own text), nothing applied twice.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger';
import { ERROR_TEXTS } from '../../smartsimple/protocol';
import type { FaultSpec, SandboxHandle } from '../../smartsimple/sandbox';
import { callTimeoutFor } from '../../smartsimple/client/test-helpers';
import { makeClient, testJob, writesPerRecord } from '../test-support/fixture';
import { useMirroredSandboxes } from '../test-support/mirrored-sandboxes';
import { approvedPlan, bulkOperations } from '../test-support/scenario';
import { applyPlan, stopApplying } from './apply-plan';

const mirrored = useMirroredSandboxes();

async function setup(people = 120, timeoutMs = callTimeoutFor('none')) {
  const m = await mirrored();
  const { client } = makeClient(m.sb, { overrides: { timeoutMs } });
  const plan = approvedPlan(m.db, m.instanceId, bulkOperations(m.sb, people));
  const run = () =>
    applyPlan({
      db: m.db,
      client,
      instanceId: m.instanceId,
      planId: plan.id,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
      batchSize: 50,
    });
  return { ...m, plan, run };
}

function appliedOnce(sb: SandboxHandle, expected: number) {
  const counts = writesPerRecord(sb, 'users.update');
  expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
  expect(counts.size).toBe(expected);
}

describe('applyPlan under faults', () => {
  const cases: [string, FaultSpec][] = [
    [
      'HTTP 500 after the server applied the batch',
      { kind: 'http500', when: 'after', match: { function: 'users.update' } },
    ],
    ['HTTP 500 before the server acted', { kind: 'http500', when: 'before', match: { function: 'users.update' } }],
    [
      'connection reset after the server applied the batch',
      { kind: 'reset', when: 'after', match: { function: 'users.update' } },
    ],
    [
      'connection reset before the server acted',
      { kind: 'reset', when: 'before', match: { function: 'users.update' } },
    ],
    [
      'no answer at all (timeout) after the server applied the batch',
      { kind: 'timeout', when: 'after', match: { function: 'users.update' } },
    ],
    [
      'a malformed reply after the server applied the batch',
      { kind: 'malformed', when: 'after', match: { function: 'users.update' } },
    ],
  ];
  for (const [name, fault] of cases) {
    it(`reconciles by reading back: ${name}`, async () => {
      const { sb, run, plan } = await setup(120, callTimeoutFor(fault.kind));
      sb.faults.add(fault);
      const result = await run();
      expect(result.summary).toMatchObject({ verified: plan.operations.length, failed: 0, pending: 0 });
      appliedOnce(sb, plan.operations.length);
      expect(sb.transactions()).toHaveLength(plan.operations.length);
    });
  }

  it("fails the one bad record of an all-or-nothing batch, resends the others in one call, and shows the server's text for it", async () => {
    const { sb, run, plan } = await setup();
    sb.faults.add({ kind: 'badRecord', recordIndex: 7, match: { function: 'users.update' } });
    const result = await run();
    const failed = result.operations.filter((o) => o.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.message).toBe(ERROR_TEXTS.record);
    expect(result.plan.state).toBe('partially_applied');
    expect(result.summary.verified).toBe(plan.operations.length - 1);
    expect(sb.requestLog.filter((e) => e.function === 'users.update')).toHaveLength(
      Math.ceil(plan.operations.length / 50) + 1,
    );
    appliedOnce(sb, plan.operations.length - 1);
  });

  it('keeps the good records of a per-record batch and fails only the bad one', async () => {
    const { sb, run, plan } = await setup();
    sb.settings.partialBatch = 'per-record';
    sb.faults.add({ kind: 'badRecord', recordIndex: 3, match: { function: 'users.update' } });
    const updatesBefore = sb.requestLog.filter((e) => e.function === 'users.update').length;
    const result = await run();
    expect(result.operations.filter((o) => o.state === 'failed').map((o) => o.message)).toEqual([ERROR_TEXTS.record]);
    // No halving needed: the answer said which record failed.
    expect(sb.requestLog.filter((e) => e.function === 'users.update').length - updatesBefore).toBe(
      Math.ceil(plan.operations.length / 50),
    );
    appliedOnce(sb, plan.operations.length - 1);
  });

  it('stops on a failure that cannot be waited out, keeps the plan resumable, and resumes without redoing anything', async () => {
    const { sb, run, plan, db } = await setup();
    // The second update call is refused for bad credentials (nothing of it applied).
    let updates = 0;
    const apiUser = sb.state.data.apiAccount;
    const original = sb.faults.take.bind(sb.faults);
    sb.faults.take = (phase, request, kinds) => {
      if (phase === 'before' && request.function === 'users.update' && !kinds && ++updates === 2)
        sb.credentials.setPassword(apiUser.personId, 'changed');
      return original(phase, request, kinds);
    };
    await expect(run()).rejects.toMatchObject({ kind: 'credentials', serverMessage: ERROR_TEXTS.credentials });
    const stopped = db.prepare('SELECT state, result FROM plans WHERE id = ?').get(plan.id) as {
      state: string;
      result: string;
    };
    expect(stopped.state).toBe('applying');
    expect(JSON.parse(stopped.result)).toMatchObject({
      verified: 0,
      pending: plan.operations.length,
      stoppedBy: ERROR_TEXTS.credentials,
    });
    // The first batch went through (sent, to be verified on resume); the refused one is pending again.
    const states = db
      .prepare('SELECT state, count(*) AS n FROM plan_journal WHERE plan_id = ? GROUP BY state ORDER BY state')
      .all(plan.id);
    expect(states).toEqual([
      { state: 'pending', n: plan.operations.length - 50 },
      { state: 'sent', n: 50 },
    ]);
    sb.credentials.setPassword(apiUser.personId, apiUser.password);
    const result = await run();
    expect(result.summary).toMatchObject({ verified: plan.operations.length, failed: 0, resumes: 1 });
    appliedOnce(sb, plan.operations.length);
  });

  it('never resends a note whose answer was lost (transactions cannot be read back) and reports it', async () => {
    const { sb, run, plan } = await setup(60);
    sb.faults.add({ kind: 'reset', when: 'after', match: { function: 'transactions.update' } });
    const result = await run();
    expect(result.summary.verified).toBe(plan.operations.length);
    expect(result.summary.transactions).toEqual({ written: 10, failed: 0, unknown: 50 });
    expect(result.message).toMatch(/50 SmartSimple notes may be missing/);
    // The server did write them (the reset came after): exactly once each.
    const perPerson = new Map<number, number>();
    for (const t of sb.transactions()) perPerson.set(t.objectId, (perPerson.get(t.objectId) ?? 0) + 1);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect(perPerson.size).toBe(plan.operations.length);
  });

  it('reconciles program assignments whose answer was lost by listing the program', async () => {
    const m = await mirrored();
    const program = m.sb.state.data.programs.find((p) => !p.deleted) as { id: number };
    const uta = m.sb.state.data.roles.find((r) => r.utaOnly) as { id: number };
    const holders = new Set(
      m.sb.state
        .associationsOf(program.id)
        .filter((a) => a.roleId === uta.id)
        .map((a) => a.contactId),
    );
    const people = m.sb.state.data.people.filter((p) => !p.deleted && !holders.has(p.id)).slice(0, 12);
    const plan = approvedPlan(
      m.db,
      m.instanceId,
      people.map((p) => ({ kind: 'add_assignment' as const, personId: p.id, programId: program.id, roleId: uta.id })),
    );
    m.sb.faults.add({ kind: 'reset', when: 'after', match: { function: 'programs.associations.update' } });
    const { client } = makeClient(m.sb);
    const result = await applyPlan({
      db: m.db,
      client,
      instanceId: m.instanceId,
      planId: plan.id,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
      batchSize: 5,
    });
    expect(result.summary).toMatchObject({ verified: 12, failed: 0 });
    const added = m.sb.state
      .associationsOf(program.id)
      .filter((a) => a.roleId === uta.id && people.some((p) => p.id === a.contactId));
    expect(added).toHaveLength(12);
    expect(writesPerRecord(m.sb, 'programs.associations.update').size).toBe(12);
  });

  it('a cancelled apply stops between calls and resumes later; an interrupted one can also be given up', async () => {
    const { sb, db, plan, instanceId } = await setup();
    const { client } = makeClient(sb);
    const job = testJob();
    let updates = 0;
    const original = sb.faults.take.bind(sb.faults);
    sb.faults.take = (phase, request, kinds) => {
      if (phase === 'before' && request.function === 'users.update' && !kinds && ++updates === 1)
        job.controller.abort();
      return original(phase, request, kinds);
    };
    await expect(
      applyPlan({ db, client, instanceId, planId: plan.id, ctx: job.ctx, approver: 'bo', logger: silentLogger }),
    ).rejects.toThrow(/Cancelled/);
    sb.faults.take = original;
    // The batch on the wire when the cancel came was not abandoned: it is sent, awaiting verification.
    expect(() => stopApplying(db, { planId: plan.id, actor: 'bo' })).toThrow(/resume the apply first/);
    const resumed = await applyPlan({
      db,
      client,
      instanceId,
      planId: plan.id,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
    });
    expect(resumed.summary).toMatchObject({ verified: plan.operations.length, resumes: 1 });
    appliedOnce(sb, plan.operations.length);

    const other = await setup(60);
    other.sb.credentials.setPassword(other.sb.state.data.apiAccount.personId, 'wrong');
    await expect(other.run()).rejects.toMatchObject({ kind: 'credentials' });
    const stopped = stopApplying(other.db, { planId: other.plan.id, actor: 'bo' });
    expect([stopped.plan.state, stopped.summary.pending, stopped.summary.stoppedBy]).toEqual([
      'failed',
      60,
      'Stopped by bo',
    ]);
    expect(writesPerRecord(other.sb, 'users.update').size).toBe(0);
  });
});
