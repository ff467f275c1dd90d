/**
 * The LLM engine reading a change the grammar cannot, through the stub OpenAI-compatible server
 * over real HTTP: asked only then, given the schema and the sentence with the mirror's names as
 * tokens (no mirror data in the request), and its typed change validated like any reading (names
 * against the mirror) before anyone is selected.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  schemaName,
  startOpenAiStubServer,
  userPayload,
  type OpenAiStubServer,
  type StubReply,
} from '../ai/test-support/openai-stub-server';
import { mirrorWords, wordsSaid } from '../ai/test-support/mirror-words';
import type { AskService } from '../ask/ask-service';
import type { DB } from '../db/open';
import type { LifecycleService } from './lifecycle-service';
import { lifecycleOverMirror } from './test-support/lifecycle-mirror';

let dir: string;
let db: DB;
let instanceId: string;
let ask: AskService;
let lifecycle: LifecycleService;
let stub: OpenAiStubServer;
let org: string;
let words: string[];

beforeAll(async () => {
  stub = await startOpenAiStubServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-describe-llm-'));
  ({ db, instanceId, ask, lifecycle } = await lifecycleOverMirror(dir, {
    people: 120,
    seed: 3,
    ai: {
      settings: { llm: { enabled: true, baseUrl: stub.baseUrl, model: 'stub-model', timeoutMs: 3000 } },
      getLlmKey: async () => null,
    },
  }));
  org = db
    .prepare(
      `SELECT o.name FROM mirror_organizations o JOIN mirror_people p ON p.instance_id = o.instance_id AND p.company_id = o.id
       WHERE o.instance_id = ? AND p.is_external = 1 GROUP BY o.id ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get(instanceId) as string;
  words = mirrorWords(db, instanceId);
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

/** The organization the sentence named, by the token it arrived as, as a deactivation. */
function offboardsTheOrganization(request: Parameters<Parameters<OpenAiStubServer['respond']>[0]>[0]): StubReply {
  const sentence = (userPayload(request) as { sentence: string }).sentence;
  const token = /\b[A-Z]+_\d+\b/.exec(sentence)?.[0] ?? 'nowhere';
  return {
    kind: 'json',
    content: {
      status: 'understood',
      change: {
        action: { kind: 'deactivate' },
        query: {
          people: [{ kind: 'organization', values: [token], negate: false }],
          activity: null,
          actor: [],
          output: { kind: 'list' },
        },
      },
      unread: [],
    },
  };
}

const unreadable = () => `our partnership with ${org} has wound down, so nobody there should get in any longer`;

describe('the LLM reads a change the grammar cannot', () => {
  it('is not asked when the grammar reads the sentence', async () => {
    stub.respond(offboardsTheOrganization);
    const read = await lifecycle.describe(instanceId, `deactivate the contacts of ${org}`);
    expect(read).toMatchObject({ ok: true, engine: 'grammar' });
    expect(stub.requests).toHaveLength(0);
  });

  it('answers from the schema and the sentence with names as tokens, validated, the same typed change', async () => {
    stub.respond(offboardsTheOrganization);
    const read = await lifecycle.describe(instanceId, unreadable());
    expect(stub.requests.map(schemaName)).toEqual(['describe_change']);
    const body = stub.requests[0]!.raw;
    expect(body).not.toContain(org);
    expect(wordsSaid(body, words)).toEqual([]);
    expect(body).toContain('the change object is {action, query}');
    if (!read.ok) throw new Error(read.message);
    expect(read).toMatchObject({ engine: 'llm', action: { kind: 'deactivate' } });
    const want = db
      .prepare(
        `SELECT p.id FROM mirror_people p JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
         WHERE p.instance_id = ? AND p.deleted_at IS NULL AND o.name = ? ORDER BY p.id`,
      )
      .pluck()
      .all(instanceId, org);
    expect(read.people.map((p) => p.id).sort((a, b) => a - b)).toEqual(want);
  });

  it('refuses a reading naming what the mirror does not have, or a malformed one, with sentences it can read', async () => {
    stub.respond(() => ({
      kind: 'json',
      content: {
        status: 'understood',
        change: {
          action: { kind: 'add_role', role: "Owner'); DROP TABLE people; --" },
          query: { people: [], activity: null, actor: [], output: { kind: 'list' } },
        },
        unread: [],
      },
    }));
    const bad = await lifecycle.describe(instanceId, unreadable());
    expect(bad).toMatchObject({
      ok: false,
      message: expect.stringMatching(/The LLM's reading was not used: "Owner.*" is not a role/),
    });
    if (!bad.ok) expect(bad.suggestions.length).toBeGreaterThan(0);
    stub.respond(() => ({
      kind: 'json',
      content: { status: 'understood', change: { action: 'everything' }, unread: [] },
    }));
    const malformed = await lifecycle.describe(instanceId, unreadable());
    expect(malformed).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be used \(schema violation/),
    });
  });
});
