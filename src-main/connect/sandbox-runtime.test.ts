/**
 * The built-in sandbox keeps what was applied to it in the data folder: a change survives closing
 * and recreating the backend, `sandbox:reset` brings the seed back, and a corrupt state file is
 * moved aside instead of stopping the sandbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { silentLogger } from '../log/logger';
import { createMemoryBudget, createSmartConnectClient } from '../smartsimple/client';
import { useTempDirs } from '../test-support/temp-dir';
import { SANDBOX_STATE_FILE, type SandboxInfo } from './sandbox-runtime';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

async function backendIn(dir: string): Promise<Backend> {
  const b = await createBackend({ dataDir: dir, sandbox: { people: 60, seed: 5 }, consoleLog: false });
  open.push(b);
  return b;
}

function clientFor(info: SandboxInfo) {
  return createSmartConnectClient({
    connection: { baseUrl: info.url, alias: info.alias, rootCompanyId: info.rootCompanyId, apiVersion: 1 },
    credentials: info.apiUser,
    functions: info.functions,
    budget: createMemoryBudget(),
    logger: silentLogger,
  });
}

async function titleOf(b: Backend, id: string): Promise<unknown> {
  const found = await clientFor(await b.services.sandbox.ensure()).readCurrent('users.list', [id]);
  return found.get(id)?.['sf_Title'];
}

async function close(b: Backend): Promise<void> {
  open.splice(open.indexOf(b), 1);
  await b.close();
}

describe('the built-in sandbox remembers', () => {
  it('keeps an applied change across a restart of the backend, until it is reset', async () => {
    const dir = tempDir();
    const first = await backendIn(dir);
    const client = clientFor(await first.services.sandbox.ensure());
    const [someone] = await client.listAll('users.list');
    const id = String(someone?.recordid);
    const seedTitle = someone?.['sf_Title'];
    const [written] = await client.readModifyWrite('users.update', 'users.list', [
      { recordid: id, set: { sf_Title: 'Remembered across restarts' } },
    ]);
    expect(written?.ok).toBe(true);
    await close(first);

    const second = await backendIn(dir);
    expect(await titleOf(second, id)).toBe('Remembered across restarts');

    const reset = (await second.invoke('sandbox:reset')) as Result<{ reset: true }>;
    expect(reset).toEqual({ ok: true, data: { reset: true } });
    expect(await titleOf(second, id)).toBe(seedTitle);
    await close(second);
    const third = await backendIn(dir);
    expect(await titleOf(third, id)).toBe(seedTitle);
  });

  it('moves a corrupt state file aside and starts from the seed', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SANDBOX_STATE_FILE), '{"version": 1, "records": [trunc');
    const b = await backendIn(dir);
    const info = await b.services.sandbox.ensure();
    expect((await clientFor(info).listAll('users.list')).length).toBeGreaterThan(50);
    const files = fs.readdirSync(dir);
    expect(files.some((f) => f.startsWith(`${SANDBOX_STATE_FILE}.invalid-`))).toBe(true);
    expect(files).not.toContain(SANDBOX_STATE_FILE);
  });
});
