/**
 * Plans through the channels against the sandbox over real HTTP and the real keychain: build from
 * a filter, review, approve, apply, results, undo; hostile inputs; the privileged-approval policy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApprovePlanResult,
  AuditVerification,
  BuildResult,
  ConnectionDetails,
  JobInfo,
  PersonDetail,
  PlanApplyResult,
  PlanChange,
  PlanDetail,
  PlanSummary,
  RoleRow,
  SearchPeopleResult,
} from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { ok, testKeychain } from '../test-support/channels';

// One backend for the whole file (the sync is the slow part), so one folder that outlives each test.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-plans-ipc-'));
const { service, skip } = await testKeychain();

describe.skipIf(skip)('plans through the channels', () => {
  let b: Backend;
  let instanceId = '';
  let roles: RoleRow[] = [];
  let people: SearchPeopleResult['rows'] = [];

  const sync = async () => {
    const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
  };
  /** Plans and audit entries: what a refused call must leave as it was. */
  const footprint = async () => ({
    plans: (await ok<PlanSummary[]>(b.invoke('plans:list', { instanceId }))).map(
      (p) => `${p.id}:${p.revision}:${p.state}:${p.operations}:${p.approved}`,
    ),
    audit: (await ok<{ total: number }>(b.invoke('audit:list', { instanceId }))).total,
  });

  beforeAll(async () => {
    b = await createBackend({
      dataDir,
      keychainService: service,
      sandbox: { people: 150, seed: 11 },
      consoleLog: false,
    });
    instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
    await ok(b.invoke('settings:update', { administratorName: 'Ann Admin' }));
    await sync();
    roles = await ok<RoleRow[]>(b.invoke('roles:list', { instanceId }));
    people = (await ok<SearchPeopleResult>(b.invoke('people:search', { instanceId, limit: 1000 }))).rows;
  });
  afterAll(async () => {
    if (instanceId) await b.services.vault.deleteInstance(instanceId).catch(() => 0);
    await b?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds from a filter, reviews, approves, applies, shows results and makes the undo draft', async () => {
    // The department with the most people, and a profile role not all of them hold.
    const byDept = new Map<string, number>();
    for (const p of people)
      if (p.department && !p.removed) byDept.set(p.department, (byDept.get(p.department) ?? 0) + 1);
    const department = [...byDept.entries()].sort((a, c) => c[1] - a[1])[0]![0];
    const role = roles.find((r) => !r.utaOnly && !r.removed && r.privileged !== true)!;
    await ok(b.invoke('roles:setPrivileged', { instanceId, roleId: role.id, privileged: false }));

    const built = await ok<BuildResult>(
      b.invoke('plans:buildFromFilter', {
        instanceId,
        title: 'Grant to department',
        build: { kind: 'grantRoleToDepartment', roleId: role.id, department },
      }),
    );
    expect(built.added).toBeGreaterThan(0);
    const planId = built.plan.id;
    expect(built.plan.createdBy).toMatch(/\(API user .+\)/);

    const detail = await ok<PlanDetail>(b.invoke('plans:get', { instanceId, planId }));
    expect(detail.totals.operations).toBe(built.added);
    expect(detail.people.length).toBe(built.added);
    const diff = detail.people[0]!;
    expect(diff.operations[0]!.kind).toBe('add_role');
    expect(JSON.stringify(diff.after)).not.toBe(JSON.stringify(diff.before));
    expect(detail.estimate.total).toBeGreaterThan(0);
    expect(detail.estimate.budget?.remaining).toBe(detail.budget.remaining);
    expect(detail.canResume).toBe(false);

    expect(await b.invoke('plans:apply', { planId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(b.invoke('plans:submit', { planId }));
    const approved = await ok<ApprovePlanResult>(b.invoke('plans:approve', { planId, note: 'checked with HR' }));
    expect(approved.plan.state).toBe('approved');
    expect(approved.plan.operations.every((o) => o.approval?.scope === 'plan')).toBe(true);

    const job = await ok<JobInfo>(b.invoke('plans:apply', { planId }));
    expect(await b.invoke('plans:apply', { planId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const done = await b.services.jobs.wait(job.id);
    expect(done.state, done.error?.message).toBe('succeeded');

    const result = await ok<PlanApplyResult>(b.invoke('plans:result', { planId }));
    expect(result.plan.state).toBe('applied');
    expect(result.operations.every((o) => o.state === 'verified')).toBe(true);
    expect(result.summary.calls).toBeGreaterThan(0);
    expect(result.applyJobId).toBeNull();

    // The sandbox changed: a fresh sync brings the role into the mirror.
    await sync();
    const target = await ok<PersonDetail>(
      b.invoke('people:get', { instanceId, personId: result.operations[0]!.personId! }),
    );
    expect(target.roles.map((r) => r.id)).toContain(role.id);

    const undo = await ok<PlanChange>(b.invoke('plans:undo', { planId }));
    expect(undo.plan.state).toBe('draft');
    expect(undo.plan.undoOf).toBe(planId);
    expect(undo.plan.operations.length).toBe(built.added);
    expect(undo.plan.operations.every((o) => o.kind === 'remove_role')).toBe(true);
    expect((await ok<PlanDetail>(b.invoke('plans:get', { planId }))).undoPlans.map((p) => p.id)).toContain(
      undo.plan.id,
    );

    const exported = await ok<{ text: string; filename: string }>(
      b.invoke('plans:export', { planId: undo.plan.id, format: 'json' }),
    );
    expect(exported.filename).toMatch(/\.json$/);
    expect(JSON.parse(exported.text)).toMatchObject({ format: 'admin-desk-plan' });

    const verified = await ok<AuditVerification>(b.invoke('audit:verify'));
    expect(verified.ok).toBe(true);
    const trail = await ok<{ entries: { action: string }[] }>(b.invoke('audit:list', { instanceId, limit: 1000 }));
    expect(trail.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'plan.created',
        'plan.approved',
        'plan.applied',
        'plan.undo_created',
        'plan.approval_note',
      ]),
    );
    expect(
      (await ok<{ text: string }>(b.invoke('audit:export', { instanceId }))).text.split('\n').filter(Boolean).length,
    ).toBeGreaterThan(5);
  });

  it('refuses hostile inputs with VALIDATION and changes nothing', async () => {
    const plan = await ok<{ id: string }>(b.invoke('plans:create', { instanceId, title: 'Scratch' }));
    const person = people.find((p) => !p.removed)!;
    const before = await footprint();
    const refused: [string, unknown][] = [
      ['plans:create', { instanceId, title: '' }],
      ['plans:create', { instanceId, title: 'x'.repeat(1000) }],
      ['plans:create', { instanceId, title: 'ok', createdBy: 'someone else' }],
      ['plans:addOperation', { planId: plan.id, operations: [{ kind: 'add_role', personId: -1, roleId: 1 }] }],
      [
        'plans:addOperation',
        {
          planId: plan.id,
          operations: [{ kind: 'add_role', personId: person.id, roleId: roles[0]!.id, source: 'ai' }],
        },
      ],
      ['plans:addOperation', { planId: plan.id, operations: [{ kind: 'drop_tables', personId: person.id }] }],
      [
        'plans:addOperation',
        { planId: plan.id, operations: [{ kind: 'update_fields', personId: person.id, fields: { sf_Password: 'x' } }] },
      ],
      [
        'plans:addOperation',
        {
          planId: plan.id,
          operations: Array.from({ length: 1001 }, () => ({ kind: 'deactivate', personId: person.id })),
        },
      ],
      ['plans:approve', { planId: plan.id, operationIds: ['1'] }],
      ['plans:approve', { planId: plan.id, operationIds: [] }],
      [
        'plans:buildFromFilter',
        {
          instanceId,
          build: { kind: 'filter', filters: { lastLogin: { before: 'yesterday' } }, action: { kind: 'deactivate' } },
        },
      ],
      [
        'plans:buildFromFilter',
        { instanceId, build: { kind: 'removeRoleFromDormant', roleId: roles[0]!.id, days: 0 } },
      ],
      // A new plan from a filter nobody matches is not kept.
      [
        'plans:buildFromFilter',
        {
          instanceId,
          build: { kind: 'grantRoleToDepartment', roleId: roles[0]!.id, department: 'No such department anywhere' },
        },
      ],
      ['plans:buildFromCsv', { instanceId, csv: 'email\n' + 'a@b.c\n'.repeat(400_000), mode: 'add' }],
      ['plans:buildFromCsv', { instanceId, csv: 'email,roles\nnobody@nowhere.example,1', mode: 'add' }],
      ['plans:buildFromCsv', { instanceId, csv: 'x', mode: 'sideways' }],
      ['plans:export', { planId: plan.id, format: 'xml' }],
      ['plans:import', { planId: plan.id, text: '{"format":"admin-desk-plan","version":1,"operations":"nope"}' }],
      ['audit:list', { limit: 5000 }],
    ];
    for (const [channel, input] of refused) {
      const r = await b.invoke(channel, input);
      expect(r, `${channel} ${JSON.stringify(input).slice(0, 120)}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(await b.invoke('plans:get', { planId: "x'; DROP TABLE plans; --" })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await b.invoke('plans:get', { instanceId: 'another', planId: plan.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await footprint()).toEqual(before);
    expect((await ok<AuditVerification>(b.invoke('audit:verify'))).ok).toBe(true);
  });

  it('refuses a privileged operation in a bulk approval; it takes its own', async () => {
    const privileged = roles.find((r) => !r.utaOnly && !r.removed && r.privileged !== false)!;
    await ok(b.invoke('roles:setPrivileged', { instanceId, roleId: privileged.id, privileged: true }));
    const [a, c] = people.filter((p) => !p.removed && p.status === 'Active').slice(0, 2);
    const plan = await ok<{ id: string }>(b.invoke('plans:create', { instanceId, title: 'Mixed' }));
    const added = await ok<PlanChange>(
      b.invoke('plans:addOperation', {
        planId: plan.id,
        operations: [
          { kind: 'add_role', personId: a!.id, roleId: privileged.id },
          { kind: 'set_access', personId: c!.id, status: 'Inactive' },
        ],
      }),
    );
    expect(added.rejected).toEqual([]);
    const [grant, other] = [
      added.plan.operations.find((o) => o.privileged)!,
      added.plan.operations.find((o) => !o.privileged)!,
    ];
    expect(grant).toBeDefined();
    await ok(b.invoke('plans:submit', { planId: plan.id }));

    const bulk = await b.invoke('plans:approve', { planId: plan.id, operationIds: [grant.id, other.id] });
    expect(bulk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!bulk.ok && bulk.error.message).toMatch(/one at a time/);

    const whole = await ok<ApprovePlanResult>(b.invoke('plans:approve', { planId: plan.id }));
    expect(whole.plan.state).toBe('in_review');
    expect(whole.needOwnApproval.map((o) => o.id)).toEqual([grant.id]);

    const own = await ok<ApprovePlanResult>(
      b.invoke('plans:approve', {
        planId: plan.id,
        operationIds: [grant.id],
        reason: 'Covers the grants desk',
        secondApprover: 'Bea Second',
      }),
    );
    expect(own.plan.state).toBe('approved');
    expect(own.plan.operations.find((o) => o.id === grant.id)?.approval?.scope).toBe('operation');

    const revoked = await ok<{ state: string }>(
      b.invoke('plans:revoke', { planId: plan.id, operationIds: [grant.id] }),
    );
    expect(revoked.state).toBe('in_review');
    const discarded = await ok<{ state: string }>(b.invoke('plans:discard', { planId: plan.id }));
    expect(discarded.state).toBe('discarded');
  });
});
