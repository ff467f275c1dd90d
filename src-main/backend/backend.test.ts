/** The backend built from a data folder, driven through its one door (invoke). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Events } from '../../src-preload/contract';
import type { LogRecord } from '../log/logger';
import { useTempDirs } from '../test-support/temp-dir';
import { latestVersion } from '../db/open';
import { countingKeychain, memoryKeychain } from '../vault/test-keychain';
import { createBackend, DATABASE_FILE } from './backend';

const tempDir = useTempDirs();
const instance = {
  name: 'Production',
  host: 'https://acme.smartsimple.com',
  alias: 'acme',
  rootCompanyId: '825646',
  apiVersion: 1 as const,
};

describe('backend', () => {
  it('answers app:info from a fresh data folder', async () => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, shell: 'harness' });
    const res = await backend.invoke('app:info', undefined);
    expect(res).toMatchObject({ ok: true, data: { shell: 'harness', dataDir: dir, schemaVersion: latestVersion() } });
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
    await backend.close();
  });

  it('keeps settings and instances across restarts', async () => {
    const dir = tempDir();
    const first = await createBackend({ dataDir: dir });
    await first.invoke('settings:update', { theme: 'dark' });
    const created = await first.invoke('instances:create', instance);
    expect(created.ok).toBe(true);
    await first.close();

    const second = await createBackend({ dataDir: dir });
    expect(await second.invoke('settings:get', undefined)).toMatchObject({ ok: true, data: { theme: 'dark' } });
    const list = await second.invoke('instances:list', {});
    expect(list.ok && (list.data as { name: string }[]).map((i) => i.name)).toEqual(['Production']);
    // The first instance became the active one.
    const settings = await second.invoke('settings:get', undefined);
    expect(settings.ok && (settings.data as { activeInstanceId: string }).activeInstanceId).toBe(
      list.ok ? (list.data as { id: string }[])[0]!.id : 'x',
    );
    await second.close();
  });

  it('renames, refuses a duplicate name, and removes an instance, moving the active one', async () => {
    const backend = await createBackend({ dataDir: tempDir() });
    const a = (await backend.invoke('instances:create', instance)) as { ok: true; data: { id: string } };
    const b = (await backend.invoke('instances:create', { ...instance, name: 'Test' })) as {
      ok: true;
      data: { id: string };
    };
    expect(await backend.invoke('instances:create', { ...instance, name: 'production' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await backend.invoke('instances:rename', { id: b.data.id, name: 'Production' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await backend.invoke('instances:rename', { id: b.data.id, name: 'Staging' })).toMatchObject({
      ok: true,
      data: { name: 'Staging' },
    });
    expect(await backend.invoke('instances:remove', { id: a.data.id })).toEqual({ ok: true, data: { removed: true } });
    expect(await backend.invoke('settings:get')).toMatchObject({ ok: true, data: { activeInstanceId: b.data.id } });
    expect(await backend.invoke('instances:remove', { id: a.data.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await backend.invoke('settings:update', { activeInstanceId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await backend.close();
  });

  it('announces the tables a write changed', async () => {
    const backend = await createBackend({ dataDir: tempDir() });
    const events: Events['data:changed'][] = [];
    backend.onEvent((name, payload) => {
      if (name === 'data:changed') events.push(payload as Events['data:changed']);
    });
    await backend.invoke('instances:create', instance);
    await backend.invoke('instances:list');
    expect(events).toEqual([{ tables: ['instances', 'settings'] }]);
    await backend.close();
  });

  it('logs to a file with secrets redacted', async () => {
    const dir = tempDir();
    const lines: LogRecord[] = [];
    const backend = await createBackend({ dataDir: dir, logSinks: [(r) => lines.push(r)] });
    backend.services.secrets.add('hunter2-super-secret');
    backend.services.logger.info('connecting with hunter2-super-secret', {
      password: 'pw',
      apitoken: 'tok',
      user: 'ada',
    });
    await backend.close();
    const file = fs.readFileSync(path.join(dir, 'logs', 'app.log'), 'utf8');
    expect(file).toContain('connecting with [redacted]');
    expect(file).not.toContain('hunter2-super-secret');
    expect(file).not.toMatch(/"pw"|"tok"/);
    expect(lines.at(-1)?.fields).toEqual({ password: '[redacted]', apitoken: '[redacted]', user: 'ada' });
  });

  it('starts, checks the keychain and lists secrets across a restart without ever enumerating the keychain', async () => {
    const dir = tempDir();
    let probes = 0;
    const keychain = countingKeychain(memoryKeychain(), {
      fail: (method, account) => {
        if (method === 'setPassword' && account.startsWith('admin-desk/probe/')) probes++;
        return false;
      },
    });
    const options = {
      dataDir: dir,
      keychain,
      keychainService: 'Admin Desk backend test',
      sandbox: { people: 120, seed: 3 },
    };
    const first = await createBackend(options);
    for (let i = 0; i < 3; i++) expect(await first.invoke('vault:status')).toMatchObject({ data: { available: true } });
    const explored = await first.invoke('sandbox:explore');
    if (!explored.ok) throw new Error(explored.error.message);
    const id = (explored.data as { instance: { id: string } }).instance.id;
    await first.close();

    const second = await createBackend(options);
    await second.invoke('app:info');
    for (let i = 0; i < 3; i++) await second.invoke('vault:status');
    expect(await second.invoke('connections:get', { instanceId: id })).toMatchObject({
      ok: true,
      data: { passwordSet: true, functions: expect.arrayContaining([expect.objectContaining({ tokenSet: true })]) },
    });
    await second.close();
    expect(keychain.calls.findCredentials).toBe(0);
    // One round trip per backend, not one per status check.
    expect(probes).toBe(2);
  });
});
