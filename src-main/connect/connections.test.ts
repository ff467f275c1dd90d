/**
 * Connect and test against the sandbox over real HTTP with the real keychain, then look for the
 * password and every token in the SQLite files, the logs and every reply the renderer got.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionDetails, ConnectionTest, Result } from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { SecretRegistry, silentLogger } from '../log/logger';
import { useTempDirs } from '../test-support/temp-dir';
import { countingKeychain, memoryKeychain } from '../vault/test-keychain';
import { createVault, type KeychainBackend } from '../vault/vault';

const tempDir = useTempDirs();
const service = `Admin Desk test ${crypto.randomUUID()}`;
const available = (await createVault({ secrets: new SecretRegistry(), logger: silentLogger, service }).status())
  .available;
const required = process.env.ADMIN_DESK_REQUIRE_KEYCHAIN === '1';

const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) {
    for (const i of b.services.db.prepare('SELECT id FROM instances').pluck().all() as string[]) {
      await b.services.vault.deleteInstance(i).catch(() => 0);
    }
    await b.close();
  }
});

async function backendIn(
  dir: string,
  extra: Parameters<typeof createBackend>[0] extends infer O ? Partial<O> : never = {},
) {
  const b = await createBackend({
    dataDir: dir,
    keychainService: service,
    sandbox: { people: 120, seed: 3 },
    consoleLog: false,
    logLevel: 'debug',
    ...extra,
  });
  open.push(b);
  return b;
}

/** Calls like the renderer does, and keeps every reply as the renderer would see it. */
function recorder(b: Backend) {
  const replies: string[] = [];
  const call = async <T>(channel: string, input?: unknown): Promise<Result<T>> => {
    const res = (await b.invoke(channel, input)) as Result<T>;
    replies.push(JSON.stringify(res));
    return res;
  };
  return { replies, call };
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe.skipIf(!available && !required)('connections with the real keychain and the sandbox', () => {
  it('explores the sandbox: every function green, and no secret anywhere but the keychain', async () => {
    const dir = tempDir();
    const b = await backendIn(dir);
    const { replies, call } = recorder(b);

    const explored = await call<ConnectionDetails>('sandbox:explore');
    expect(explored.ok).toBe(true);
    if (!explored.ok) return;
    const test = explored.data.lastTest!;
    expect(test.results.length).toBeGreaterThanOrEqual(15);
    expect(test.results.filter((r) => r.status !== 'ok' && r.status !== 'accepted')).toEqual([]);
    expect(test.ok).toBe(true);
    expect(test.calls).toBeGreaterThanOrEqual(test.results.length);
    expect(explored.data.passwordSet).toBe(true);
    expect(explored.data.functions.every((f) => f.tokenSet)).toBe(true);
    expect(explored.data.budget.used).toBe(test.calls);

    await call('connections:get', { instanceId: explored.data.instance.id });
    await call('connections:test', { instanceId: explored.data.instance.id });
    await call('instances:list');
    await call('app:info');

    const info = await b.services.sandbox.ensure();
    const secrets = [info.apiUser.password, ...Object.values(info.functions).map((f) => f.token)];
    expect(secrets.length).toBeGreaterThan(15);
    // The database files (main, WAL), the logs, every reply.
    b.services.db.pragma('wal_checkpoint(PASSIVE)');
    const haystacks = [
      ...filesUnder(dir).map((f) => ({ where: f, text: fs.readFileSync(f).toString('latin1') })),
      ...replies.map((r, i) => ({ where: `reply ${i}`, text: r })),
    ];
    expect(haystacks.some((h) => h.where.endsWith('app.log') && h.text.includes('smartconnect'))).toBe(true);
    for (const secret of secrets) {
      const found = haystacks.filter((h) => h.text.includes(secret)).map((h) => h.where);
      expect(found, `a secret leaked into ${found.join(', ')}`).toEqual([]);
    }
  });

  it('shows a failing function with the server’s own message', async () => {
    const b = await backendIn(tempDir());
    const id = await copyOfSandbox(b, { 'users.list': 'not-a-real-token-0000~' });
    const res = (await b.invoke('connections:test', { instanceId: id })) as Result<ConnectionTest>;
    if (!res.ok) throw new Error(res.error.message);
    const usersList = res.data.results.find((r) => r.name === 'users.list')!;
    expect(usersList.status).toBe('failed');
    expect(usersList.serverMessage).toBe('Invalid API Token');
    expect(res.data.ok).toBe(false);
    expect(res.data.results.filter((r) => r.status === 'failed').map((r) => r.name)).toEqual(['users.list']);
  });

  it('removing an instance removes its secrets from the keychain', async () => {
    const b = await backendIn(tempDir());
    const id = await copyOfSandbox(b);
    expect((await b.services.vault.instanceStatus(id)).password).toBe(true);
    expect(await b.invoke('instances:remove', { id })).toEqual({ ok: true, data: { removed: true } });
    expect(await b.services.vault.instanceStatus(id)).toEqual({ password: false, tokens: [] });
  });

  it('keeps the sandbox’s made-up credentials out of the keychain', async () => {
    const b = await backendIn(tempDir());
    const explored = (await b.invoke('sandbox:explore')) as Result<ConnectionDetails>;
    if (!explored.ok) throw new Error(explored.error.message);
    expect(await b.services.vault.instanceStatus(explored.data.instance.id)).toEqual({ password: false, tokens: [] });
  });
});

/**
 * A real (not built-in) connection to the running sandbox, its secrets in the keychain: a token
 * given in `wrong` replaces the sandbox's one.
 */
async function copyOfSandbox(b: Backend, wrong: Record<string, string> = {}): Promise<string> {
  const info = await b.services.sandbox.ensure();
  const saved = (await b.invoke('connections:save', {
    instance: { name: 'Copy', host: info.url, alias: info.alias, rootCompanyId: info.rootCompanyId, apiVersion: 1 },
    username: info.apiUser.username,
    password: info.apiUser.password,
    functions: Object.entries(info.functions).map(([name, f]) => ({
      name,
      type: f.type,
      action: f.action,
      token: wrong[name] ?? f.token,
      fields: f.fields,
      ...(f.reportid ? { reportid: f.reportid } : {}),
    })),
  })) as Result<ConnectionDetails>;
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.data.instance.id;
}

describe('connections without a keychain', () => {
  const broken: KeychainBackend = {
    getPassword: () => Promise.reject(new Error('no secret service')),
    setPassword: () => Promise.reject(new Error('no secret service')),
    deletePassword: () => Promise.reject(new Error('no secret service')),
    findCredentials: () => Promise.reject(new Error('no secret service')),
  };

  it('refuses to save secrets, says why, and stores nothing', async () => {
    const b = await backendIn(tempDir(), { keychain: broken });
    const res = await b.invoke('connections:save', {
      instance: {
        name: 'Prod',
        host: 'https://acme.smartsimple.com',
        alias: 'acme',
        rootCompanyId: '1',
        apiVersion: 1,
      },
      username: 'api@acme.org',
      password: 'secret-password',
      functions: [
        { name: 'users.list', type: 'user', action: 'list', token: 'token-123456789~', fields: ['sf_User ID'] },
      ],
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/No OS keychain/) },
    });
    expect(b.services.db.prepare('SELECT count(*) FROM instances').pluck().get()).toBe(0);
    expect(await b.invoke('vault:status')).toMatchObject({ ok: true, data: { available: false } });
  });

  it('saves a connection without secrets (to fill in later) and says none is set', async () => {
    const b = await backendIn(tempDir(), { keychain: broken });
    const res = await b.invoke('connections:save', {
      instance: {
        name: 'Prod',
        host: 'https://acme.smartsimple.com',
        alias: 'acme',
        rootCompanyId: '1',
        apiVersion: 1,
      },
      username: 'api@acme.org',
      functions: [{ name: 'users.list', type: 'user', action: 'list', fields: ['sf_User ID'] }],
    });
    expect(res).toMatchObject({
      ok: true,
      data: { passwordSet: false, functions: [{ name: 'users.list', tokenSet: false }] },
    });
  });

  it('refuses an unknown record type or action in the registry', async () => {
    const b = await backendIn(tempDir(), { keychain: broken });
    const res = await b.invoke('connections:save', {
      instance: {
        name: 'Prod',
        host: 'https://acme.smartsimple.com',
        alias: 'acme',
        rootCompanyId: '1',
        apiVersion: 1,
      },
      username: 'api@acme.org',
      functions: [{ name: 'users.list', type: 'people', action: 'list', fields: [] }],
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/unknown record type "people"/) },
    });
  });
});

describe('exploring the sandbox when the keychain cannot store', () => {
  const prod = {
    instance: { name: 'Prod', host: 'https://acme.smartsimple.com', alias: 'acme', rootCompanyId: '1', apiVersion: 1 },
    username: 'api@acme.org',
    functions: [{ name: 'users.list', type: 'user', action: 'list', fields: ['sf_User ID'] }],
  };
  const state = async (b: Backend) => {
    const settings = (await b.invoke('settings:get')) as Result<{ activeInstanceId: string | null }>;
    return {
      instances: b.services.db.prepare('SELECT name FROM instances ORDER BY name').pluck().all(),
      active: settings.ok ? settings.data.activeInstanceId : 'unreadable',
    };
  };

  it('explores when the keychain says it is there but every write fails: the sandbox needs none', async () => {
    // Lists and reads fine (a Secret Service with no unlocked collection), refuses every write.
    const keychain = countingKeychain(memoryKeychain(), { fail: (m) => m === 'setPassword' });
    const b = await backendIn(tempDir(), { keychain });
    expect((await state(b)).instances).toEqual([]);
    const res = (await b.invoke('sandbox:explore')) as Result<ConnectionDetails>;
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.lastTest?.ok).toBe(true);
    expect(await state(b)).toEqual({ instances: ['Sandbox (built-in)'], active: res.data.instance.id });
    expect(keychain.calls.setPassword).toBe(0);
  });

  it('explores with no keychain at all, and its client reads the people', async () => {
    const broken: KeychainBackend = {
      getPassword: () => Promise.reject(new Error('no secret service')),
      setPassword: () => Promise.reject(new Error('no secret service')),
      deletePassword: () => Promise.reject(new Error('no secret service')),
      findCredentials: () => Promise.reject(new Error('no secret service')),
    };
    const b = await backendIn(tempDir(), { keychain: broken });
    expect(await b.invoke('connections:save', prod)).toMatchObject({ ok: true });
    const res = (await b.invoke('sandbox:explore')) as Result<ConnectionDetails>;
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.passwordSet).toBe(true);
    expect(res.data.functions.every((f) => f.tokenSet)).toBe(true);
    expect(res.data.lastTest?.results.filter((r) => r.status !== 'ok' && r.status !== 'accepted')).toEqual([]);
    // The real instance still has no secrets: the keychain is still needed for those.
    const prodId = b.services.db.prepare("SELECT id FROM instances WHERE name = 'Prod'").pluck().get() as string;
    expect(await b.invoke('connections:get', { instanceId: prodId })).toMatchObject({
      ok: true,
      data: { passwordSet: false },
    });
    const client = await b.services.connections.clientFor(res.data.instance.id);
    expect((await client.listAll('users.list')).length).toBeGreaterThan(100);
  });
});
