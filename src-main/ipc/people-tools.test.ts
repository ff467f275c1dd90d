/**
 * The People tools through the channels, on a synced sandbox: saved views (create, rename, save
 * over, delete; names unique per instance; bad input changes nothing), the layout kept between
 * visits, Jump to over people, roles, programs, organizations and plans, and a plan built from
 * "every person matching this search" less the people unticked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BuildResult,
  ConnectionDetails,
  JobInfo,
  JumpTarget,
  PeopleLayout,
  PeopleView,
  PeopleViewInput,
  PlanWithOperations,
  RoleRow,
  SearchPeopleResult,
} from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ok } from '../test-support/channels';

let b: Backend;
let instanceId = '';
let dataDir = '';

const FILTERS: PeopleViewInput['filters'] = {
  roleId: null,
  organizationId: null,
  includeSubOrganizations: true,
  accessType: null,
  status: 'Active',
  kind: 'external',
  lastLogin: 'notWithin',
  lastLoginDays: 90,
  lastLoginBefore: '',
  department: '',
};
const VIEW: PeopleViewInput = {
  name: 'Dormant grantees',
  query: '',
  filters: FILTERS,
  sort: { by: 'lastLogin', dir: 'asc' },
  columns: ['name', 'email', 'lastLogin'],
};

beforeAll(async () => {
  // One folder for the whole file: the suite restarts the app on it.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-people-tools-'));
  b = await createBackend({ dataDir, sandbox: { people: 200, seed: 3 }, consoleLog: false });
  instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
  const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
  expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
}, 180_000);
afterAll(async () => {
  await b?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('saved views', () => {
  it('are created, renamed, saved over and deleted; a taken name or bad input changes nothing', async () => {
    expect(await ok<PeopleView[]>(b.invoke('views:list', { instanceId }))).toEqual([]);
    const view = await ok<PeopleView>(b.invoke('views:create', { instanceId, view: VIEW }));
    expect(view).toMatchObject({ ...VIEW, id: expect.any(String) });

    const taken = await b.invoke('views:create', { instanceId, view: { ...VIEW, name: '  dormant GRANTEES ' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!taken.ok) expect(taken.error.message).toContain('already exists');
    const bad = [
      { instanceId, view: { ...VIEW, name: '   ' } },
      { instanceId, view: { ...VIEW, columns: [] } },
      { instanceId, view: { ...VIEW, columns: ['name', 'name'] } },
      { instanceId, view: { ...VIEW, sort: { by: 'password', dir: 'asc' } } },
      { instanceId, view: { ...VIEW, filters: { ...FILTERS, kind: 'both' } } },
      { instanceId, view: { ...VIEW, name: 'x'.repeat(81) } },
    ];
    for (const input of bad) {
      expect(await b.invoke('views:create', input as never)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(await b.invoke('views:create', { instanceId: 'nope', view: VIEW })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await ok<PeopleView[]>(b.invoke('views:list', { instanceId }))).toHaveLength(1);

    const second = await ok<PeopleView>(
      b.invoke('views:create', { instanceId, view: { ...VIEW, name: 'All admins', columns: ['name', 'access'] } }),
    );
    const renamed = await ok<PeopleView>(
      b.invoke('views:update', { instanceId, id: view.id, view: { name: 'Quiet grantees' } }),
    );
    expect(renamed).toMatchObject({ name: 'Quiet grantees', columns: VIEW.columns });
    expect(
      await b.invoke('views:update', { instanceId, id: second.id, view: { name: 'quiet grantees' } }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const savedOver = await ok<PeopleView>(
      b.invoke('views:update', {
        instanceId,
        id: view.id,
        view: { query: 'smith', sort: { by: 'email', dir: 'desc' } },
      }),
    );
    expect(savedOver).toMatchObject({ name: 'Quiet grantees', query: 'smith', sort: { by: 'email', dir: 'desc' } });
    expect((await ok<PeopleView[]>(b.invoke('views:list', { instanceId }))).map((v) => v.name)).toEqual([
      'All admins',
      'Quiet grantees',
    ]);

    await ok(b.invoke('views:delete', { instanceId, id: second.id }));
    expect(await b.invoke('views:delete', { instanceId, id: second.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await ok<PeopleView[]>(b.invoke('views:list', { instanceId }))).map((v) => v.name)).toEqual([
      'Quiet grantees',
    ]);
  });

  it('and the layout survive a restart of the app', async () => {
    const layout: PeopleLayout = { columns: ['email', 'name', 'id'], sort: { by: 'id', dir: 'desc' } };
    expect(await ok<PeopleLayout>(b.invoke('views:layout'))).toMatchObject({ sort: { by: 'name', dir: 'asc' } });
    await ok(b.invoke('views:setLayout', layout));
    expect(await b.invoke('views:setLayout', { ...layout, columns: ['nope'] } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await b.close();
    b = await createBackend({ dataDir, sandbox: { people: 200, seed: 3 }, consoleLog: false });
    expect(await ok<PeopleLayout>(b.invoke('views:layout'))).toEqual(layout);
    expect((await ok<PeopleView[]>(b.invoke('views:list', { instanceId }))).map((v) => v.name)).toEqual([
      'Quiet grantees',
    ]);
  }, 60_000);
});

describe('Jump to', () => {
  it('finds people by name, e-mail and id, roles, programs, organizations and plans, with their kind', async () => {
    const people = await ok<SearchPeopleResult>(b.invoke('people:search', { instanceId, limit: 50, offset: 20 }));
    const person = people.rows.find((p) => p.lastName.length >= 4)!;
    const find = (query: string) => ok<JumpTarget[]>(b.invoke('jump:find', { instanceId, query }));

    const byId = await find(String(person.id));
    expect(byId[0]).toMatchObject({ kind: 'person', id: String(person.id), path: `/people/${person.id}` });
    const byEmail = await find(person.email);
    expect(byEmail[0]).toMatchObject({ kind: 'person', id: String(person.id) });
    expect(byEmail[0]!.detail).toContain(person.email);
    const byName = await find(`${person.firstName} ${person.lastName}`);
    expect(byName.filter((t) => t.kind === 'person').map((t) => t.id)).toContain(String(person.id));

    const roles = await ok<RoleRow[]>(b.invoke('roles:list', { instanceId }));
    const role = roles.find((r) => r.name.length > 6)!;
    const roleHits = await find(role.name.slice(0, 6));
    expect(roleHits.some((t) => t.kind === 'role' && t.id === String(role.id) && t.path === `/roles/${role.id}`)).toBe(
      true,
    );
    expect((await find(role.name))[0]).toMatchObject({ kind: 'role', label: role.name });

    const programs = await ok<{ id: number; name: string }[]>(b.invoke('programs:list', { instanceId }));
    const program = programs[0]!;
    expect((await find(program.name)).find((t) => t.kind === 'program')).toMatchObject({
      id: String(program.id),
      path: `/programs/${program.id}`,
    });

    const plan = await ok<PlanWithOperations>(
      b.invoke('plans:create', { instanceId, title: 'Quarterly grantee clean-up' }),
    );
    const planHits = await find('grantee clean');
    expect(planHits.find((t) => t.kind === 'plan')).toMatchObject({ id: plan.id, path: `/plans?plan=${plan.id}` });
    expect((await find(plan.id.slice(0, 8))).find((t) => t.kind === 'plan')?.id).toBe(plan.id);

    const tree = await ok<{ id: number; name: string }[]>(b.invoke('organizations:tree', { instanceId }));
    expect((await find(tree[0]!.name)).find((t) => t.kind === 'organization')?.id).toBe(String(tree[0]!.id));

    expect(await find('qqqzzzxxy')).toEqual([]);
    expect(await b.invoke('jump:find', { instanceId, query: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('a bulk action on every person a search matches', () => {
  it('adds one operation per match, less the people unticked, into the plan chosen', async () => {
    const roles = await ok<RoleRow[]>(b.invoke('roles:list', { instanceId }));
    const role = roles.find((r) => !r.utaOnly && !r.removed)!;
    const everyone = await ok<SearchPeopleResult>(b.invoke('people:search', { instanceId, limit: 1000 }));
    const someone = everyone.rows.find((p) => p.lastName.length >= 3)!;
    const query = someone.lastName.slice(0, 3);
    const filters = { isExternal: someone.isExternal };
    const matching = await ok<SearchPeopleResult>(
      b.invoke('people:search', { instanceId, query, filters, limit: 1000 }),
    );
    expect(matching.total).toBeGreaterThan(0);
    const plan = await ok<PlanWithOperations>(b.invoke('plans:create', { instanceId, title: 'Selected by search' }));
    const excluded = matching.rows.slice(0, 1).map((p) => p.id);
    const built = await ok<BuildResult>(
      b.invoke('plans:buildFromFilter', {
        planId: plan.id,
        build: {
          kind: 'filter',
          filters,
          query,
          excludePersonIds: excluded,
          action: { kind: 'remove_role', roleId: role.id },
        },
      }),
    );
    expect(built.selected).toBe(matching.total - 1);
    const touched = new Set([
      ...built.plan.operations.map((o) => o.personId),
      ...built.rejected.map((r) => r.personId),
    ]);
    expect([...touched].sort()).toEqual(
      matching.rows
        .map((p) => p.id)
        .filter((id) => !excluded.includes(id))
        .sort(),
    );
  });
});
