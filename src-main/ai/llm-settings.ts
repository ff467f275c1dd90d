/**
 * The LLM settings (enabled, base URL, model, timeout) and what makes them usable. The key is not
 * among them: it lives in the keychain only. An http:// base URL is accepted only for this
 * machine (a local server such as Ollama or llama.cpp); anywhere else the key and the
 * pseudonymized data would travel in clear, so it must be https://.
 */
import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The base URL is not a URL (for example https://api.openai.com/v1).';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return url.protocol === 'http:'
    ? 'Use https:// for a server on another machine; http:// is accepted only for 127.0.0.1 or localhost.'
    : 'The base URL must start with https:// (or http:// for a server on this machine).';
}

export const llmSettingsSchema = z
  .object({
    enabled: z.boolean(),
    baseUrl: z.string().trim().max(2000),
    model: z.string().trim().max(200),
    timeoutMs: z.number().int().min(1000).max(600_000),
  })
  .superRefine((s, ctx) => {
    const problem = s.baseUrl === '' ? null : baseUrlProblem(s.baseUrl);
    if (problem) ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: problem });
  });
export type LlmSettings = z.infer<typeof llmSettingsSchema>;

export const DEFAULT_LLM_SETTINGS: LlmSettings = { enabled: false, baseUrl: '', model: '', timeoutMs: 30_000 };

/** Why the LLM engine cannot be used with these settings, or null when it can. */
export function llmSettingsProblem(s: LlmSettings): string | null {
  if (!s.enabled) return 'The LLM engine is off.';
  if (s.baseUrl.trim() === '' || s.model.trim() === '') return 'Set the base URL and the model first.';
  const parsed = llmSettingsSchema.safeParse(s);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'The LLM settings are not valid.');
}

export const isLlmConfigured = (s: LlmSettings) => llmSettingsProblem(s) === null;
