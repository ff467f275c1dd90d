/**
 * Sync through the channels, then browse offline: the sandbox is closed before the browse calls,
 * so every answer comes from the mirror.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type {
  ConnectionDetails,
  DepartmentRow,
  JobInfo,
  PersonDetail,
  RoleRow,
  SearchPeopleResult,
  SyncPlan,
  SyncStatus,
} from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { ok, testKeychain } from '../test-support/channels';

const tempDir = useTempDirs();
const { service, skip } = await testKeychain();

describe.skipIf(skip)('sync and browse through the channels', () => {
  let b: Backend;
  let instanceId = '';
  afterAll(async () => {
    if (instanceId) await b.services.vault.deleteInstance(instanceId).catch(() => 0);
    await b?.close();
  });

  it('plans, syncs as a job, then answers offline', async () => {
    b = await createBackend({
      dataDir: tempDir(),
      keychainService: service,
      sandbox: { people: 150, seed: 11 },
      consoleLog: false,
    });
    const explored = await ok<ConnectionDetails>(b.invoke('sandbox:explore'));
    instanceId = explored.instance.id;

    const plan = await ok<SyncPlan>(b.invoke('sync:plan', { instanceId }));
    expect(plan.kind).toBe('full');
    expect(plan.calls).toBeGreaterThan(0);
    expect(plan.message).toMatch(/calls/);

    const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    expect(await b.invoke('sync:start', { instanceId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const done = await b.services.jobs.wait(job.id);
    expect(done.state).toBe('succeeded');
    const status = await ok<SyncStatus>(b.invoke('sync:status', { instanceId }));
    expect(status.lastSyncedAt).not.toBeNull();
    expect(status.runningJobId).toBeNull();

    // The network is off from here on.
    await b.services.sandbox.close();

    const all = await ok<SearchPeopleResult>(b.invoke('people:search', { instanceId, limit: 1000 }));
    expect(all.total).toBeGreaterThanOrEqual(150);
    const someone = all.rows.find((p) => p.lastName.length >= 4)!;
    const found = await ok<SearchPeopleResult>(
      b.invoke('people:search', { instanceId, query: someone.lastName.slice(0, 4) }),
    );
    expect(found.rows.map((r) => r.id)).toContain(someone.id);

    const person = await ok<PersonDetail>(b.invoke('people:get', { instanceId, personId: someone.id }));
    expect(person.organizationPath.length).toBeGreaterThan(0);

    const roles = await ok<RoleRow[]>(b.invoke('roles:list', { instanceId }));
    expect(roles.length).toBeGreaterThanOrEqual(20);
    const role = roles[0]!;
    const marked = await ok<RoleRow>(
      b.invoke('roles:setPrivileged', { instanceId, roleId: role.id, privileged: true }),
    );
    expect(marked.privileged).toBe(true);
    expect(await b.invoke('roles:get', { instanceId, roleId: role.id })).toMatchObject({
      ok: true,
      data: { privileged: true },
    });

    const tree = await ok<unknown[]>(b.invoke('organizations:tree', { instanceId }));
    expect(tree.length).toBeGreaterThan(0);
    const programs = await ok<{ id: number }[]>(b.invoke('programs:list', { instanceId }));
    expect(programs.length).toBeGreaterThan(0);
    expect((await b.invoke('programs:assignments', { instanceId, programId: programs[0]!.id })).ok).toBe(true);

    // Departments: every one the people name, with their head counts.
    const counts = new Map<string, number>();
    for (const p of all.rows) if (p.department?.trim()) counts.set(p.department, (counts.get(p.department) ?? 0) + 1);
    const departments = await ok<DepartmentRow[]>(b.invoke('departments:list', { instanceId }));
    expect(new Map(departments.map((d) => [d.name, d.people]))).toEqual(counts);
    expect(counts.size).toBeGreaterThan(1);

    expect(await b.invoke('people:search', { instanceId: 'nope', query: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await b.invoke('people:search', { instanceId, filters: { lastLogin: { before: 'yesterday' } } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
