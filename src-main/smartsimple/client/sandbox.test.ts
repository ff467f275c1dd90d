/**
 * The client against the real sandbox (../sandbox/server.ts) over real HTTP: paging, encoding,
 * batching, every fault, both error styles, the budget on the sandbox's clock, cancellation, and
 * the sandbox's applied-writes log proving that no update is applied twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RoleCatalogueRecord, WireRecord } from '../protocol';
import { ERROR_TEXTS, ROLLING_WINDOW_MS, parseRoleList } from '../protocol';
import type { SandboxHandle, SandboxOptions } from '../sandbox/server';
import { startTestSandbox } from '../sandbox/test-support';
import type { SmartConnectClient } from './client';
import type { SmartConnectError, SmartConnectErrorKind } from './errors';
import { withRoles } from './read-modify-write';
import { LIMIT_EDGE_MARGIN_MS } from './limit-refusal';
import type { FakeTime, TestClient } from './test-helpers';
import { CALL_TIMEOUT_MS, callTimeoutFor, caught, makeClient } from './test-helpers';
import { cancelledError } from './errors';
import type { SmartConnectClientOptions } from './core';

const H = ROLLING_WINDOW_MS;
const handles: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.close()));
});

/** The client's fake time is the sandbox's manual clock: a wait moves both. */
function sandboxTime(sb: SandboxHandle): FakeTime {
  const sleeps: number[] = [];
  return {
    now: () => sb.clock.now(),
    advance: (ms) => sb.clock.advance(ms),
    sleeps,
    async sleep(ms, signal) {
      if (signal?.aborted) throw cancelledError();
      sleeps.push(ms);
      sb.clock.advance(ms);
      await Promise.resolve();
    },
  };
}

async function setup(
  options: SandboxOptions = {},
  overrides: Partial<SmartConnectClientOptions> & { limit?: number } = {},
): Promise<TestClient & { sb: SandboxHandle }> {
  const sb = await startTestSandbox({ people: 120, ...options });
  handles.push(sb);
  return { sb, ...makeClient(sb, { time: sandboxTime(sb), timeoutMs: CALL_TIMEOUT_MS, ...overrides }) };
}

/**
 * Requests to `fn`. A request stopped by a 'before' fault never reaches the token check, so its
 * log entry has no function: it is counted by its endpoint (one function per type faults at once).
 */
const calls = (sb: SandboxHandle, fn: string) =>
  sb.requestLog.filter(
    (e) => e.function === fn || (e.function === undefined && e.faults.length > 0 && e.type === sb.functions[fn]?.type),
  );

async function someUserIds(client: SmartConnectClient, n: number): Promise<string[]> {
  const page = (await client.list('users.list', { pageSize: n }).next()).value;
  return (page?.records ?? []).map((r) => String(r.recordid));
}

describe('reads against the sandbox', () => {
  it('pages through every user with each page size, in a stable order', async () => {
    const { sb, client } = await setup();
    const total = await client.countOnly('users.list');
    expect(total).toBeGreaterThan(100);
    const reference = (await client.listAll('users.list', { pageSize: 10_000 })).map((r) => r.recordid);
    expect(reference).toHaveLength(total);
    for (const pageSize of [7, 50, total - 1, total, 500]) {
      const before = calls(sb, 'users.list').length;
      const ids = (await client.listAll('users.list', { pageSize })).map((r) => r.recordid);
      expect(ids, `page size ${pageSize}`).toEqual(reference);
      expect(calls(sb, 'users.list').length - before).toBe(Math.ceil(total / pageSize));
    }
  });

  it('sends criteria and sortby the sandbox understands', async () => {
    const { client } = await setup();
    const criteria = [
      { andor: '(', field: 'sf_Last Name', operator: 'like' as const, value: 'a' },
      { andor: 'or', field: 'sf_Last Name', operator: 'like' as const, value: 'e' },
      { andor: ') and', field: 'sf_Is External', operator: '=' as const, value: '1' },
    ];
    const rows = await client.listAll('users.list', {
      criteria,
      sortby: [{ field: 'sf_Last Name', direction: 'desc' }],
      pageSize: 9,
    });
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBe(await client.countOnly('users.list', criteria));
    const names = rows.map((r) => String(r['sf_Last Name']).toLowerCase());
    expect(names.every((n) => n.includes('a') || n.includes('e'))).toBe(true);
    expect(rows.every((r) => r['sf_Is External'] === '1')).toBe(true);
    expect([...names].sort().reverse()).toEqual(names);
  });

  it('reads reports, meta and associations', async () => {
    const { sb, client } = await setup();
    const count = await client.countOnly('reports.access_modification');
    const rows = await client.reportQueryAll('reports.access_modification', { pageSize: 1000 });
    expect(rows).toHaveLength(count);
    expect(calls(sb, 'reports.access_modification').length).toBe(1 + Math.max(1, Math.ceil(count / 1000)));
    const roles = (await client.getMeta('roles.meta')).records as RoleCatalogueRecord[];
    expect(roles.length).toBeGreaterThan(3);
    const assignments = await client.reportQueryAll('reports.program_assignments', { pageSize: 1000 });
    const objectid = String(assignments[0]?.objectid);
    const assoc = await client.associationsList('programs.associations.list', objectid);
    expect(assoc.length).toBe(assignments.filter((a) => a.objectid === objectid).length);
  });

  it.each(['http500', 'malformed', 'reset', 'timeout'] as const)('retries a read after %s', async (kind) => {
    const { sb, client } = await setup({}, { timeoutMs: callTimeoutFor(kind) });
    sb.faults.add({ kind, times: 2, match: { function: 'users.list' } });
    expect((await client.listAll('users.list', { pageSize: 10_000 })).length).toBeGreaterThan(100);
    expect(calls(sb, 'users.list').map((e) => e.outcome)).toEqual([`fault:${kind}`, `fault:${kind}`, 'ok']);
    expect(client.stats().retries).toBe(2);
  });

  it('stops a listing promptly when cancelled', async () => {
    const { sb, client } = await setup();
    const controller = new AbortController();
    const e = (await caught(() =>
      client.listAll('users.list', {
        pageSize: 10,
        signal: controller.signal,
        onPage: (p) => p.index === 1 && controller.abort(),
      }),
    )) as SmartConnectError;
    expect(e.kind).toBe('cancelled');
    expect(calls(sb, 'users.list')).toHaveLength(2);
  });
});

describe('writes against the sandbox', () => {
  it('read-modify-write: one List read, ceil(n/batch) updates, each applied once', async () => {
    const { sb, client } = await setup({}, { batchSize: 10 });
    const ids = await someUserIds(client, 25);
    const results = await client.readModifyWrite(
      'users.update',
      'users.list',
      ids.map((recordid, i) => ({ recordid, set: { sf_Title: `Title ${i}` } })),
    );
    expect(results.map((r) => [r.index, r.ok, r.recordid])).toEqual(ids.map((id, i) => [i, true, id]));
    expect(calls(sb, 'users.list')).toHaveLength(2);
    expect(calls(sb, 'users.update')).toHaveLength(3);
    expect(sb.appliedWrites().map((w) => w.recordid)).toEqual(ids);
    const back = await client.readCurrent('users.list', ids);
    expect(ids.map((id) => back.get(id)?.['sf_Title'])).toEqual(ids.map((_, i) => `Title ${i}`));
  });

  it('adds and removes a profile role with withRoles', async () => {
    const { client } = await setup();
    const roles = (await client.getMeta('roles.meta')).records as RoleCatalogueRecord[];
    const [id] = await someUserIds(client, 1);
    const current = (await client.readCurrent('users.list', [id!])).get(id!) as WireRecord;
    const role = roles.find(
      (r) => r['sf_UTA Roles Only'] !== '1' && !parseRoleList(current['sf_User Role']).includes(r['sf_Role ID']),
    );
    expect(role).toBeDefined();
    const roleId = role!['sf_Role ID'];
    const [added] = await client.readModifyWrite('users.update', 'users.list', [
      { recordid: id!, set: (cur) => withRoles(cur, [roleId], []) },
    ]);
    expect(added?.ok).toBe(true);
    expect(parseRoleList((await client.get('users.get', id!))['sf_User Role'])).toContain(roleId);
    await client.readModifyWrite('users.update', 'users.get', [
      { recordid: id!, set: (cur) => withRoles(cur, [], [roleId]) },
    ]);
    expect(parseRoleList((await client.get('users.get', id!))['sf_User Role'])).toEqual(
      parseRoleList(current['sf_User Role']),
    );
  });

  it('a refused record in an all-or-nothing batch names the culprit; per-record batches apply the rest', async () => {
    for (const partialBatch of ['all-or-nothing', 'per-record'] as const) {
      const { sb, client } = await setup({ partialBatch });
      const ids = await someUserIds(client, 3);
      sb.faults.add({ kind: 'badRecord', match: { function: 'users.update' } });
      const results = await client.readModifyWrite(
        'users.update',
        'users.list',
        ids.map((recordid) => ({ recordid, set: { sf_Title: 'X' } })),
      );
      const culprit = { index: 2, ok: false, errorKind: 'bad-request', status: ERROR_TEXTS.record };
      if (partialBatch === 'all-or-nothing') {
        expect(results[2]).toMatchObject(culprit);
        expect(results.slice(0, 2).map((r) => [r.ok, r.blockedBy])).toEqual([
          [false, 2],
          [false, 2],
        ]);
        expect(sb.appliedWrites()).toHaveLength(0);
      } else {
        expect(results[2]).toMatchObject(culprit);
        expect(results.slice(0, 2).every((r) => r.ok)).toBe(true);
        expect(sb.appliedWrites().map((w) => w.recordid)).toEqual(ids.slice(0, 2));
      }
    }
  });

  const unknown = [
    { kind: 'reset' as const, when: 'before' as const, applied: false, underlying: 'network' },
    { kind: 'reset' as const, when: 'after' as const, applied: true, underlying: 'network' },
    { kind: 'timeout' as const, when: 'before' as const, applied: false, underlying: 'timeout' },
    { kind: 'timeout' as const, when: 'after' as const, applied: true, underlying: 'timeout' },
    { kind: 'http500' as const, when: 'after' as const, applied: true, underlying: 'server' },
    { kind: 'malformed' as const, when: 'after' as const, applied: true, underlying: 'malformed' },
  ];
  it.each(unknown)(
    '$kind $when the apply: unknown-outcome, not resent, reconciled, never applied twice',
    async ({ kind, when, applied, underlying }) => {
      const { sb, client } = await setup({}, { batchSize: 2, timeoutMs: callTimeoutFor(kind) });
      const ids = await someUserIds(client, 3);
      sb.faults.add({ kind, when, match: { function: 'users.update' } });
      const e = (await caught(() =>
        client.readModifyWrite(
          'users.update',
          'users.list',
          ids.map((recordid) => ({ recordid, set: { sf_Title: `After ${kind}` } })),
        ),
      )) as SmartConnectError;
      expect(e.kind).toBe('unknown-outcome');
      expect(e.underlyingKind).toBe(underlying);
      expect(calls(sb, 'users.update')).toHaveLength(1);
      expect(sb.appliedWrites()).toHaveLength(applied ? 2 : 0);
      const partial = e.partial!;
      expect(partial.inFlight.map((x) => x.index)).toEqual([0, 1]);
      expect(partial.unsent.map((x) => x.index)).toEqual([2]);

      const report = await client.reconcileUnknownOutcome(e, { readFn: 'users.list' });
      expect(report.entries.map((x) => x.state)).toEqual(
        applied ? ['applied', 'applied'] : ['not-applied', 'not-applied'],
      );
      // What the journal then does: resend what is safe and what was never sent.
      const resend = [...report.safeToResend, ...partial.unsent].map((x) => x.item as WireRecord);
      const results = await client.update('users.update', resend);
      expect(results.every((r) => r.ok)).toBe(true);
      const appliedIds = sb.appliedWrites().map((w) => w.recordid);
      expect([...appliedIds].sort()).toEqual([...ids].sort());
      const back = await client.readCurrent('users.list', ids);
      expect(ids.map((id) => back.get(id)?.['sf_Title'])).toEqual(ids.map(() => `After ${kind}`));
    },
  );

  it('associations: one result per contacts entry; a duplicate in an all-or-nothing batch names its culprit', async () => {
    const { sb, client } = await setup();
    const roles = (await client.getMeta('roles.meta')).records as RoleCatalogueRecord[];
    const uta = roles.find((r) => r['sf_UTA Roles Only'] === '1');
    const program = (await client.listAll('programs.list', { pageSize: 1 }))[0];
    const [a, b] = await someUserIds(client, 2);
    const objectid = String(program?.recordid);
    const roleid = uta!['sf_Role ID'];
    const before = await client.associationsList('programs.associations.list', objectid);
    const refused = await client.associationsUpdate('programs.associations.update', [
      {
        objectid,
        contacts: [
          { contactid: a!, roleid },
          { contactid: a!, roleid },
        ],
      },
    ]);
    expect(refused.map((r) => [r.index, r.ok, r.blockedBy])).toEqual([
      [0, false, 1],
      [1, false, undefined],
    ]);
    const added = await client.associationsUpdate('programs.associations.update', [
      { objectid, contacts: [{ contactid: a!, roleid }] },
      { objectid, contacts: [{ contactid: b!, roleid }] },
    ]);
    expect(added.every((r) => r.ok)).toBe(true);
    expect(calls(sb, 'programs.associations.update')).toHaveLength(2);
    const after = await client.associationsList('programs.associations.list', objectid);
    expect(after.length).toBe(before.length + 2);
    expect(after.filter((x) => x.roleid === roleid).map((x) => x.contactid)).toEqual(expect.arrayContaining([a, b]));
  });

  it('a create whose reply was lost is found by its natural key', async () => {
    const { sb, client } = await setup();
    const [id] = await someUserIds(client, 1);
    const template = (await client.readCurrent('users.list', [id!])).get(id!) as WireRecord;
    const fields = sb.functions['users.update']!.fields;
    const record: WireRecord = Object.fromEntries(fields.map((f) => [f, '']));
    Object.assign(record, {
      'sf_First Name': 'Ada',
      'sf_Last Name': 'Lovelace',
      sf_Email: 'ada.lovelace@example.org',
      'sf_Company ID': template['sf_Company ID'],
      'sf_Is External': template['sf_Is External'],
      'sf_Access Type': template['sf_Access Type'],
      'sf_User Type': template['sf_User Type'],
      sf_Status: template['sf_Status'],
    });
    sb.faults.add({ kind: 'reset', when: 'after', match: { function: 'users.update' } });
    const e = (await caught(() => client.create('users.update', [record]))) as SmartConnectError;
    expect(e.kind).toBe('unknown-outcome');
    const report = await client.reconcileUnknownOutcome(e, { readFn: 'users.list', naturalKey: 'sf_Email' });
    const created = sb.appliedWrites().filter((w) => w.op === 'create');
    expect(created).toHaveLength(1);
    expect(report.entries[0]).toMatchObject({ state: 'applied', recordid: created[0]?.recordid });
    expect(report.safeToResend).toEqual([]);
  });

  it('a write refused by the hourly limit waits and is applied once', async () => {
    const { sb, client, waits } = await setup();
    const [id] = await someUserIds(client, 1);
    sb.faults.add({ kind: 'hourlyLimit', match: { function: 'users.update' } });
    const [result] = await client.readModifyWrite('users.update', 'users.list', [
      { recordid: id!, set: { sf_Title: 'Patient' } },
    ]);
    expect(result?.ok).toBe(true);
    expect(waits.map((w) => w.reason)).toEqual(['server-limit']);
    expect(calls(sb, 'users.update').map((e) => e.outcome)).toEqual([ERROR_TEXTS.hourlyLimit, 'ok']);
    expect(sb.appliedWrites()).toHaveLength(1);
  });
});

describe('errors against the sandbox', () => {
  async function kinds(
    errorStyle: 'http200' | 'http4xx',
  ): Promise<Array<[string, SmartConnectErrorKind, string | undefined, number]>> {
    const { sb, client } = await setup({ errorStyle }, { maxLimitRefusals: 0 });
    const out: Array<[string, SmartConnectErrorKind, string | undefined, number]> = [];
    const run = async (label: string, c: SmartConnectClient, fn: (c: SmartConnectClient) => Promise<unknown>) => {
      const before = sb.requestLog.length;
      const e = (await caught(() => fn(c))) as SmartConnectError;
      out.push([label, e.kind, e.serverMessage, sb.requestLog.length - before]);
    };
    await run('not found', client, (c) => c.get('users.get', '999999999'));
    await run('bad criteria', client, (c) =>
      c.listAll('users.list', { criteria: [{ andor: 'and', field: 'sf_Secret', operator: '=', value: 'x' }] }),
    );
    const other = (patch: Partial<typeof sb>) => makeClient({ ...sb, ...patch }, { time: sandboxTime(sb) }).client;
    await run('credentials', other({ apiUser: { ...sb.apiUser, password: 'not-the-password' } }), (c) =>
      c.listAll('users.list'),
    );
    await run(
      'token',
      other({
        functions: {
          ...sb.functions,
          'users.get': { ...sb.functions['users.get']!, token: 'revoked-token-0000000000' },
        },
      }),
      (c) => c.get('users.get', '1'),
    );
    await run(
      'endpoint',
      other({ functions: { ...sb.functions, 'users.get': { ...sb.functions['users.get']!, type: 'company' } } }),
      (c) => c.get('users.get', '1'),
    );
    sb.faults.add({ kind: 'hourlyLimit' });
    await run('limit', client, (c) => c.get('users.get', '1'));
    return out;
  }

  it('HTTP 200 and 4xx styles classify identically, and nothing but transient faults is retried', async () => {
    const a = await kinds('http200');
    const b = await kinds('http4xx');
    expect(a).toEqual(b);
    expect(a.map(([label, kind, , requests]) => [label, kind, requests])).toEqual([
      ['not found', 'not-found', 1],
      ['bad criteria', 'bad-request', 1],
      ['credentials', 'credentials', 1],
      ['token', 'invalid-token', 1],
      ['endpoint', 'invalid-token', 1],
      ['limit', 'hourly-limit', 1],
    ]);
    expect(a[2]?.[2]).toBe(ERROR_TEXTS.credentials);
  });

  it('a probe checks token and login of a write function without writing', async () => {
    const { sb, client } = await setup();
    await client.probe('users.update');
    await client.probe('programs.associations.update');
    await client.probe('users.get');
    expect(sb.appliedWrites()).toEqual([]);
    const bad = makeClient({ ...sb, apiUser: { ...sb.apiUser, password: 'wrong-wrong' } }, { time: sandboxTime(sb) });
    expect(await caught(() => bad.client.probe('users.update'))).toMatchObject({ kind: 'credentials' });
  });
});

describe('the budget against the sandbox clock', () => {
  it('waits before the limit, so the sandbox never refuses, and resumes as the window rolls', async () => {
    const { sb, client, waits, time } = await setup({ hourlyLimit: 5 }, { limit: 5 });
    const t0 = time.now();
    for (let i = 0; i < 12; i++) {
      await client.get('users.get', String((await someUserIds(client, 1))[0]));
      time.advance(60_000);
    }
    expect(sb.requestLog.every((e) => e.outcome !== ERROR_TEXTS.hourlyLimit)).toBe(true);
    expect(sb.requestLog).toHaveLength(24);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((w) => w.reason === 'budget')).toBe(true);
    expect(waits[0]?.until).toBe(t0 + H);
  });

  it.each(['http200', 'http4xx'] as const)(
    'after a refusal from the server (%s), waits for the window instead of hammering',
    async (errorStyle) => {
      const { sb, client, waits, time } = await setup({ hourlyLimit: 3, errorStyle }, { limit: 1000 });
      const id = String(sb.state.data.people[0]?.id);
      const t0 = time.now();
      for (let i = 0; i < 4; i++) {
        await client.get('users.get', id);
        time.advance(10 * 60_000);
      }
      expect(sb.requestLog.map((e) => e.outcome === ERROR_TEXTS.hourlyLimit)).toEqual([
        false,
        false,
        false,
        true,
        false,
      ]);
      // 4xx carries Retry-After (the oldest call leaves at t0 + 1 h); without it, until our own
      // oldest call has left the window, plus the margin.
      expect(waits).toEqual([
        {
          fn: 'users.get',
          reason: 'server-limit',
          until: errorStyle === 'http4xx' ? t0 + H : t0 + H + LIMIT_EDGE_MARGIN_MS,
        },
      ]);
    },
  );
});

describe('secrets against the sandbox', () => {
  it('never logs the password or a token', async () => {
    const { sb, client, logs } = await setup();
    sb.faults.add({ kind: 'http500', match: { function: 'users.list' } });
    sb.faults.add({ kind: 'reset', when: 'after', match: { function: 'users.update' } });
    const ids = await someUserIds(client, 2);
    await caught(() =>
      client.readModifyWrite(
        'users.update',
        'users.list',
        ids.map((recordid) => ({ recordid, set: { sf_Title: 'T' } })),
      ),
    );
    const bad = makeClient(
      { ...sb, apiUser: { ...sb.apiUser, password: 'Wrong-Password-1' } },
      { time: sandboxTime(sb) },
    );
    await caught(() => bad.client.get('users.get', '1'));
    const text = JSON.stringify(logs) + JSON.stringify(bad.logs);
    expect(logs.length).toBeGreaterThan(3);
    for (const secret of [sb.apiUser.password, 'Wrong-Password-1', ...Object.values(sb.functions).map((f) => f.token)])
      expect(text).not.toContain(secret);
  });
});
