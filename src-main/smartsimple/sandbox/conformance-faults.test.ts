/** Fault injection: every kind, before and after the action, and what the request log proves. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_TEXTS, UPDATE_STATUS_OK } from '../protocol';
import type { SandboxHandle } from './server';
import { call, errorOf, startTestSandbox, userForUpdate } from './test-support';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startTestSandbox({ people: 120 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.settings.partialBatch = 'all-or-nothing';
  sandbox.clock.advance(60_000);
});

let cursor = 0;
async function titleChange(title: string): Promise<{ id: string; record: Record<string, string | null> }> {
  const staff = sandbox.state.data.people.filter((p) => !p.isExternal && p.accessType === '1' && p.status === 'Active');
  const person = staff[cursor++ % staff.length]!;
  const record = await userForUpdate(sandbox, String(person.id));
  return { id: String(person.id), record: { ...record, sf_Title: title } };
}
const appliedFor = (id: string): number => sandbox.appliedWrites().filter((w) => w.recordid === id).length;
const lastEntry = () => sandbox.requestLog.at(-1)!;
const timed = async <T>(run: () => Promise<T>): Promise<number> => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

describe('latency', () => {
  it('delays every response with the global setting, and matching calls with a fault', async () => {
    sandbox.faults.setLatency(150);
    expect(await timed(() => call(sandbox, 'roles.meta'))).toBeGreaterThanOrEqual(140);
    sandbox.faults.setLatency(0);
    sandbox.faults.add({ kind: 'latency', ms: 200, times: 2, match: { function: 'users.get' } });
    await call(sandbox, 'roles.meta');
    expect(lastEntry().faults).toEqual([]);
    const id = String(sandbox.state.data.people[0]?.id);
    for (let i = 0; i < 2; i++) {
      expect(await timed(() => call(sandbox, 'users.get', { recordid: id }))).toBeGreaterThanOrEqual(190);
      expect(lastEntry()).toMatchObject({ faults: ['latency'], outcome: 'ok' });
    }
    await call(sandbox, 'users.get', { recordid: id });
    expect(lastEntry().faults).toEqual([]);
  });
});

describe('http500', () => {
  it('before the action: 500, nothing applied, not counted', async () => {
    const { id, record } = await titleChange('Fault A');
    sandbox.faults.add({ kind: 'http500' });
    const result = await call(sandbox, 'users.update', { jsonrset: [record] });
    expect(result.status).toBe(500);
    expect(errorOf(result)).toBe(ERROR_TEXTS.server);
    expect(appliedFor(id)).toBe(0);
    expect(lastEntry()).toMatchObject({ outcome: 'fault:http500', counted: false, faults: ['http500'] });
  });
  it('after the action: 500, but the write landed', async () => {
    const { id, record } = await titleChange('Fault B');
    sandbox.faults.add({ kind: 'http500', when: 'after', match: { action: 'update' } });
    expect((await call(sandbox, 'users.update', { jsonrset: [record] })).status).toBe(500);
    expect(appliedFor(id)).toBe(1);
    expect(sandbox.state.person(Number(id))?.title).toBe('Fault B');
    expect(lastEntry()).toMatchObject({ outcome: 'fault:http500', actionOutcome: 'ok', counted: true });
  });
});

describe('reset', () => {
  it('before: the connection drops and nothing is applied', async () => {
    const { id, record } = await titleChange('Fault C');
    sandbox.faults.add({ kind: 'reset' });
    await expect(call(sandbox, 'users.update', { jsonrset: [record] })).rejects.toThrow();
    expect(appliedFor(id)).toBe(0);
  });
  it('after: the connection drops once applied; a blind retry is refused by the stale stamp, never applied twice', async () => {
    const { id, record } = await titleChange('Fault D');
    sandbox.faults.add({ kind: 'reset', when: 'after' });
    await expect(call(sandbox, 'users.update', { jsonrset: [record] })).rejects.toThrow();
    expect(appliedFor(id)).toBe(1);
    sandbox.clock.advance(2000);
    expect(errorOf(await call(sandbox, 'users.update', { jsonrset: [record] }))).toBe(ERROR_TEXTS.record);
    expect(appliedFor(id)).toBe(1);
    const writes = sandbox.appliedWrites().filter((w) => w.recordid === id);
    expect(writes[0]).toMatchObject({ function: 'users.update', op: 'update' });
    expect(writes[0]?.payloadHash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('timeout', () => {
  it('never answers; the client gives up; the sandbox still serves others', async () => {
    sandbox.faults.add({ kind: 'timeout', match: { function: 'roles.meta' } });
    await expect(call(sandbox, 'roles.meta', {}, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(lastEntry().outcome).toBe('fault:timeout');
    expect(errorOf(await call(sandbox, 'roles.meta'))).toBeUndefined();
  });
  it('does not keep close() waiting', async () => {
    const other = await startTestSandbox({ people: 30 });
    other.faults.add({ kind: 'timeout', when: 'after' });
    const hanging = call(other, 'roles.meta');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Without ending held requests, close() would wait for the client for ever.
    expect(await timed(() => other.close())).toBeLessThan(5000);
    await expect(hanging).rejects.toThrow();
  });
});

describe('malformed', () => {
  it('answers 200 with a body that is not JSON', async () => {
    sandbox.faults.add({ kind: 'malformed' });
    const result = await call(sandbox, 'roles.meta');
    expect(result.status).toBe(200);
    expect(() => JSON.parse(result.text) as unknown).toThrow();
    expect(lastEntry().outcome).toBe('fault:malformed');
  });
});

describe('badRecord', () => {
  it('all-or-nothing: the call fails at the chosen record and nothing applies', async () => {
    const a = await titleChange('Fault E');
    const b = await titleChange('Fault F');
    sandbox.faults.add({ kind: 'badRecord', recordIndex: 1 });
    const result = await call(sandbox, 'users.update', { jsonrset: [a.record, b.record] });
    expect(result.body).toEqual({ records: [], message: { error: ERROR_TEXTS.record, recordindex: 1 } });
    expect(appliedFor(a.id) + appliedFor(b.id)).toBe(0);
  });
  it('per-record: the good records apply, the bad one (the last by default) carries the error', async () => {
    sandbox.settings.partialBatch = 'per-record';
    const a = await titleChange('Fault G');
    const b = await titleChange('Fault H');
    sandbox.faults.add({ kind: 'badRecord' });
    const result = await call(sandbox, 'users.update', { jsonrset: [a.record, b.record] });
    expect(result.body.records?.map((r) => r.status)).toEqual([UPDATE_STATUS_OK, ERROR_TEXTS.record]);
    expect([appliedFor(a.id), appliedFor(b.id)]).toEqual([1, 0]);
    expect(lastEntry()).toMatchObject({ outcome: 'partial', faults: ['badRecord'] });
    expect(lastEntry().writes?.map((w) => w.applied)).toEqual([true, false]);
  });
  it('waits for a write: reads do not use it up', async () => {
    sandbox.faults.add({ kind: 'badRecord', match: { function: 'users.update' } });
    await call(sandbox, 'roles.meta');
    expect(sandbox.faults.pending()).toHaveLength(1);
  });
});

describe('hourlyLimit', () => {
  it('exhausts the budget now; the window rolls it back', async () => {
    sandbox.faults.add({ kind: 'hourlyLimit' });
    expect(errorOf(await call(sandbox, 'roles.meta'))).toBe(ERROR_TEXTS.hourlyLimit);
    expect(sandbox.callsInWindow()).toBe(sandbox.settings.hourlyLimit);
    expect(errorOf(await call(sandbox, 'roles.meta'))).toBe(ERROR_TEXTS.hourlyLimit);
    sandbox.clock.advance(3_600_001);
    expect(errorOf(await call(sandbox, 'roles.meta'))).toBeUndefined();
  });
});
