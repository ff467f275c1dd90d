/**
 * The help desk's answer path with the LLM engine on, through the stub OpenAI-compatible server
 * (real HTTP): the answer is written from the retrieved passages only, every sentence cites them,
 * nothing identifying (names, e-mails, ids of the people in the past resolutions, the name in the
 * question) leaves the process, an answer that cites a passage it was not given is not used, and
 * a question nothing relevant answers gets "I don't know" without any request at all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startOpenAiStubServer,
  userPayload,
  type OpenAiStubServer,
  type StubRequest,
} from '../ai/test-support/openai-stub-server';
import type { Person } from '../smartsimple/sandbox/model';
import { deskOnSandbox, type DeskOnSandbox } from './test-support/desk-on-sandbox';

let stub: OpenAiStubServer;
let d: DeskOnSandbox;
let locked: Person[];

interface Sent {
  question: string;
  passages: { label: string; title: string; text: string }[];
}

/** Answers with one sentence per passage, citing it, in the words of the passage's first sentence. */
const citeEach = (request: StubRequest) => {
  const sent = userPayload(request) as Sent;
  return {
    kind: 'json' as const,
    content: {
      sentences: sent.passages.slice(0, 2).map((p) => ({ text: `${p.text.split('. ')[0]}.`, citations: [p.label] })),
      unknown: false,
    },
  };
};

beforeAll(async () => {
  stub = await startOpenAiStubServer();
  d = await deskOnSandbox({ llm: { enabled: true, baseUrl: stub.baseUrl, model: 'stub-model', timeoutMs: 5_000 } });
  // Past resolutions that name people: three locked accounts, diagnosed.
  locked = d.sb.state.data.people
    .filter((p) => !p.deleted && p.accessType === '1' && p.status === 'Active')
    .slice(0, 3);
  for (const p of locked) d.sb.state.lockAccount(p.id, d.sb.clock.now());
  await d.sync();
  for (const p of locked) d.desk.diagnose({ instanceId: d.instanceId, person: p.id, target: { kind: 'portal' } });
}, 120_000);
afterAll(async () => {
  await d?.close();
  await stub?.close();
});
beforeEach(() => {
  stub.requests.length = 0;
  stub.respond(citeEach);
});

describe('answers written from the passages through the LLM', () => {
  it('cites the passages in every sentence and sends nothing that identifies anyone', async () => {
    const [first] = locked as [Person];
    const question = `${first.firstName} ${first.lastName} says the account is locked after failed sign-ins: what do we do?`;
    const answer = await d.desk.answer(d.instanceId, question);
    expect(answer.engine).toBe('llm');
    expect(answer.unknown).toBe(false);
    expect(answer.sentences.length).toBeGreaterThan(0);
    for (const s of answer.sentences) {
      expect(s.citations.length).toBeGreaterThan(0);
      for (const n of s.citations) expect(answer.passages.map((p) => p.n)).toContain(n);
    }
    // The outcomes of the locked people were among the passages sent (with their names as tokens).
    expect(answer.passages.some((p) => p.source === 'outcome')).toBe(true);
    expect(stub.requests).toHaveLength(1);
    const raw = stub.requests[0]!.raw;
    expect(raw).toMatch(/locked/i);
    expect(raw).toMatch(/PERSON_\d|NAME_\d/);
    for (const p of locked)
      for (const identifier of [p.firstName, p.lastName, p.email, String(p.id)])
        expect(raw.includes(identifier), `${identifier} was sent`).toBe(false);
    // Re-identified on the way back: the answer speaks of the people again.
    const outcomeSentences = answer.sentences.filter((s) =>
      s.citations.some((n) => answer.passages[n - 1]?.source === 'outcome'),
    );
    for (const s of outcomeSentences) expect(s.text).not.toMatch(/PERSON_\d|NAME_\d/);
  });

  it('does not use an answer that cites a passage it was not given: the local engine answers, cited', async () => {
    stub.respond(() => ({
      kind: 'json',
      content: { sentences: [{ text: 'Unlock it.', citations: ['P9'] }], unknown: false },
    }));
    const answer = await d.desk.answer(d.instanceId, 'How do I unlock a locked account?');
    expect(stub.requests).toHaveLength(1);
    expect(answer.engine).toBe('local');
    expect(answer.fallbackReason).toMatch(/not given: P9/);
    expect(answer.sentences.length).toBeGreaterThan(0);
    expect(answer.sentences.every((s) => s.citations.length > 0)).toBe(true);
  });

  it('says "I don\'t know" when the model finds no answer in the passages', async () => {
    stub.respond(() => ({ kind: 'json', content: { sentences: [], unknown: true } }));
    const answer = await d.desk.answer(d.instanceId, 'Why does the access expiry of contractors pass so early?');
    expect(stub.requests).toHaveLength(1);
    expect(answer).toMatchObject({ unknown: true, sentences: [], engine: 'llm' });
  });

  it('says "I don\'t know" without sending anything when nothing relevant was retrieved', async () => {
    const answer = await d.desk.answer(d.instanceId, 'What will the weather be like in Lisbon next weekend?');
    expect(answer).toMatchObject({ unknown: true, sentences: [], engine: null });
    expect(stub.requests).toHaveLength(0);
  });
});
