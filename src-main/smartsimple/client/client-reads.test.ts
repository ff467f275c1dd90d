import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmartConnectError, SmartConnectUsageError } from './errors';
import type { Stub } from './test-stub';
import { startStub } from './test-stub';
import { caught, makeClient } from './test-helpers';

let stub: Stub;
beforeEach(async () => {
  stub = await startStub({ people: 30 });
});
afterEach(async () => {
  await stub.close();
});

describe('List paging', () => {
  it.each([1, 7, 10, 29, 30, 500, 10_000])(
    'reads all 30 people once, in id order, with page size %i',
    async (pageSize) => {
      const { client } = makeClient(stub);
      const pages: number[] = [];
      const records = await client.listAll('users.list', { pageSize, onPage: (p) => pages.push(p.records.length) });
      expect(records.map((r) => r.recordid)).toEqual([...stub.people.keys()]);
      expect(stub.requests).toHaveLength(Math.ceil(30 / pageSize));
      expect(pages.reduce((a, b) => a + b, 0)).toBe(30);
      const settings = stub.requests.map((r) => JSON.parse(r.params.othersettings ?? '{}'));
      expect(settings[0]).toEqual({ recordstart: 1, recordend: pageSize });
      expect(client.stats().byFunction['users.list']?.calls).toBe(Math.ceil(30 / pageSize));
    },
  );

  it('stops on an empty result in one call', async () => {
    const { client } = makeClient(stub);
    const all = await client.listAll('users.list', {
      criteria: [{ andor: 'and', field: 'sf_Email', operator: '=', value: 'nobody' }],
    });
    expect(all).toEqual([]);
    expect(stub.requests).toHaveLength(1);
  });

  it('flags a result set that moves between pages and drops nothing twice', async () => {
    const { client } = makeClient(stub);
    const seen: string[] = [];
    let shifted = false;
    for await (const page of client.list('users.list', { pageSize: 10 })) {
      seen.push(...page.records.map((r) => String(r.recordid)));
      shifted ||= page.shifted;
      // Someone deletes a person already read: the rest of the set moves up by one.
      if (page.index === 0) stub.people.delete('1001');
    }
    expect(shifted).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('posts a form with the identity, criteria and sortby as JSON strings', async () => {
    const { client } = makeClient(stub);
    const criteria = [
      { andor: '(', field: 'sf_Last Name', operator: 'like' as const, value: 'Last1' },
      { andor: ') and', field: 'sf_Company ID', operator: '=' as const, value: '600' },
    ];
    const sortby = [{ field: 'sf_Last Name', direction: 'desc' as const }];
    const records = await client.listAll('users.list', { criteria, sortby, pageSize: 5 });
    expect(records.map((r) => r['sf_Last Name'])).toEqual([
      'Last19',
      'Last18',
      'Last17',
      'Last16',
      'Last15',
      'Last14',
      'Last13',
      'Last12',
      'Last11',
      'Last10',
      'Last1',
    ]);
    const first = stub.requests[0];
    expect(first?.method).toBe('POST');
    expect(first?.type).toBe('user');
    expect(first?.params).toMatchObject({
      apitoken: stub.functions['users.list']?.token,
      alias: 'stub',
      companyid: '500',
      username: stub.apiUser.username,
      password: stub.apiUser.password,
    });
    expect(JSON.parse(first?.params.criteria ?? '')).toEqual(criteria);
    expect(JSON.parse(first?.params.sortby ?? '')).toEqual(sortby);
  });

  it('counts in one call', async () => {
    const { client } = makeClient(stub);
    expect(await client.countOnly('users.list')).toBe(30);
    expect(stub.requests).toHaveLength(1);
    expect(JSON.parse(stub.requests[0]?.params.othersettings ?? '')).toEqual({ recordsperpage: 1, pagenum: 1 });
  });

  it('refuses a page size above the cap and a function of the wrong action', async () => {
    const { client } = makeClient(stub);
    expect(() => client.list('users.list', { pageSize: 10_001 })).toThrow(SmartConnectUsageError);
    await expect(client.get('users.list', '1001')).rejects.toThrow(SmartConnectUsageError);
    await expect(client.update('users.get', [])).rejects.toThrow(/is a get function/);
    await expect(client.get('nope', '1')).rejects.toThrow(/Unknown SmartConnect function/);
    expect(stub.requests).toHaveLength(0);
  });

  it('gets, reads meta, associations and report pages', async () => {
    const { client } = makeClient(stub);
    expect((await client.get('users.get', '1002'))['sf_First Name']).toBe('First1');
    expect(await client.getMeta('users.meta')).toEqual({ user: { fields: [{ id: '9001', name: 'Department' }] } });
    expect(await client.associationsList('programs.associations.list', '3001')).toHaveLength(1);
    expect(stub.requests[2]?.params.objectid).toBe('3001');
    const rows = await client.reportQueryAll('reports.login_sessions', { pageSize: 20 });
    expect(rows).toHaveLength(30);
    expect(stub.requests.slice(3).map((r) => r.params.reportid)).toEqual(['77', '77']);
    expect(stub.requests.slice(3).every((r) => r.type === 'report')).toBe(true);
  });

  it('reports a missing record as not-found, without retrying', async () => {
    const { client } = makeClient(stub);
    const e = await caught(() => client.get('users.get', '999'));
    expect(e).toMatchObject({
      kind: 'not-found',
      serverMessage: 'Recordset does not exist',
      fn: 'users.get',
      retryable: false,
    });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('probe', () => {
  it('checks token and login without touching a record', async () => {
    const { client } = makeClient(stub);
    await expect(client.probe('users.update')).resolves.toBeDefined();
    expect(stub.requests[0]?.params.jsonrset).toBe('[]');
    expect(await client.probe('users.get')).toEqual({ serverMessage: 'Recordset does not exist' });
    expect(stub.applied).toEqual([]);
    const bad = makeClient({ ...stub, apiUser: { ...stub.apiUser, password: 'wrong-one' } });
    expect(await caught(() => bad.client.probe('users.update'))).toMatchObject({ kind: 'credentials' });
  });
});

describe('cancellation', () => {
  it('stops a listing between pages', async () => {
    const { client } = makeClient(stub);
    const controller = new AbortController();
    const e = await caught(() =>
      client.listAll('users.list', {
        pageSize: 5,
        signal: controller.signal,
        onPage: (p) => p.index === 1 && controller.abort(),
      }),
    );
    expect(e).toBeInstanceOf(SmartConnectError);
    expect((e as SmartConnectError).kind).toBe('cancelled');
    expect(stub.requests).toHaveLength(2);
  });

  it('aborts a slow call in flight promptly', async () => {
    stub.faults.add({ kind: 'latency', ms: 5000 });
    const { client } = makeClient(stub, { timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const e = await caught(() => client.listAll('users.list', { signal: controller.signal }));
    expect((e as SmartConnectError).kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(stub.requests).toHaveLength(1);
  });
});
