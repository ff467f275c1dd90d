/**
 * The vault against a real Secret Service (npm test starts a throwaway gnome-keyring under
 * dbus-run-session), and its refusal when there is no keychain at all.
 */
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretRegistry, silentLogger } from '../log/logger';
import { countingKeychain, memoryKeychain } from './test-keychain';
import { createVault, type KeychainBackend, type SecretRef } from './vault';

const required = process.env.ADMIN_DESK_REQUIRE_KEYCHAIN === '1';
const service = `Admin Desk test ${crypto.randomUUID()}`;
const vault = createVault({ secrets: new SecretRegistry(), logger: silentLogger, service });
const available = (await vault.status()).available;

describe('the vault with no keychain', () => {
  const broken: KeychainBackend = {
    getPassword: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
    setPassword: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
    deletePassword: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
    findCredentials: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
  };
  const noKeychain = createVault({ secrets: new SecretRegistry(), logger: silentLogger, keychain: broken, service });

  it('says so plainly', async () => {
    const s = await noKeychain.status();
    expect(s.available).toBe(false);
    expect(s.reason).toMatch(/No OS keychain is available/);
    expect(s.reason).toMatch(/will not store secrets anywhere else/);
  });

  it('refuses to store a secret', async () => {
    await expect(noKeychain.set({ kind: 'password', instanceId: 'i1' }, 'pw-123456')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('reports a keychain that cannot even be loaded', async () => {
    const unloadable = createVault({
      secrets: new SecretRegistry(),
      logger: silentLogger,
      keychain: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    expect((await unloadable.status()).available).toBe(false);
  });
});

/** The calls an app makes at once: write, read, list, delete, status, remove an instance. */
function burst(v: ReturnType<typeof createVault>, round: number): Promise<unknown>[] {
  const pw: SecretRef = { kind: 'password', instanceId: 'inst-a' };
  return [
    v.set({ kind: 'token', instanceId: 'inst-a', functionName: `fn${round}` }, `tok-${round}~`),
    v.get(pw),
    v.instanceStatus('inst-a'),
    v.delete({ kind: 'token', instanceId: 'inst-a', functionName: `fn${round - 1}` }),
    v.status(),
    v.set({ kind: 'password', instanceId: 'inst-b' }, `pw-b-${round}`).then(() => v.deleteInstance('inst-b')),
  ];
}

describe('the vault and its keychain calls', () => {
  const vaultOn = (keychain: KeychainBackend, extra: { probeTtlMs?: number } = {}) =>
    createVault({ secrets: new SecretRegistry(), logger: silentLogger, keychain, service, ...extra });

  it('makes one keychain call at a time, however many callers it has', async () => {
    const k = countingKeychain(memoryKeychain(), { delayMs: 2 });
    const v = vaultOn(k);
    await v.set({ kind: 'password', instanceId: 'inst-a' }, 'pw-a-123456');
    for (let round = 1; round <= 5; round++) await Promise.all(burst(v, round));
    expect(k.calls.getPassword + k.calls.setPassword + k.calls.deletePassword).toBeGreaterThan(30);
    expect(k.maxInFlight).toBe(1);
  });

  it('never asks the keychain to enumerate: not for status, listing or removing an instance', async () => {
    const k = countingKeychain(memoryKeychain());
    const v = vaultOn(k);
    for (let i = 0; i < 5; i++) expect((await v.status()).available).toBe(true);
    await v.set({ kind: 'password', instanceId: 'inst-a' }, 'pw-a-123456');
    await v.set({ kind: 'token', instanceId: 'inst-a', functionName: 'users.list' }, 'tok-users-list~');
    expect(await v.instanceStatus('inst-a')).toEqual({ password: true, tokens: ['users.list'] });
    expect(await v.deleteInstance('inst-a')).toBe(2);
    expect(k.calls.findCredentials).toBe(0);
  });

  it('lists from the names it keeps and drops a name whose entry went away', async () => {
    const mem = memoryKeychain();
    const v = vaultOn(mem);
    await v.set({ kind: 'password', instanceId: 'inst-a' }, 'pw-a-123456');
    await v.set({ kind: 'token', instanceId: 'inst-a', functionName: 'users.list' }, 'tok-users-list~');
    // Another program deletes the token behind the vault's back.
    await mem.deletePassword(service, 'instance/inst-a/token/users.list');
    expect(await v.instanceStatus('inst-a')).toEqual({ password: true, tokens: [] });
    expect(await v.deleteInstance('inst-a')).toBe(1);
    expect(mem.store.size).toBe(0);
  });

  it('says unavailable when the keychain lists and reads but cannot store', async () => {
    const k = countingKeychain(memoryKeychain(), { fail: (m) => m === 'setPassword' });
    const s = await vaultOn(k).status();
    expect(s.available).toBe(false);
    expect(s.reason).toMatch(/No OS keychain is available/);
  });

  it('checks with a round trip that leaves nothing behind, once, until a call fails or the check is old', async () => {
    const mem = memoryKeychain();
    let refuse = false;
    const k = countingKeychain(mem, { fail: (m) => refuse && m === 'getPassword' });
    const v = vaultOn(k);
    await Promise.all([v.status(), v.status(), v.status()]);
    await v.status();
    expect(k.calls).toMatchObject({ setPassword: 1, getPassword: 1, deletePassword: 1 });
    expect(mem.store.size).toBe(0);

    refuse = true;
    await expect(v.get({ kind: 'llm-key' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect((await v.status()).available).toBe(false);
    refuse = false;
    expect((await v.status()).available).toBe(true);

    const old = vaultOn(k, { probeTtlMs: 0 });
    const before = k.calls.setPassword;
    await old.status();
    await old.status();
    expect(k.calls.setPassword - before).toBe(2);
  });
});

describe.skipIf(!available && !required)('the vault with a real Secret Service', () => {
  afterAll(async () => {
    if (available) await vault.deleteInstance('inst-a');
  });

  it('is available (the test command starts a throwaway keyring)', async () => {
    expect(await vault.status()).toEqual({ available: true, reason: null });
  });

  it('stores, reads, lists and deletes secrets per instance', async () => {
    const secrets = new SecretRegistry();
    const v = createVault({ secrets, logger: silentLogger, service });
    await v.set({ kind: 'password', instanceId: 'inst-a' }, 'correct horse battery');
    await v.set({ kind: 'token', instanceId: 'inst-a', functionName: 'users.list' }, 'tok-users-list~');
    await v.set({ kind: 'token', instanceId: 'inst-a', functionName: 'users.update' }, 'tok-users-update~');
    await v.set({ kind: 'token', instanceId: 'inst-b', functionName: 'users.list' }, 'tok-other-instance~');

    expect(await v.get({ kind: 'password', instanceId: 'inst-a' })).toBe('correct horse battery');
    expect(await v.instanceStatus('inst-a')).toEqual({ password: true, tokens: ['users.list', 'users.update'] });
    expect(secrets.scrub('x correct horse battery y')).toBe('x [redacted] y');

    expect(await v.deleteInstance('inst-a')).toBe(3);
    expect(await v.instanceStatus('inst-a')).toEqual({ password: false, tokens: [] });
    expect(await v.get({ kind: 'token', instanceId: 'inst-b', functionName: 'users.list' })).toBe(
      'tok-other-instance~',
    );
    await v.deleteInstance('inst-b');
  });

  it('takes many calls at once without failing or enumerating', async () => {
    const keytar = ((await import('keytar')) as unknown as { default: KeychainBackend }).default;
    const k = countingKeychain(keytar);
    const v = createVault({ secrets: new SecretRegistry(), logger: silentLogger, keychain: k, service });
    await v.set({ kind: 'password', instanceId: 'inst-a' }, 'pw-a-123456');
    for (let round = 1; round <= 20; round++) {
      const settled = await Promise.allSettled(burst(v, round));
      expect(settled.filter((x) => x.status === 'rejected')).toEqual([]);
    }
    expect(await v.instanceStatus('inst-a')).toEqual({ password: true, tokens: ['fn20'] });
    expect(k.calls.findCredentials).toBe(0);
    expect(k.maxInFlight).toBe(1);
    await v.deleteInstance('inst-a');
  });
});
