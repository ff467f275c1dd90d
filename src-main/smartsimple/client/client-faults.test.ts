import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, SecretRegistry } from '../../log/logger';
import { ERROR_TEXTS, ROLLING_WINDOW_MS } from '../protocol';
import { createMemoryBudget } from './budget';
import { createSmartConnectClient } from './client';
import { ERROR_CLASSIFICATION, SmartConnectError, classifyServerError } from './errors';
import type { SmartConnectErrorKind } from './errors';
import type { Stub, StubOptions } from './test-stub';
import { startStub } from './test-stub';
import { callTimeoutFor, caught, fakeTime, makeClient } from './test-helpers';
import { LIMIT_EDGE_MARGIN_MS } from './limit-refusal';
import { silentLogger } from '../../log/logger';

const H = ROLLING_WINDOW_MS;
const stubs: Stub[] = [];
async function stubWith(options: StubOptions = {}): Promise<Stub> {
  const s = await startStub({ people: 30, ...options });
  stubs.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

describe('retries of reads', () => {
  it.each(['http500', 'malformed', 'reset', 'timeout'] as const)(
    'retries a read after %s and succeeds',
    async (kind) => {
      const stub = await stubWith();
      stub.faults.add({ kind, times: 2, match: { action: 'get' } });
      const { client, time } = makeClient(stub, { timeoutMs: callTimeoutFor(kind) });
      expect((await client.get('users.get', '1001')).recordid).toBe('1001');
      expect(stub.requests).toHaveLength(3);
      expect(client.stats()).toMatchObject({ calls: 3, retries: 2, errors: 2 });
      // Full jitter with random() = 0.5: half of 100, then half of 200.
      expect(time.sleeps).toEqual([50, 100]);
    },
  );

  it('gives up after the configured attempts with the server kind', async () => {
    const stub = await stubWith();
    stub.faults.add({ kind: 'http500' });
    const { client } = makeClient(stub);
    const e = (await caught(() => client.listAll('users.list'))) as SmartConnectError;
    expect(e).toMatchObject({ kind: 'server', serverMessage: ERROR_TEXTS.server, retryable: true, httpStatus: 500 });
    expect(stub.requests).toHaveLength(3);
  });

  it('tries a credential failure exactly once, for reads and writes', async () => {
    const stub = await stubWith();
    const { client } = makeClient({ ...stub, apiUser: { ...stub.apiUser, password: 'wrong-password' } });
    const read = (await caught(() => client.listAll('users.list'))) as SmartConnectError;
    expect(read).toMatchObject({ kind: 'credentials', retryable: false, serverMessage: ERROR_TEXTS.credentials });
    expect(stub.requests).toHaveLength(1);
    const write = (await caught(() => client.delete('users.delete', ['1001']))) as SmartConnectError;
    expect(write.kind).toBe('credentials');
    expect(stub.requests).toHaveLength(2);
  });

  it('does not retry an invalid token', async () => {
    const stub = await stubWith();
    const spec = stub.functions['users.get'];
    const functions = { ...stub.functions, 'users.get': { ...spec!, token: 'revoked-token-123456' } };
    const { client } = makeClient({ ...stub, functions });
    expect(await caught(() => client.get('users.get', '1001'))).toMatchObject({
      kind: 'invalid-token',
      retryable: false,
    });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('error styles classify identically', () => {
  async function kindsFor(errorStyle: 'http200' | 'http4xx') {
    const stub = await stubWith({ errorStyle });
    const results: Array<[string, SmartConnectErrorKind, string | undefined]> = [];
    const run = async (label: string, fn: () => Promise<unknown>) => {
      const e = (await caught(fn)) as SmartConnectError;
      results.push([label, e.kind, e.serverMessage]);
    };
    const ok = makeClient(stub, { maxLimitRefusals: 0 });
    await run('not found', () => ok.client.get('users.get', '4242'));
    const badPassword = makeClient({ ...stub, apiUser: { ...stub.apiUser, password: 'nope-nope' } });
    await run('credentials', () => badPassword.client.get('users.get', '1001'));
    const badToken = makeClient({
      ...stub,
      functions: { ...stub.functions, 'users.get': { ...stub.functions['users.get']!, token: 'bogus-token-0000' } },
    });
    await run('token', () => badToken.client.get('users.get', '1001'));
    const wrongType = makeClient({
      ...stub,
      functions: { ...stub.functions, 'users.get': { ...stub.functions['users.get']!, type: 'company' } },
    });
    await run('endpoint', () => wrongType.client.get('users.get', '1001'));
    stub.faults.add({ kind: 'hourlyLimit', times: 1 });
    await run('limit', () => ok.client.get('users.get', '1001'));
    return { results, statuses: stub.requests.length };
  }

  it('HTTP 200 with text and 4xx with text give the same kinds and texts', async () => {
    const a = await kindsFor('http200');
    const b = await kindsFor('http4xx');
    expect(a.results).toEqual(b.results);
    expect(a.results.map((r) => r[1])).toEqual([
      'not-found',
      'credentials',
      'invalid-token',
      'invalid-token',
      'hourly-limit',
    ]);
  });

  it('has one table, and unknown texts are never retried', () => {
    expect(ERROR_CLASSIFICATION.length).toBeGreaterThan(5);
    expect(classifyServerError('Something odd happened', 200)).toBe('bad-request');
    expect(classifyServerError('User account is locked', 200)).toBe('credentials');
    expect(classifyServerError(undefined, 502)).toBe('server');
    expect(classifyServerError(ERROR_TEXTS.otherSettings, 400)).toBe('bad-request');
    expect(classifyServerError(ERROR_TEXTS.list, 200)).toBe('bad-request');
    expect(classifyServerError(ERROR_TEXTS.httpsRequired, 200)).toBe('https-required');
  });

  it('a non-JSON 200 is malformed, a bare 503 is server', async () => {
    const bodies = [new Response('<html>hi</html>', { status: 200 }), new Response('', { status: 503 })];
    const stub = await stubWith();
    const { client } = makeClient(stub, {
      fetch: async () => bodies.shift() as Response,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
    });
    expect(await caught(() => client.get('users.get', '1'))).toMatchObject({ kind: 'malformed' });
    expect(await caught(() => client.get('users.get', '1'))).toMatchObject({ kind: 'server', httpStatus: 503 });
  });
});

describe('the hourly budget', () => {
  it('waits before the limit, then resumes as the window rolls', async () => {
    const stub = await stubWith();
    const { client, waits, time, budget } = makeClient(stub, { limit: 5 });
    const t0 = time.now();
    for (let i = 0; i < 7; i++) await client.get('users.get', '1001');
    expect(stub.requests).toHaveLength(7);
    expect(waits).toEqual([{ fn: 'users.get', until: t0 + H, reason: 'budget' }]);
    expect(time.now()).toBe(t0 + H);
    expect(budget.used()).toBe(2);
    expect(client.stats()).toMatchObject({ waits: 1, waitedMs: H });
  });

  it('frees slots one by one as old calls leave the window', async () => {
    const stub = await stubWith();
    const { client, waits, time } = makeClient(stub, { limit: 3 });
    const t0 = time.now();
    for (let i = 0; i < 3; i++) {
      await client.get('users.get', '1001');
      time.advance(10 * 60_000);
    }
    await client.get('users.get', '1001');
    await client.get('users.get', '1001');
    expect(waits.map((w) => w.until - t0)).toEqual([H, H + 10 * 60_000]);
  });

  it('counts failed calls and retries too', async () => {
    const stub = await stubWith();
    stub.faults.add({ kind: 'http500', times: 1 });
    const { client, budget } = makeClient(stub);
    await client.get('users.get', '1001');
    expect(budget.used()).toBe(2);
  });

  it('after the server refuses with its limit text, marks the budget full and waits instead of hammering', async () => {
    const time = fakeTime();
    const stub = await stubWith({ hourlyLimit: 2, clock: time.now });
    // Our own budget thinks there is room (another client of the instance used it up).
    const { client, waits, budget } = makeClient(stub, { time, limit: 1000 });
    const t0 = time.now();
    for (let i = 0; i < 3; i++) await client.get('users.get', '1001');
    expect(stub.requests).toHaveLength(4);
    expect(waits).toEqual([{ fn: 'users.get', until: t0 + H, reason: 'server-limit' }]);
    expect(budget.used()).toBe(1);
  });

  it('escalates the wait while refusals repeat, and starts again at the edge after a success', async () => {
    const stub = await stubWith();
    const { client, waits, time } = makeClient(stub, { maxLimitRefusals: 3 });
    const t0 = time.now();
    for (let i = 0; i < 5; i++) {
      await client.get('users.get', '1001');
      time.advance(10 * 60_000);
    }
    stub.faults.add({ kind: 'hourlyLimit', times: 3 });
    const at = time.now();
    await client.get('users.get', '1001');
    // Edge (our call of t0 leaves at t0 + 1 h), then a quarter and a half of the window.
    const edge = t0 + H + LIMIT_EDGE_MARGIN_MS;
    expect(waits.map((w) => w.until)).toEqual([edge, edge + H / 4, edge + H / 4 + H / 2]);
    expect(waits[0]!.until - at).toBe(10 * 60_000 + LIMIT_EDGE_MARGIN_MS);
    stub.faults.add({ kind: 'hourlyLimit', times: 1 });
    const again = time.now();
    await client.get('users.get', '1001');
    const last = waits.at(-1)!;
    expect(last.until - again).toBeLessThan(H / 4);
  });

  it('gives up with hourly-limit after repeated refusals', async () => {
    const stub = await stubWith();
    stub.faults.add({ kind: 'hourlyLimit' });
    const { client, waits } = makeClient(stub, { maxLimitRefusals: 2 });
    expect(await caught(() => client.get('users.get', '1001'))).toMatchObject({
      kind: 'hourly-limit',
      serverMessage: ERROR_TEXTS.hourlyLimit,
    });
    expect(stub.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('a wait for the budget is cancelled promptly', async () => {
    const stub = await stubWith();
    const budget = createMemoryBudget({ limit: 1 });
    const client = createSmartConnectClient({
      connection: { baseUrl: stub.url, alias: stub.alias, rootCompanyId: stub.rootCompanyId, apiVersion: 1 },
      credentials: stub.apiUser,
      functions: stub.functions,
      budget,
      logger: silentLogger,
    });
    await client.get('users.get', '1001');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    expect(await caught(() => client.get('users.get', '1001', { signal: controller.signal }))).toMatchObject({
      kind: 'cancelled',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(stub.requests).toHaveLength(1);
  });
});

describe('https and secrets', () => {
  it('refuses plain http except to loopback', () => {
    const make = (baseUrl: string) => () =>
      createSmartConnectClient({
        connection: { baseUrl, alias: 'a', rootCompanyId: 1, apiVersion: 1 },
        credentials: { username: 'u', password: 'p' },
        functions: {},
        budget: createMemoryBudget(),
        logger: silentLogger,
      });
    for (const bad of [
      'http://acme.smartsimple.com',
      'http://10.0.0.5:8080',
      'http://128.0.0.1',
      'ftp://acme.smartsimple.com',
      'not a url',
      'https://user:pw@acme.smartsimple.com',
    ]) {
      const e = (() => {
        try {
          make(bad)();
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e, bad).toBeInstanceOf(SmartConnectError);
      expect((e as SmartConnectError).kind).toBe('https-required');
    }
    for (const good of [
      'https://acme.smartsimple.com',
      'https://grants.example.gov/',
      'http://127.0.0.1:4000',
      'http://127.9.8.7',
      'http://localhost:3000',
      'http://[::1]:3000',
    ]) {
      expect(make(good), good).not.toThrow();
    }
  });

  it('never lets the password or a token reach the logger or an error', async () => {
    const stub = await stubWith();
    stub.faults.add({ kind: 'http500', times: 1, match: { action: 'get' } });
    stub.faults.add({ kind: 'reset', when: 'after', times: 1, match: { action: 'update' } });
    const secrets = new SecretRegistry();
    const { client, logs } = makeClient(stub, { secrets });
    const errors: unknown[] = [];
    await client.get('users.get', '1001');
    await client.listAll('users.list', { pageSize: 10 });
    errors.push(
      await caught(() =>
        client.readModifyWrite('users.update', 'users.list', [{ recordid: '1001', set: { 'sf_Last Name': 'Q' } }]),
      ),
    );
    const bad = makeClient({ ...stub, apiUser: { ...stub.apiUser, password: 'another-Secret-9' } }, { secrets });
    errors.push(await caught(() => bad.client.get('users.get', '1001')));
    // A server that echoes the token back in its error text.
    const token = stub.functions['users.get']!.token;
    const echo = makeClient(stub, {
      fetch: async () => Response.json({ message: { error: `${ERROR_TEXTS.invalidToken}: ${token}` } }),
    });
    const echoed = (await caught(() => echo.client.get('users.get', '1'))) as SmartConnectError;
    errors.push(echoed);
    expect(echoed.serverMessage).toBe(`${ERROR_TEXTS.invalidToken}: ${REDACTED}`);

    expect(logs.length).toBeGreaterThan(5);
    const haystack =
      JSON.stringify(logs) + JSON.stringify(errors.map((e) => ({ ...(e as object), message: (e as Error).message })));
    for (const secret of [
      stub.apiUser.password,
      'another-Secret-9',
      ...Object.values(stub.functions).map((f) => f.token),
    ]) {
      expect(haystack).not.toContain(secret);
      expect(secrets.scrub(`x${secret}x`)).toBe(`x${REDACTED}x`);
    }
    const line = logs.find((l) => l.message === 'smartconnect call')?.fields;
    expect(line).toMatchObject({ fn: 'users.get', type: 'user', action: 'get', outcome: 'ok', records: 1 });
    expect(typeof line?.durationMs).toBe('number');
  });
});
