import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AiEngine } from './engine';
import { createLlmEngine, testLlmConnection, type LlmSettings } from './llm-engine';
import { createLocalEngine } from './local-engine';
import { createTasks } from './tasks';
import {
  closedPort,
  schemaName,
  startOpenAiStubServer,
  userPayload,
  type OpenAiStubServer,
  type StubRequest,
  type StubReply,
} from './test-support/openai-stub-server';

/** A small mirror and an intake document; every identifier in them must stay in this process. */
const MIRROR = {
  people: [
    {
      id: 480211,
      name: 'Amara Okafor',
      email: 'amara.okafor@riverbend.example',
      organization: 'Riverbend Community Trust',
    },
    {
      id: 480212,
      name: 'Tomasz Wielgosz',
      email: 'tomasz.w@hollowfield.example',
      organization: 'Hollowfield Arts Council',
    },
  ],
  roles: [
    { id: 730001, name: 'Reviewer' },
    { id: 730002, name: 'Finance Approver' },
  ],
};
const DOCUMENT = `Onboarding request
First Name: Amara
Last Name: Okafor
E-mail: amara.okafor@riverbend.example
Phone: +1 613-555-0142
Employee number: 0091827
Organization: Riverbend Community Trust
Address: 77 Juniper Crescent, Ottawa K1A 0B1
Manager: Deborah Lindqvist
Please also copy Hiroshi Takemura on the welcome e-mail.`;
const KEY = 'sk-test-key-do-not-send-anywhere-but-the-header';

const IDENTIFIERS = [
  'Amara',
  'Okafor',
  'amara.okafor',
  'riverbend',
  'Tomasz',
  'Wielgosz',
  'hollowfield',
  '480211',
  '480212',
  '730001',
  '730002',
  '613-555-0142',
  '555-0142',
  '0091827',
  'Juniper',
  'K1A 0B1',
  'Deborah',
  'Lindqvist',
  'Hiroshi',
  'Takemura',
  'Community Trust',
  'Arts Council',
];

const inputs = {
  extractFields: { text: DOCUMENT },
  resolve: {
    kind: 'person' as const,
    record: {
      name: 'Amara Okafor',
      email: 'amara.okafor@riverbend.example',
      organization: 'Riverbend Community Trust',
    },
    candidates: MIRROR.people,
  },
  recommendRoles: {
    person: { organization: 'Riverbend Community Trust', department: 'Grants', title: 'Officer', roleIds: [] },
    peers: [480211, 480212, 480213, 480214, 480215, 480216].map((personId) => ({ personId, roleIds: [730001] })),
    roles: MIRROR.roles,
  },
  interpretQuestion: {
    question: 'Did amara.okafor@riverbend.example or tomasz wielgosz of Hollowfield Arts Council log in this month?',
    names: [
      { value: 'tomasz wielgosz', person: true },
      { value: 'Hollowfield Arts Council', person: false },
    ],
    schema: 'the query object selects people; a name filter is {kind: name, text}.',
    today: '2026-11-20',
  },
  explain: {
    topic: 'access review',
    conclusion: 'Keep the Reviewer role of Amara Okafor',
    reasons: [{ text: 'Amara Okafor reviewed 12 applications this quarter', weight: 0.8 }],
    caveats: [],
  },
};

/** Answers each task well, from the tokens the request carried. */
function goodAnswer(req: StubRequest): StubReply {
  if (schemaName(req) === 'connection_test') return { kind: 'json', content: { ok: true } };
  // The pseudonymized input as the server saw it: read loosely, as a model would.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const p = userPayload(req) as Record<string, any>;
  switch (schemaName(req)) {
    case 'extract_fields': {
      const first = /First Name: (\S+)/.exec(p.text as string)![1];
      return {
        kind: 'json',
        content: {
          fields: [{ name: 'firstName', label: 'First Name', value: first, confidence: 0.9, how: 'label', line: 2 }],
        },
      };
    }
    case 'resolve_entity': {
      const id = p.candidates[0].id as string;
      return {
        kind: 'json',
        content: {
          candidates: [{ id, score: 0.97, reasons: [`same e-mail as ${p.record.email}`] }],
          decision: 'match',
          chosenId: id,
        },
      };
    }
    case 'recommend_roles': {
      const roleId = p.roles[0].id as string;
      return {
        kind: 'json',
        content: {
          recommendations: [{ roleId, holders: 6, peers: 6, confidence: 0.8, reason: '6 of 6 peers hold it' }],
          peers: 6,
        },
      };
    }
    case 'interpret_question': {
      const person = /PERSON_\d+/.exec(p.question as string)![0];
      const org = /ORG_\d+/.exec(p.question as string)![0];
      return {
        kind: 'json',
        content: {
          status: 'understood',
          query: {
            people: [
              { kind: 'name', text: person },
              { kind: 'organization', values: [org], negate: false },
            ],
            activity: null,
            actor: [],
            output: { kind: 'list' },
          },
          unread: [],
        },
      };
    }
    case 'explain':
      return { kind: 'json', content: { sentences: [`${p.conclusion as string}.`] } };
    default:
      return { kind: 'status', status: 400 };
  }
}

let stub: OpenAiStubServer;
const settings = (over: Partial<LlmSettings> = {}): LlmSettings => ({
  enabled: true,
  baseUrl: stub.baseUrl,
  model: 'stub-model',
  timeoutMs: 2000,
  ...over,
});
const llm = (over: Partial<LlmSettings> = {}): AiEngine =>
  createLlmEngine(createTasks(), { settings: settings(over), getKey: async () => KEY });
const local = createLocalEngine(createTasks());

beforeAll(async () => {
  stub = await startOpenAiStubServer();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
  stub.respond(goodAnswer);
});

describe('the LLM engine against a stub OpenAI-compatible server', () => {
  it('sends no identifier from the mirror or the input in any request, and re-identifies the answers', async () => {
    const engine = llm();
    const extracted = await engine.extractFields(inputs.extractFields);
    const resolved = await engine.resolve(inputs.resolve);
    const recommended = await engine.recommendRoles(inputs.recommendRoles);
    const interpreted = await engine.interpretQuestion(inputs.interpretQuestion);
    const explained = await engine.explain(inputs.explain);

    expect(stub.requests.map(schemaName)).toEqual([
      'extract_fields',
      'resolve_entity',
      'recommend_roles',
      'interpret_question',
      'explain',
    ]);
    for (const req of stub.requests) {
      const body = req.raw.toLowerCase();
      expect(IDENTIFIERS.filter((s) => body.includes(s.toLowerCase()))).toEqual([]);
      expect(req.raw).not.toContain(KEY);
      expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(req.body.model).toBe('stub-model');
    }

    for (const a of [extracted, resolved, recommended, interpreted, explained]) {
      expect([a.engine, a.model, a.fallbackReason]).toEqual(['llm', 'stub-model', null]);
    }
    expect(extracted.output.fields[0]!.value).toBe('Amara');
    expect(resolved.output).toMatchObject({ decision: 'match', chosenId: 480211 });
    expect(resolved.output.candidates[0]!.reasons[0]).toBe('same e-mail as amara.okafor@riverbend.example');
    expect(recommended.output.recommendations[0]!.roleId).toBe(730001);
    expect(interpreted.output.query!.people).toEqual([
      { kind: 'name', text: 'tomasz wielgosz' },
      { kind: 'organization', values: ['Hollowfield Arts Council'], negate: false },
    ]);
    expect(explained.output.sentences).toEqual(['Keep the Reviewer role of Amara Okafor.']);
  });

  it('answers at /chat/completions too (a base URL without /v1)', async () => {
    const a = await llm({ baseUrl: stub.baseUrl.replace(/\/v1$/, '') }).explain(inputs.explain);
    expect(a.engine).toBe('llm');
    expect(stub.requests[0]!.path).toBe('/chat/completions');
  });
});

describe('falling back to the local engine', () => {
  const expectFallback = async (engine: AiEngine, reason: RegExp) => {
    const a = await engine.extractFields(inputs.extractFields);
    const expected = await local.extractFields(inputs.extractFields);
    expect(a.engine).toBe('local');
    expect(a.fallbackReason).toMatch(reason);
    expect(a.output).toEqual(expected.output);
  };

  it('on a refused connection', async () => {
    await expectFallback(llm({ baseUrl: `http://127.0.0.1:${await closedPort()}/v1` }), /^refused connection/);
  });

  it('on a timeout', async () => {
    stub.respond(() => ({ kind: 'delay', ms: 5000 }));
    const started = Date.now();
    await expectFallback(llm({ timeoutMs: 300 }), /^timeout: no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('on invalid JSON', async () => {
    stub.respond(() => ({ kind: 'text', content: '{"fields": [ not json' }));
    await expectFallback(llm(), /^invalid JSON/);
  });

  it('on a schema violation', async () => {
    stub.respond(() => ({ kind: 'json', content: { fields: [{ name: 'approvedBy', value: 'pre-approved' }] } }));
    await expectFallback(llm(), /^schema violation: fields\.0\./);
  });

  it('on an HTTP 500', async () => {
    stub.respond(() => ({ kind: 'status', status: 500 }));
    await expectFallback(llm(), /^HTTP 500/);
  });

  it('on an answer naming a token that was never sent', async () => {
    stub.respond((req) =>
      schemaName(req) === 'resolve_entity'
        ? { kind: 'json', content: { candidates: [], decision: 'match', chosenId: 'ID_999' } }
        : goodAnswer(req),
    );
    const a = await llm().resolve(inputs.resolve);
    expect(a.engine).toBe('local');
    expect(a.fallbackReason).toMatch(/^schema violation after re-identification: chosenId/);
  });

  it('when the key cannot be read from the keychain', async () => {
    const engine = createLlmEngine(createTasks(), {
      settings: settings(),
      getKey: () => Promise.reject(new Error('keyring locked')),
    });
    await expectFallback(engine, /^the LLM key could not be read from the keychain$/);
    expect(stub.requests).toHaveLength(0);
  });

  it('on an answer that contradicts the input (a made-up "k of n", a candidate never offered)', async () => {
    stub.respond((req) => {
      const p = userPayload(req) as { roles?: { id: string }[]; candidates?: { id: string }[] };
      if (schemaName(req) === 'recommend_roles') {
        const roleId = p.roles![1]!.id; // held by none of the peers
        const claim = { roleId, holders: 6, peers: 6, confidence: 0.9, reason: '6 of 6' };
        return { kind: 'json', content: { recommendations: [claim], peers: 6 } };
      }
      return { kind: 'json', content: { candidates: [], decision: 'new', chosenId: p.candidates![0]!.id } };
    });
    const rec = await llm().recommendRoles(inputs.recommendRoles);
    expect(rec.engine).toBe('local');
    expect(rec.fallbackReason).toBe('the answer contradicts the input: role 730002 is held by 0 of 6, not 6 of 6');
    expect(rec.output.recommendations.map((r) => r.roleId)).toEqual([730001]);
    const res = await llm().resolve(inputs.resolve);
    expect(res.fallbackReason).toMatch(/^the answer contradicts the input: decision 'new' with chosen 480211/);
  });

  it('refuses an invalid input instead of falling back', async () => {
    await expect(llm().extractFields({ text: 7 } as never)).rejects.toThrow();
    expect(stub.requests).toHaveLength(0);
  });
});

describe('testLlmConnection', () => {
  it('says it works, or why not', async () => {
    const ok = await testLlmConnection({ settings: settings(), getKey: async () => KEY });
    expect(ok).toMatchObject({ ok: true, model: 'stub-model' });
    expect(ok.message).toMatch(/structured output/);
    stub.respond(() => ({ kind: 'status', status: 401 }));
    const denied = await testLlmConnection({ settings: settings(), getKey: async () => KEY });
    expect(denied).toMatchObject({ ok: false });
    expect(denied.message).toMatch(/HTTP 401/);
    expect(denied.message).not.toContain(KEY);
    const unset = await testLlmConnection({ settings: settings({ model: '' }), getKey: async () => null });
    expect(unset).toMatchObject({ ok: false, message: 'Set the base URL and the model first.' });
  });
});
