/**
 * The LLM settings (enabled, base URL, model, timeout) and what makes them usable. The key is not
 * among them: it lives in the keychain only. An http:// base URL is accepted only for this
 * machine (a local server such as Ollama or llama.cpp); anywhere else the key and the
 * pseudonymized data would travel in clear, so it must be https://.
 */
import { DEFAULT_LLM_SETTINGS, llmSettingsSchema, type LlmSettings } from '../../src-preload/contract';

export { DEFAULT_LLM_SETTINGS, llmSettingsSchema, type LlmSettings };

/** Why the LLM engine cannot be used with these settings, or null when it can. */
export function llmSettingsProblem(s: LlmSettings): string | null {
  if (!s.enabled) return 'The LLM engine is off.';
  if (s.baseUrl.trim() === '' || s.model.trim() === '') return 'Set the base URL and the model first.';
  const parsed = llmSettingsSchema.safeParse(s);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'The LLM settings are not valid.');
}

export const isLlmConfigured = (s: LlmSettings) => llmSettingsProblem(s) === null;
