import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireRecord } from '../protocol';
import type { SmartConnectError } from './errors';
import { withRoles } from './read-modify-write';
import type { Stub } from './test-stub';
import { startStub } from './test-stub';
import { callTimeoutFor, caught, makeClient } from './test-helpers';

let stub: Stub;
beforeEach(async () => {
  stub = await startStub({ people: 30 });
});
afterEach(async () => {
  await stub.close();
});

/** The full-replace record users.update expects, from the stub's current person. */
function fullRecord(id: string, change: Partial<WireRecord> = {}): WireRecord {
  const p = stub.people.get(id) as WireRecord;
  return {
    recordid: id,
    'sf_First Name': p['sf_First Name'] ?? null,
    'sf_Last Name': p['sf_Last Name'] ?? null,
    sf_Email: p['sf_Email'] ?? null,
    'sf_Role ID List': p['sf_User Role'] ?? null,
    'sf_Company ID': p['sf_Company ID'] ?? null,
    ...change,
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1001 + i));

describe('batched writes', () => {
  it.each([
    [25, 10, 3],
    [30, 100, 1],
    [7, 1, 7],
  ])('%i records in batches of %i take %i calls, results in input order', async (n, batchSize, calls) => {
    const { client } = makeClient(stub, { batchSize });
    const records = ids(n).map((id) => fullRecord(id));
    const results = await client.update(
      'users.update',
      records.map((r) => ({ ...r, 'sf_Last Name': `New ${r.recordid}` })),
    );
    expect(stub.requests).toHaveLength(calls);
    expect(results.map((r) => r.index)).toEqual(records.map((_, i) => i));
    expect(results.every((r) => r.ok && r.status === 'updated successfully')).toBe(true);
    expect(results.map((r) => r.recordid)).toEqual(ids(n));
    expect(stub.people.get('1001')?.['sf_Last Name']).toBe('New 1001');
    expect(JSON.parse(stub.requests[0]?.params.jsonrset ?? '')).toHaveLength(Math.min(n, batchSize));
  });

  it('creates with recordid "0" and returns the new ids', async () => {
    const { client } = makeClient(stub);
    const results = await client.create('users.update', [
      {
        'sf_First Name': 'Ada',
        'sf_Last Name': 'Ng',
        sf_Email: 'ada@x.test',
        'sf_Role ID List': ',10,',
        'sf_Company ID': '600',
      },
      {
        'sf_First Name': 'Bo',
        'sf_Last Name': 'Li',
        sf_Email: 'bo@x.test',
        'sf_Role ID List': '',
        'sf_Company ID': '600',
      },
    ]);
    expect(results.map((r) => r.recordid)).toEqual(['1031', '1032']);
    expect(JSON.parse(stub.requests[0]?.params.jsonrset ?? '').map((r: WireRecord) => r.recordid)).toEqual(['0', '0']);
  });

  it('refuses records that are not full-replace before any call', async () => {
    const { client } = makeClient(stub);
    const partial = { recordid: '1001', 'sf_First Name': 'X' };
    await expect(client.update('users.update', [partial])).rejects.toThrow(/missing: sf_Last Name/);
    await expect(client.update('users.update', [{ ...fullRecord('1001'), sf_Title: 'x' }])).rejects.toThrow(
      /not in the function: sf_Title/,
    );
    expect(stub.requests).toHaveLength(0);
  });

  it('reports a per-record failure and applies the rest', async () => {
    stub.faults.add({ kind: 'badRecord', times: 1 });
    const { client } = makeClient(stub);
    const results = await client.update(
      'users.update',
      ids(3).map((id) => fullRecord(id)),
    );
    expect(results[0]).toMatchObject({
      index: 0,
      ok: false,
      errorKind: 'bad-request',
      status: 'Encountered error while processing record',
    });
    expect(results.slice(1).every((r) => r.ok)).toBe(true);
    expect(stub.applied.map((a) => a.recordid)).toEqual(['1002', '1003']);
  });

  it('deletes and updates associations in batches', async () => {
    const { client } = makeClient(stub, { batchSize: 2 });
    const del = await client.delete('users.delete', ['1001', '1002', '999']);
    expect(del.map((r) => r.ok)).toEqual([true, true, false]);
    expect(del[2]?.errorKind).toBe('not-found');
    expect(stub.requests).toHaveLength(2);
    const assoc = await client.associationsUpdate('programs.associations.update', [
      { objectid: '3001', contacts: [{ contactid: '1003', rolename: 'Reviewer' }] },
    ]);
    expect(assoc[0]?.ok).toBe(true);
    expect(JSON.parse(stub.requests[2]?.params.jsonrset ?? '')).toEqual([
      { objectid: '3001', contacts: [{ contactid: '1003', rolename: 'Reviewer' }] },
    ]);
    // Results are per contacts entry: an item with two contacts goes as two items.
    const two = await client.associationsUpdate('programs.associations.update', [
      {
        objectid: '3002',
        contacts: [
          { contactid: '1004', roleid: '7' },
          { contactid: '1005', roleid: '7' },
        ],
      },
    ]);
    expect(two.map((r) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(JSON.parse(stub.requests[3]?.params.jsonrset ?? '')).toHaveLength(2);
  });
});

describe('readModifyWrite', () => {
  it('reads with one List call, overlays, and writes exactly the field list', async () => {
    const { client } = makeClient(stub);
    const results = await client.readModifyWrite('users.update', 'users.list', [
      { recordid: '1001', set: { 'sf_Last Name': 'Changed' } },
      { recordid: '1002', set: (cur) => withRoles(cur, ['30'], ['10']) },
      { recordid: '4040', set: { 'sf_Last Name': 'Nobody' } },
    ]);
    expect(stub.requests.map((r) => r.action)).toEqual(['list', 'update']);
    expect(JSON.parse(stub.requests[0]?.params.criteria ?? '')).toEqual([
      { andor: 'and', field: 'sf_User ID', operator: '=', value: '1001' },
      { andor: 'or', field: 'sf_User ID', operator: '=', value: '1002' },
      { andor: 'or', field: 'sf_User ID', operator: '=', value: '4040' },
    ]);
    const sent = JSON.parse(stub.requests[1]?.params.jsonrset ?? '') as WireRecord[];
    expect(sent.map((r) => Object.keys(r).sort())).toEqual([
      ['recordid', 'sf_Company ID', 'sf_Email', 'sf_First Name', 'sf_Last Name', 'sf_Role ID List'],
      ['recordid', 'sf_Company ID', 'sf_Email', 'sf_First Name', 'sf_Last Name', 'sf_Role ID List'],
    ]);
    expect(sent[0]).toMatchObject({
      recordid: '1001',
      'sf_Last Name': 'Changed',
      'sf_First Name': 'First0',
      'sf_Role ID List': ',10,20,',
    });
    expect(sent[1]).toMatchObject({ recordid: '1002', 'sf_Role ID List': ',30,' });
    expect(results.map((r) => [r.index, r.ok, r.errorKind])).toEqual([
      [0, true, undefined],
      [1, true, undefined],
      [2, false, 'not-found'],
    ]);
  });

  it('reads with Get per id when given a Get function', async () => {
    const { client } = makeClient(stub);
    await client.readModifyWrite('users.update', 'users.get', [
      { recordid: '1001', set: { 'sf_Last Name': 'A' } },
      { recordid: '1002', set: { 'sf_Last Name': 'B' } },
    ]);
    expect(stub.requests.map((r) => r.action)).toEqual(['get', 'get', 'update']);
  });

  it('refuses a change to a field the update cannot write', async () => {
    const { client } = makeClient(stub);
    await expect(
      client.readModifyWrite('users.update', 'users.list', [{ recordid: '1001', set: { sf_Title: 'Boss' } }]),
    ).rejects.toThrow(/cannot write sf_Title/);
  });
});

describe('writes whose outcome is unknown are never resent', () => {
  const cases = [
    { kind: 'reset' as const, when: 'before' as const, applied: 0, underlying: 'network' },
    { kind: 'reset' as const, when: 'after' as const, applied: 1, underlying: 'network' },
    { kind: 'timeout' as const, when: 'after' as const, applied: 1, underlying: 'timeout' },
    { kind: 'timeout' as const, when: 'before' as const, applied: 0, underlying: 'timeout' },
    { kind: 'http500' as const, when: 'after' as const, applied: 1, underlying: 'server' },
    { kind: 'malformed' as const, when: 'after' as const, applied: 1, underlying: 'malformed' },
  ];
  it.each(cases)(
    '$kind $when apply -> unknown-outcome, one request, reconcile tells',
    async ({ kind, when, applied, underlying }) => {
      stub.faults.add({ kind, when, times: 1, match: { function: 'users.update' } });
      const { client } = makeClient(stub, { timeoutMs: callTimeoutFor(kind), batchSize: 2 });
      const records = [
        fullRecord('1001', { 'sf_Last Name': 'Zed' }),
        fullRecord('1002', { 'sf_Last Name': 'Yu' }),
        fullRecord('1003', { 'sf_Last Name': 'Xi' }),
      ];
      const e = (await caught(() => client.update('users.update', records))) as SmartConnectError;
      expect(e.kind).toBe('unknown-outcome');
      expect(e.underlyingKind).toBe(underlying);
      expect(e.retryable).toBe(false);
      expect(e.partial?.inFlight.map((x) => x.index)).toEqual([0, 1]);
      expect(e.partial?.unsent.map((x) => x.index)).toEqual([2]);
      expect(e.partial?.completed).toEqual([]);
      expect(stub.requests.filter((r) => r.fn === 'users.update')).toHaveLength(1);
      expect(stub.applied).toHaveLength(applied * 2);

      const report = await client.reconcileUnknownOutcome(e, { readFn: 'users.list' });
      expect(report.entries.map((x) => x.state)).toEqual(
        applied ? ['applied', 'applied'] : ['not-applied', 'not-applied'],
      );
      expect(report.safeToResend.map((x) => x.index)).toEqual(applied ? [] : [0, 1]);
      // Nothing was written twice.
      expect(new Set(stub.applied.map((a) => a.recordid)).size).toBe(stub.applied.length);
    },
  );

  it('reconciles creates by natural key', async () => {
    stub.faults.add({ kind: 'reset', when: 'after', times: 1 });
    const { client } = makeClient(stub);
    const e = (await caught(() =>
      client.create('users.update', [
        {
          'sf_First Name': 'Ada',
          'sf_Last Name': 'Ng',
          sf_Email: 'Ada@X.test',
          'sf_Role ID List': '',
          'sf_Company ID': '600',
        },
      ]),
    )) as SmartConnectError;
    expect(e.kind).toBe('unknown-outcome');
    const report = await client.reconcileUnknownOutcome(e, { readFn: 'users.list', naturalKey: 'sf_Email' });
    expect(report.entries[0]).toMatchObject({ state: 'applied', recordid: '1031' });
  });

  it('resends a write that never left (connection refused)', async () => {
    const closed = stub.url;
    await stub.close();
    const { client } = makeClient({ ...stub, url: closed }, { retry: { attempts: 2, baseMs: 1, maxMs: 1 } });
    const e = (await caught(() => client.update('users.update', [fullRecord('1001')]))) as SmartConnectError;
    expect(e.kind).toBe('network');
    expect(e.maybeSent).toBe(false);
    expect(client.stats().calls).toBe(2);
    expect(e.partial?.unsent.map((x) => x.index)).toEqual([0]);
    stub = await startStub();
  });

  it('stops between batches when cancelled and says what completed', async () => {
    const controller = new AbortController();
    const { client } = makeClient(stub, { batchSize: 1 });
    const e = (await caught(() =>
      client.update(
        'users.update',
        ids(3).map((id) => fullRecord(id)),
        { signal: controller.signal, onBatch: () => controller.abort() },
      ),
    )) as SmartConnectError;
    expect(e.kind).toBe('cancelled');
    expect(e.partial?.completed.map((r) => r.index)).toEqual([0]);
    expect(e.partial?.unsent.map((x) => x.index)).toEqual([1, 2]);
    expect(stub.applied).toHaveLength(1);
  });
});
