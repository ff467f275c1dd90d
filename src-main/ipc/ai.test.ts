/**
 * The AI channels through the backend's one door: the local engine by default; the LLM engine
 * configured against a stub OpenAI-compatible server (named so: a cloud LLM cannot be reached
 * here), its key in the keychain only, the connection test, and refusals that change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiStubServer, type OpenAiStubServer } from '../ai/test-support/openai-stub-server';
import { createBackend, DATABASE_FILE } from '../backend/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { memoryKeychain } from '../vault/test-keychain';

const tempDir = useTempDirs();
const KEY = 'sk-test-4d1c9e-not-a-real-key';
let stub: OpenAiStubServer;
beforeAll(async () => {
  stub = await startOpenAiStubServer();
});
afterAll(() => stub.close());

describe('ai channels', () => {
  it('start on the local engine, take the LLM settings with the key in the keychain, and test the connection', async () => {
    const dir = tempDir();
    const keychain = memoryKeychain();
    const backend = await createBackend({ dataDir: dir, keychain });
    const first = await backend.invoke('ai:status');
    expect(first).toMatchObject({ ok: true, data: { engine: 'local', llm: { enabled: false, keySet: false } } });

    const settings = { enabled: true, baseUrl: stub.baseUrl, model: 'stub-model', timeoutMs: 5000 };
    const configured = await backend.invoke('ai:configureLlm', { ...settings, key: KEY });
    expect(configured).toMatchObject({ ok: true, data: { engine: 'llm', llm: { ...settings, keySet: true } } });
    expect(JSON.stringify(configured)).not.toContain(KEY);

    stub.respond(() => ({ kind: 'json', content: { ok: true } }));
    const test = await backend.invoke('ai:testLlm');
    expect(test).toMatchObject({ ok: true, data: { ok: true, model: 'stub-model' } });
    expect(stub.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

    await backend.close();
    // The key is in the keychain and nowhere in the data folder.
    const db = fs.readFileSync(path.join(dir, DATABASE_FILE)).toString('latin1');
    expect(db).not.toContain(KEY);
    expect(
      fs.existsSync(`${path.join(dir, DATABASE_FILE)}-wal`)
        ? fs.readFileSync(`${path.join(dir, DATABASE_FILE)}-wal`).toString('latin1')
        : '',
    ).not.toContain(KEY);
  });

  it('refuses an http:// endpoint on another machine and changes nothing', async () => {
    const backend = await createBackend({ dataDir: tempDir(), keychain: memoryKeychain() });
    const refused = await backend.invoke('ai:configureLlm', {
      enabled: true,
      baseUrl: 'http://llm.example.org/v1',
      model: 'm',
      timeoutMs: 5000,
      key: 'k',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/https/) },
    });
    expect(await backend.invoke('ai:status')).toMatchObject({
      ok: true,
      data: { engine: 'local', llm: { enabled: false, keySet: false } },
    });
    // settings:update cannot reach the LLM settings around the checks.
    const sneaky = await backend.invoke('settings:update', { llm: { enabled: true } } as never);
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await backend.close();
  });
});
