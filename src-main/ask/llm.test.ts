/**
 * The LLM engine reading what the grammar cannot, through the stub OpenAI-compatible server over
 * real HTTP: it is asked only then, it receives the schema and the question with the mirror's
 * names as tokens (no person, e-mail or organization of the mirror in any request), and its
 * answer is validated like an edit (names against the mirror) before anything runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAiService } from '../ai/ai-service';
import {
  schemaName,
  startOpenAiStubServer,
  userPayload,
  type OpenAiStubServer,
  type StubReply,
} from '../ai/test-support/openai-stub-server';
import { mirrorWords, wordsSaid } from '../ai/test-support/mirror-words';
import type { DB } from '../db/open';
import { createAskService, type AskService } from './ask-service';
import { ASK_TEST_NOW, syncedMirror } from './test-support/ask-mirror';

let dir: string;
let db: DB;
let instanceId: string;
let ask: AskService;
let stub: OpenAiStubServer;
let person: { id: number; first: string; last: string; email: string };
let words: string[];

beforeAll(async () => {
  stub = await startOpenAiStubServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-ask-llm-'));
  const m = await syncedMirror(dir, 120, 3);
  db = m.db;
  instanceId = m.instanceId;
  person = db
    .prepare(
      `SELECT id, first_name AS first, last_name AS last, email FROM mirror_people
       WHERE instance_id = ? AND is_external = 1 AND length(first_name) > 3 AND length(last_name) > 3 LIMIT 1`,
    )
    .get(instanceId) as typeof person;
  words = mirrorWords(db, instanceId, { organizations: true });
  const ai = createAiService({
    db,
    settings: { llm: { enabled: true, baseUrl: stub.baseUrl, model: 'stub-model', timeoutMs: 3000 } },
    getLlmKey: async () => null,
  });
  ask = createAskService({ db, now: () => ASK_TEST_NOW, ai });
}, 120_000);
afterAll(async () => {
  ask?.close();
  db?.close();
  await stub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  stub.requests.length = 0;
});

/** A query naming the person the question named (by the token it arrived as). */
function namesThePerson(request: Parameters<Parameters<OpenAiStubServer['respond']>[0]>[0]): StubReply {
  const question = (userPayload(request) as { question: string }).question;
  const token = /PERSON_\d+/.exec(question)?.[0] ?? 'nobody';
  return {
    kind: 'json',
    content: {
      status: 'understood',
      query: { people: [{ kind: 'name', text: token }], activity: null, actor: [], output: { kind: 'list' } },
      unread: [],
    },
  };
}

const unreadable = () => `which colleagues of ${person.first} ${person.last} frequent the portal`;

describe('the LLM reads what the grammar cannot', () => {
  it('is not asked when the grammar reads the question', async () => {
    stub.respond(namesThePerson);
    const read = await ask.interpret(instanceId, 'who never logged in?');
    expect(read).toMatchObject({ ok: true, engine: 'grammar' });
    expect(stub.requests).toHaveLength(0);
  });

  it('answers from the schema and the question with names as tokens; no mirror data in the request', async () => {
    stub.respond(namesThePerson);
    const answer = await ask.ask(instanceId, unreadable());
    expect(stub.requests.map(schemaName)).toEqual(['interpret_question']);
    const body = stub.requests[0]!.raw.toLowerCase();
    expect(wordsSaid(body, words)).toEqual([]);
    expect(body).toContain('the query object selects people');
    if (!('table' in answer)) throw new Error(answer.message);
    expect(answer.interpretation).toMatch(/read by the LLM/);
    expect(answer.people.map((p) => p.id)).toContain(person.id);
  });

  it('refuses an answer naming what the mirror does not have, with questions it can read', async () => {
    stub.respond(() => ({
      kind: 'json',
      content: {
        status: 'understood',
        query: {
          people: [{ kind: 'role', roles: ["Nobody'); DROP TABLE people; --"], mode: 'any' }],
          activity: null,
          actor: [],
          output: { kind: 'list' },
        },
        unread: [],
      },
    }));
    const read = await ask.interpret(instanceId, unreadable());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(/The LLM's reading was not used: "Nobody.*" is not a role of this instance/);
    expect(read.suggestions.length).toBeGreaterThan(0);
  });

  it('falls back to the nearest questions when the LLM fails or cannot read it either', async () => {
    stub.respond(() => ({ kind: 'status', status: 500 }));
    const failed = await ask.interpret(instanceId, unreadable());
    expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/The LLM could not be used \(HTTP 500/) });
    stub.respond(() => ({ kind: 'json', content: { status: 'cannot_read', query: null, unread: ['all of it'] } }));
    const unread = await ask.interpret(instanceId, unreadable());
    expect(unread).toMatchObject({ ok: false, message: expect.stringMatching(/could not read it either/) });
    stub.respond(() => ({
      kind: 'json',
      content: { status: 'understood', query: { people: 'everyone' }, unread: [] },
    }));
    const malformed = await ask.interpret(instanceId, unreadable());
    expect(malformed).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be used \(schema violation/),
    });
  });
});
