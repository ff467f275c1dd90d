/**
 * The LLM engine, opt-in: the `openai` package against any OpenAI-compatible base URL (OpenAI,
 * Azure OpenAI, a local server such as Ollama or llama.cpp).
 *
 * Per call: the input is validated, pseudonymized (a fresh map per request, kept here in main),
 * sent with a structured-output schema, the answer is parsed, re-identified and validated again
 * with the task's own schema and checked against the input (the task's `verify`). On any failure
 * (refused connection, timeout, an HTTP error, invalid JSON, a schema violation, a refusal, an
 * answer that contradicts its input) the local engine answers and the answer says why. The key
 * comes from the keychain through `getKey` at each call; it is never logged or returned.
 */
import OpenAI from 'openai';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import type { AiEngine, EngineAnswer, TaskRunner } from './engine';
import { engineOf } from './engine';
import { runLocally } from './local-engine';
import { Pseudonymizer } from './pseudonymize';
import type { TaskSpec } from './task';
import { clamp01 } from './task';
import type { Tasks } from './tasks';
import { type LlmSettings, llmSettingsProblem } from './llm-settings';
import type { LlmConnectionTest } from '../../src-preload/contract';

export type { LlmConnectionTest };

export { DEFAULT_LLM_SETTINGS, isLlmConfigured, llmSettingsSchema, type LlmSettings } from './llm-settings';

export interface LlmDeps {
  settings: LlmSettings;
  /** The key from the keychain; null when none is set (a local server may need none). */
  getKey: () => Promise<string | null>;
  logger?: Logger;
}

/** A failure of the LLM path with the words the record keeps. */
class LlmFailure extends Error {}

const SYSTEM =
  'You help the administrator of a SmartSimple instance. Identifiers in the input are tokens such as PERSON_1, ' +
  'ORG_2, EMAIL_3 or ID_4: keep them exactly as written and never invent one. Answer only in the given JSON schema.';

async function clientFor(deps: LlmDeps): Promise<OpenAI> {
  const key = await deps.getKey().catch(() => {
    throw new LlmFailure('the LLM key could not be read from the keychain');
  });
  const azure = /\.azure\.com(\/|$)/i.test(new URL(deps.settings.baseUrl).host + '/');
  return new OpenAI({
    baseURL: deps.settings.baseUrl,
    // A local server needs no key, but the client insists on one; this placeholder is not a secret.
    apiKey: key ?? 'no-key',
    timeout: deps.settings.timeoutMs,
    maxRetries: 0,
    // Azure OpenAI's v1 endpoint takes its key in `api-key`.
    ...(azure && key ? { defaultHeaders: { 'api-key': key } } : {}),
  });
}

/** Why the LLM path failed, in the record's words (never the key, never the payload). */
export function describeFailure(e: unknown, timeoutMs: number): string {
  if (e instanceof LlmFailure) return e.message;
  if (e instanceof APIConnectionTimeoutError) return `timeout: no answer within ${timeoutMs} ms`;
  if (e instanceof APIConnectionError) {
    const cause = (e as { cause?: { code?: string; cause?: { code?: string } } }).cause;
    const code = cause?.code ?? cause?.cause?.code;
    return code === 'ECONNREFUSED'
      ? 'refused connection: nothing answers at the base URL'
      : `connection failed (${code ?? e.message})`;
  }
  if (e instanceof APIError) return `HTTP ${e.status ?? 'error'} from the LLM server`;
  if (e instanceof LengthFinishReasonError) return 'the answer was cut short (length limit)';
  if (e instanceof ContentFilterFinishReasonError) return 'the answer was withheld by a content filter';
  if (e instanceof SyntaxError) return 'invalid JSON in the answer';
  if (e instanceof z.ZodError) return `schema violation: ${issueText(e)}`;
  return `LLM error: ${e instanceof Error ? e.message : String(e)}`;
}

const issueText = (e: z.ZodError) =>
  e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'} ${i.message}`)
    .join('; ');

async function askLlm<I extends z.ZodType, O extends z.ZodType>(
  deps: LlmDeps,
  spec: TaskSpec<I, O>,
  input: z.output<I>,
): Promise<EngineAnswer<z.output<O>>> {
  const names = new Pseudonymizer(spec.pseudonymizeOptions).learn(spec.identifiers(input));
  const client = await clientFor(deps);
  const completion = await client.chat.completions.parse({
    model: deps.settings.model,
    messages: [
      { role: 'system', content: `${SYSTEM}\n\n${spec.instructions}` },
      { role: 'user', content: JSON.stringify(names.pseudonymize(input)) },
    ],
    response_format: zodResponseFormat(spec.wire ?? spec.output, spec.kind),
  });
  const message = completion.choices[0]?.message;
  if (!message) throw new LlmFailure('the LLM server sent no answer');
  if (message.refusal) throw new LlmFailure('the model refused to answer');
  if (message.parsed === null || message.parsed === undefined)
    throw new LlmFailure('invalid JSON in the answer (empty)');
  const checked = spec.output.safeParse(names.reidentify(message.parsed));
  if (!checked.success) throw new LlmFailure(`schema violation after re-identification: ${issueText(checked.error)}`);
  const output = checked.data as z.output<O>;
  const problem = spec.verify?.(output, input) ?? null;
  if (problem) throw new LlmFailure(`the answer contradicts the input: ${problem}`);
  const { confidence, explanation } = spec.summarize(output);
  return {
    kind: spec.kind,
    engine: 'llm',
    model: completion.model || deps.settings.model,
    output,
    confidence: clamp01(confidence),
    explanation,
    fallbackReason: null,
  };
}

export function createLlmEngine(tasks: Tasks, deps: LlmDeps): AiEngine {
  const log = deps.logger ?? silentLogger;
  const run: TaskRunner = async (spec, input) => {
    // A bad input is the caller's error, not the engine's: it is refused, not fallen back from.
    const parsed = spec.input.parse(input);
    try {
      return await askLlm(deps, spec, parsed);
    } catch (e) {
      const reason = describeFailure(e, deps.settings.timeoutMs);
      log.warn('the LLM engine failed; the local engine answered', { task: spec.kind, reason });
      return runLocally(spec, parsed as z.input<typeof spec.input>, reason);
    }
  };
  return engineOf('llm', tasks, run);
}

const pingSchema = z.object({ ok: z.boolean() });

/** One small structured request (no identifiers in it) that proves URL, key, model and schema work. */
export async function testLlmConnection(deps: LlmDeps): Promise<LlmConnectionTest> {
  const { baseUrl, model, timeoutMs } = deps.settings;
  const started = Date.now();
  const result = (ok: boolean, message: string): LlmConnectionTest => ({
    ok,
    baseUrl,
    model,
    latencyMs: Date.now() - started,
    message,
  });
  // Testing comes before enabling: only the URL and model must be usable here.
  const problem = llmSettingsProblem({ ...deps.settings, enabled: true });
  if (problem) return result(false, problem);
  try {
    const client = await clientFor(deps);
    const completion = await client.chat.completions.parse({
      model,
      messages: [{ role: 'user', content: 'Connection test: answer {"ok": true}.' }],
      response_format: zodResponseFormat(pingSchema, 'connection_test'),
    });
    const parsed = completion.choices[0]?.message.parsed;
    if (!parsed?.ok) return result(false, 'The server answered, but not with the structured answer asked for.');
    return result(true, `${completion.model || model} answered with structured output in ${Date.now() - started} ms.`);
  } catch (e) {
    return result(false, `The LLM connection failed: ${describeFailure(e, timeoutMs)}.`);
  }
}
