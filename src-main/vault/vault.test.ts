/**
 * The vault against a real Secret Service (npm test starts a throwaway gnome-keyring under
 * dbus-run-session), and its refusal when there is no keychain at all.
 */
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretRegistry, silentLogger } from '../log/logger';
import { createVault, type KeychainBackend } from './vault';

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
});
