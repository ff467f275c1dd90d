import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../log/logger';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase, type DB } from '../db/open';
import { useTempDirs } from '../test-support/temp-dir';
import { createAiService, type AiSettings } from './ai-service';
import { startOpenAiStubServer, type OpenAiStubServer } from './test-support/openai-stub-server';

// Until 0005 lands on this branch, an empty stand-in keeps the list gapless for the test database.
const KEY = 'sk-service-test-key-0123456789';
const explainInput = { topic: 't', conclusion: 'keep the role', reasons: [], caveats: [] };

const tempDir = useTempDirs();
let stub: OpenAiStubServer;
let db: DB;
let file: string;
const records: LogRecord[] = [];

beforeAll(async () => {
  stub = await startOpenAiStubServer();
});
afterAll(() => stub.close());
beforeEach(() => {
  file = path.join(tempDir(), 'admin-desk.sqlite');
  db = openDatabase(file, { migrations: MIGRATIONS }).db;
  stub.requests.length = 0;
  records.length = 0;
  return () => db.close();
});

const service = (llm: Partial<AiSettings['llm']> = {}) =>
  createAiService({
    db,
    logger: createLogger('test', { sinks: [(r) => records.push(r)] }),
    settings: { llm: { enabled: false, baseUrl: stub.baseUrl, model: 'stub-model', timeoutMs: 2000, ...llm } },
    getLlmKey: async () => KEY,
  });

describe('the AI service', () => {
  it('uses the local engine by default and records every suggestion', async () => {
    const ai = service();
    expect(ai.engineInUse()).toBe('local');
    const a = await ai.explain(explainInput, { instanceId: null });
    const b = await ai.explain({ ...explainInput, caveats: [] });
    const s = ai.get(a.suggestionId);
    expect(s).toMatchObject({
      kind: 'explain',
      engine: 'local',
      model: 'local-rules-1',
      output: { sentences: ['Keep the role.'] },
      confidence: 1,
      fallbackReason: null,
      decision: null,
    });
    expect(s.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    // Same inputs, same digest; a different input, a different one.
    expect(ai.get(b.suggestionId).inputSha256).toBe(s.inputSha256);
    const c = await ai.explain({ ...explainInput, conclusion: 'revoke the role' });
    expect(ai.get(c.suggestionId).inputSha256).not.toBe(s.inputSha256);
    expect(stub.requests).toHaveLength(0);
    expect(ai.list({ kind: 'explain' })).toHaveLength(3);
  });

  it('uses the LLM when enabled, and records the fallback and its reason when the LLM fails', async () => {
    const ai = service({ enabled: true });
    expect(ai.engineInUse()).toBe('llm');
    stub.respond(() => ({ kind: 'json', content: { sentences: ['Keep the role, as the model says.'] } }));
    const ok = await ai.explain(explainInput);
    expect(ai.get(ok.suggestionId)).toMatchObject({ engine: 'llm', model: 'stub-model', fallbackReason: null });
    stub.respond(() => ({ kind: 'status', status: 500 }));
    const failed = await ai.explain(explainInput);
    expect(ai.get(failed.suggestionId)).toMatchObject({
      engine: 'local',
      model: 'local-rules-1',
      fallbackReason: 'HTTP 500 from the LLM server',
      output: { sentences: ['Keep the role.'] },
    });
    // The key went only into the request header: not into SQLite, not into the log.
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).includes(KEY)).toBe(false);
    expect(JSON.stringify(records)).not.toContain(KEY);
    expect(records.some((r) => r.message.includes('the local engine answered'))).toBe(true);
  });

  it('says why in the record when the LLM is on but its settings cannot be used', async () => {
    const elsewhere = service({ enabled: true, baseUrl: 'http://llm.example.org/v1' });
    expect(elsewhere.engineInUse()).toBe('local');
    const a = await elsewhere.explain(explainInput);
    expect(a.fallbackReason).toMatch(/^LLM settings: Use https:\/\/ for a server on another machine/);
    expect(elsewhere.get(a.suggestionId).fallbackReason).toBe(a.fallbackReason);
    const noModel = await service({ enabled: true, model: '' }).explain(explainInput);
    expect(noModel.fallbackReason).toBe('LLM settings: Set the base URL and the model first.');
    expect(stub.requests).toHaveLength(0);
  });

  it('takes a decision once, from an administrator, with the operation it became', async () => {
    const ai = service();
    const a = await ai.explain(explainInput);
    expect(() => ai.decide(a.suggestionId, 'accepted', 'ai')).toThrow(/Only an administrator/);
    expect(() => ai.decide(a.suggestionId, 'rejected', 'ana', 5)).toThrow(/rejected suggestion/);
    expect(() => ai.decide(a.suggestionId, 'maybe' as never, 'ana')).toThrow();
    expect(() => ai.decide('nope', 'accepted', 'ana')).toThrow(/not found/);
    const d = ai.decide(a.suggestionId, 'edited', 'ana');
    expect(d).toMatchObject({ decision: 'edited', decidedBy: 'ana', operationId: null });
    expect(d.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(() => ai.decide(a.suggestionId, 'accepted', 'bob')).toThrow(/already edited by ana/);
  });

  it('reports acceptance rates per kind', async () => {
    const ai = service();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await ai.explain(explainInput)).suggestionId);
    await ai.interpretQuestion({
      question: 'Is the budget on track?',
      names: [],
      schema: 'the query object',
      today: '2026-11-20',
    });
    ai.decide(ids[0]!, 'accepted', 'ana');
    ai.decide(ids[1]!, 'edited', 'ana');
    ai.decide(ids[2]!, 'rejected', 'ana');
    expect(ai.acceptanceRates()).toEqual([
      { kind: 'explain', suggested: 4, accepted: 1, edited: 1, rejected: 1, rate: 0.667 },
      { kind: 'interpret_question', suggested: 1, accepted: 0, edited: 0, rejected: 0, rate: null },
    ]);
  });

  it('tests the LLM connection with the settings and key it has', async () => {
    stub.respond(() => ({ kind: 'json', content: { ok: true } }));
    const t = await service({ enabled: true }).testLlmConnection();
    expect(t.ok).toBe(true);
    expect(stub.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
