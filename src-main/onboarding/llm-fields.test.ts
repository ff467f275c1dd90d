/**
 * The LLM engine's reading through the real OpenAI-compatible stub server (HTTP on 127.0.0.1): a
 * real PDF read by the real intake, a mirror synced from the sandbox. What the LLM reads fills only
 * the fields intake left empty, each with its place on the page; what left the computer was
 * pseudonymized; an answer with a value the document does not contain adds nothing.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAiService } from '../ai/ai-service';
import { startOpenAiStubServer, type OpenAiStubServer } from '../ai/test-support/openai-stub-server';
import { createInstancesService } from '../instances/instances-service';
import { createIntakeService } from '../intake/intake-service';
import { pdfOf } from '../intake/test-support/documents';
import { createMirrorService } from '../mirror/mirror-service';
import { mirroredSandbox } from '../plans/test-support/fixture';
import { useTempDirs } from '../test-support/temp-dir';
import { createOnboardingService } from './onboarding-service';

const tempDir = useTempDirs();
const closers: (() => Promise<void>)[] = [];
let stub: OpenAiStubServer;
beforeAll(async () => {
  stub = await startOpenAiStubServer();
});
afterAll(() => stub.close());
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function setup() {
  const dir = tempDir();
  const m = await mirroredSandbox(dir);
  const intake = createIntakeService({ db: m.db, blobDir: path.join(dir, 'intake') });
  closers.push(
    () => m.sb.close(),
    () => intake.close(),
  );
  const ai = createAiService({
    db: m.db,
    settings: { llm: { enabled: true, baseUrl: stub.baseUrl, model: 'stub-model', timeoutMs: 5000 } },
    getLlmKey: async () => 'sk-test-key',
  });
  const mirror = createMirrorService({ db: m.db, instances: createInstancesService({ db: m.db }) });
  const onboarding = createOnboardingService({ db: m.db, mirror, ai, intake, administrator: () => 'ana' });
  return { ...m, ai, onboarding };
}

const letter = () =>
  pdfOf({
    content: [
      { text: 'New user request', fontSize: 16, margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [150, 300],
          body: [
            ['First name', 'Oriane'],
            ['Last name', 'Vasquez-Thorne'],
            ['Email', 'oriane.vt@lindqvist-fund.example'],
          ],
        },
      },
      { text: 'Her badge reads 88412. She joins the Finance team in January.', margin: [0, 12, 0, 0] },
    ],
  });

const field = (name: string, value: string, line: number) => ({
  name,
  label: name,
  value,
  confidence: 0.95,
  how: 'label',
  line,
});

describe('onboarding with the LLM engine on', { timeout: 120_000 }, () => {
  it('fills only what intake left empty, with its place on the page; sends no name or e-mail in clear', async () => {
    const m = await setup();
    stub.requests.length = 0;
    stub.respond(() => ({
      kind: 'json',
      // "Finance" as a last name: the document's own reading of the last name stays.
      content: { fields: [field('employeeNumber', '88412', 5), field('lastName', 'Finance', 5)] },
    }));
    const added = await m.onboarding.add({
      instanceId: m.instanceId,
      batchId: 'b',
      name: 'letter.pdf',
      bytes: await letter(),
    });
    const p = m.onboarding.get(added.proposals[0]!.id);
    expect(stub.requests.length).toBeGreaterThan(0);
    const sent = stub.requests.map((r) => r.raw).join('\n');
    expect(sent).not.toContain('oriane.vt@lindqvist-fund.example');
    expect(sent).not.toContain('Vasquez-Thorne');
    expect(p.fields['lastName']?.value).toBe('Vasquez-Thorne');
    const badge = p.fields['employeeNumber'];
    expect(badge).toMatchObject({ value: '88412', source: { page: 1 } });
    expect(badge!.confidence).toBeLessThanOrEqual(0.8);
    expect(badge!.source!.box!.w).toBeGreaterThan(0);
    expect(m.ai.list({ kind: 'extract_fields' }).some((s) => s.engine === 'llm')).toBe(true);
  });

  it('an answer with a value the document does not contain adds nothing (the local reading stands)', async () => {
    const m = await setup();
    stub.respond(() => ({ kind: 'json', content: { fields: [field('employeeNumber', '99999', 5)] } }));
    const added = await m.onboarding.add({
      instanceId: m.instanceId,
      batchId: 'b',
      name: 'letter.pdf',
      bytes: await letter(),
    });
    const p = m.onboarding.get(added.proposals[0]!.id);
    expect(p.fields['employeeNumber']?.value).not.toBe('99999');
    expect(p.fields['lastName']?.value).toBe('Vasquez-Thorne');
  });
});
