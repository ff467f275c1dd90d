/**
 * Dispatch order and every refusal before the action: empty request, token, endpoint,
 * credentials and lockout, https, the hourly limit on the injected clock, and both error styles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TYPES, ERROR_TEXTS, KNOWN_FUNCTIONS, ROLLING_WINDOW_MS } from '../protocol';
import type { SandboxHandle } from './server';
import { call, errorOf, rawCall, startTestSandbox } from './test-support';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('the handle', () => {
  it('describes a connection the Connect screen accepts', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.rootCompanyId).toMatch(/^\d{6}$/);
    expect(sandbox.apiVersion).toBe(1);
    expect(Object.keys(sandbox.functions).sort()).toEqual(Object.keys(KNOWN_FUNCTIONS).sort());
    for (const spec of Object.values(sandbox.functions)) {
      expect(spec.token).toMatch(/^[A-Za-z0-9]{35,39}~$/);
      if (spec.type === 'report') expect(spec.reportid).toMatch(/^\d+$/);
    }
    expect(sandbox.functions['users.ids']?.fields).toEqual(['sf_User ID', 'sf_Last Updated']);
    expect(sandbox.functions['users.update']?.fields).toContain('sf_Role ID List');
    expect(sandbox.functions['users.list']?.fields).toContain('sf_User Role');
  });
});

describe('refusals, in dispatch order', () => {
  it('refuses an empty request', async () => {
    expect(errorOf(await rawCall(sandbox, 'user', ''))).toBe(ERROR_TEXTS.emptyRequest);
    expect(errorOf(await rawCall(sandbox, 'user', '', { method: 'GET' }))).toBe(ERROR_TEXTS.emptyRequest);
  });

  it('refuses an unknown or missing token before looking at credentials', async () => {
    const bad = await call(sandbox, 'users.list', {}, { overrides: { apitoken: 'nope~', password: 'wrong' } });
    expect(errorOf(bad)).toBe(ERROR_TEXTS.invalidToken);
    expect(errorOf(await call(sandbox, 'users.list', {}, { overrides: { apitoken: undefined } }))).toBe(
      ERROR_TEXTS.invalidToken,
    );
  });

  it('refuses a token on another record type endpoint', async () => {
    expect(errorOf(await call(sandbox, 'users.list', {}, { type: 'company' }))).toBe(ERROR_TEXTS.wrongEndpoint);
    expect(errorOf(await call(sandbox, 'roles.meta', {}, { type: 'user' }))).toBe(ERROR_TEXTS.wrongEndpoint);
  });

  it('refuses wrong alias, company id, username or password with the credentials text', async () => {
    for (const overrides of [
      { alias: 'other' },
      { companyid: '1' },
      { username: 'nobody@example.org' },
      { password: undefined },
    ]) {
      expect(errorOf(await call(sandbox, 'users.get', { recordid: '1' }, { overrides }))).toBe(ERROR_TEXTS.credentials);
    }
  });

  it('accepts only an active, unexpired API Access user', async () => {
    const api = sandbox.state.person(sandbox.state.data.apiAccount.personId)!;
    const attempt = async (): Promise<string | undefined> => errorOf(await call(sandbox, 'roles.meta'));
    expect(await attempt()).toBeUndefined();
    api.accessType = ACCESS_TYPES.user;
    expect(await attempt()).toBe(ERROR_TEXTS.credentials);
    api.accessType = ACCESS_TYPES.api;
    api.accessExpiry = sandbox.clock.now() - 1000;
    expect(await attempt()).toBe(ERROR_TEXTS.credentials);
    api.accessExpiry = null;
    api.status = 'Inactive';
    expect(await attempt()).toBe(ERROR_TEXTS.credentials);
    api.status = 'Active';
    expect(await attempt()).toBeUndefined();
  });

  it('locks the API user after five wrong passwords, even for the right one after that', async () => {
    const id = sandbox.state.data.apiAccount.personId;
    for (let i = 0; i < 4; i++)
      expect(errorOf(await call(sandbox, 'roles.meta', {}, { overrides: { password: 'guess' } }))).toBe(
        ERROR_TEXTS.credentials,
      );
    expect(errorOf(await call(sandbox, 'roles.meta'))).toBeUndefined(); // a success resets the count
    for (let i = 0; i < 5; i++) await call(sandbox, 'roles.meta', {}, { overrides: { password: 'guess' } });
    expect(sandbox.credentials.isLocked(id)).toBe(true);
    expect(errorOf(await call(sandbox, 'roles.meta'))).toBe(ERROR_TEXTS.credentials);
    sandbox.credentials.unlock(id);
    expect(errorOf(await call(sandbox, 'roles.meta'))).toBeUndefined();
  });

  it('answers GET with a query string and both API versions alike', async () => {
    const post = await call(sandbox, 'users.ids', { othersettings: { recordend: 3 } });
    const get = await call(sandbox, 'users.ids', { othersettings: { recordend: 3 } }, { method: 'GET' });
    const v2 = await call(sandbox, 'users.ids', { othersettings: { recordend: 3 } }, { version: 2 });
    expect(get.body).toEqual(post.body);
    expect(v2.body).toEqual(post.body);
    expect(post.body.records).toHaveLength(3);
  });

  it('answers 404 outside /API/<1|2>/<type>/', async () => {
    expect((await fetch(`${sandbox.url}/API/3/user/`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${sandbox.url}/API/1/people/`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses plain http when https is required', async () => {
    sandbox.settings.requireHttps = true;
    try {
      expect(errorOf(await call(sandbox, 'roles.meta'))).toBe(ERROR_TEXTS.httpsRequired);
    } finally {
      sandbox.settings.requireHttps = false;
    }
  });
});

describe('error styles', () => {
  const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof call>>>, number]> = [
    [ERROR_TEXTS.emptyRequest, () => rawCall(sandbox, 'user', ''), 400],
    [ERROR_TEXTS.invalidToken, () => call(sandbox, 'users.list', {}, { overrides: { apitoken: 'x' } }), 401],
    [ERROR_TEXTS.credentials, () => call(sandbox, 'users.list', {}, { overrides: { alias: 'x' } }), 401],
    [ERROR_TEXTS.wrongEndpoint, () => call(sandbox, 'users.list', {}, { type: 'levelone' }), 403],
    [ERROR_TEXTS.notFound, () => call(sandbox, 'users.get', { recordid: '42' }), 404],
    [ERROR_TEXTS.list, () => call(sandbox, 'users.list', { criteria: '[' }), 400],
  ];
  it('sends errors as HTTP 200 by default, with records [] and message.error', async () => {
    for (const [text, run] of cases) {
      const result = await run();
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ records: [], message: { error: text } });
    }
  });
  it('sends the same bodies with 4xx statuses in the http4xx style', async () => {
    sandbox.settings.errorStyle = 'http4xx';
    try {
      for (const [text, run, status] of cases) {
        const result = await run();
        expect([text, result.status]).toEqual([text, status]);
        expect(result.body).toEqual({ records: [], message: { error: text } });
      }
    } finally {
      sandbox.settings.errorStyle = 'http200';
    }
  });
});

describe('the rolling hourly limit', () => {
  it('refuses call 1,001 in an hour, does not count refusals, and recovers as the hour rolls', async () => {
    const limited = await startTestSandbox({ people: 30 });
    try {
      await call(limited, 'users.list', {}, { overrides: { apitoken: 'bad~' } }); // refused: not counted
      await call(limited, 'users.list', {}, { overrides: { password: 'bad' } }); // refused: not counted
      expect(limited.callsInWindow()).toBe(0);
      const first = limited.clock.now();
      for (let batch = 0; batch < 10; batch++) {
        const results = await Promise.all(Array.from({ length: 100 }, () => call(limited, 'roles.meta')));
        expect(results.every((r) => errorOf(r) === undefined)).toBe(true);
        limited.clock.advance(60_000);
      }
      expect(limited.callsInWindow()).toBe(1000);
      const refused = await call(limited, 'roles.meta');
      expect(errorOf(refused)).toBe(ERROR_TEXTS.hourlyLimit);
      expect(limited.callsInWindow()).toBe(1000);
      // The first hundred calls leave the window an hour after they were made.
      limited.clock.set(first + ROLLING_WINDOW_MS + 1);
      expect(limited.callsInWindow()).toBe(900);
      expect(errorOf(await call(limited, 'roles.meta'))).toBeUndefined();
      limited.settings.errorStyle = 'http4xx';
      const counted = limited.callsInWindow();
      for (let i = counted; i < 1000; i++) await call(limited, 'roles.meta');
      const limitedReply = await call(limited, 'roles.meta');
      expect(limitedReply.status).toBe(429);
      expect(errorOf(limitedReply)).toBe(ERROR_TEXTS.hourlyLimit);
      expect(limited.requestLog.filter((e) => e.outcome === ERROR_TEXTS.hourlyLimit).every((e) => !e.counted)).toBe(
        true,
      );
    } finally {
      await limited.close();
    }
  });

  it('takes a smaller limit as an option', async () => {
    const limited = await startTestSandbox({ people: 30, hourlyLimit: 3 });
    try {
      for (let i = 0; i < 3; i++) expect(errorOf(await call(limited, 'roles.meta'))).toBeUndefined();
      expect(errorOf(await call(limited, 'roles.meta'))).toBe(ERROR_TEXTS.hourlyLimit);
      limited.clock.advance(ROLLING_WINDOW_MS);
      expect(errorOf(await call(limited, 'roles.meta'))).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});
