/**
 * The AI section's plain logic: the engine in words, the kinds of suggestion in words, the rate as
 * a percent, and the LLM form's values (timeout in seconds on screen, milliseconds on the wire; the
 * key sent only when typed, so an empty field keeps the stored one). The base URL is checked with
 * the contract's own rule, so the form refuses what main would refuse, before anything is sent.
 */
import type { FormErrors } from '@mantine/form';
import {
  TASK_KINDS,
  baseUrlProblem,
  type AcceptanceRate,
  type AiStatus,
  type InputOf,
  type TaskKind,
} from '../../../src-preload/contract';

export const LOCAL_ENGINE_LABEL = 'Local engine (on this computer, no network)';

export const KIND_LABELS: Record<TaskKind, string> = {
  extract_fields: 'Fields read from documents',
  resolve_entity: 'Person or organization matches',
  recommend_roles: 'Role recommendations',
  interpret_question: 'Questions interpreted',
  explain: 'Explanations',
  answer_question: 'Help desk answers',
  describe_change: 'Bulk changes described',
};

export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 600;

export function engineSummary(status: Pick<AiStatus, 'engine' | 'llm'>): string {
  return status.engine === 'llm' ? `LLM: ${status.llm.model} at ${status.llm.baseUrl}` : LOCAL_ENGINE_LABEL;
}

/** 0.756 -> "76%"; null (nothing decided yet) -> "–". */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** One row per kind, in a fixed order, zeros for a kind never suggested (main lists only those it has). */
export function ratesByKind(rates: AcceptanceRate[]): AcceptanceRate[] {
  return TASK_KINDS.map(
    (kind) =>
      rates.find((r) => r.kind === kind) ?? { kind, suggested: 0, accepted: 0, edited: 0, rejected: 0, rate: null },
  );
}

export interface LlmFormValues {
  enabled: boolean;
  baseUrl: string;
  model: string;
  /** Mantine's NumberInput gives '' while the field is empty. */
  timeoutSeconds: number | string;
  /** Never prefilled: empty means "keep the stored key". */
  key: string;
}

export function valuesFromStatus(status: Pick<AiStatus, 'llm'>): LlmFormValues {
  const { enabled, baseUrl, model, timeoutMs } = status.llm;
  return { enabled, baseUrl, model, timeoutSeconds: timeoutMs / 1000, key: '' };
}

export function validateLlmForm(values: LlmFormValues): FormErrors {
  const errors: FormErrors = {};
  const baseUrl = values.baseUrl.trim();
  if (baseUrl !== '') {
    const problem = baseUrlProblem(baseUrl);
    if (problem) errors.baseUrl = problem;
  } else if (values.enabled) {
    errors.baseUrl = 'Enter the address of the LLM server, for example https://api.openai.com/v1.';
  }
  if (values.enabled && values.model.trim() === '') {
    errors.model = 'Enter the model name the server expects, for example gpt-4o-mini.';
  }
  const seconds = Number(values.timeoutSeconds);
  if (values.timeoutSeconds === '' || !Number.isFinite(seconds)) {
    errors.timeoutSeconds = 'Enter how many seconds to wait for an answer.';
  } else if (seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS) {
    errors.timeoutSeconds = `Choose between ${MIN_TIMEOUT_SECONDS} and ${MAX_TIMEOUT_SECONDS} seconds.`;
  }
  return errors;
}

export function toConfigureInput(values: LlmFormValues): InputOf<'ai:configureLlm'> {
  const key = values.key.trim();
  return {
    enabled: values.enabled,
    baseUrl: values.baseUrl.trim(),
    model: values.model.trim(),
    timeoutMs: Math.round(Number(values.timeoutSeconds) * 1000),
    ...(key ? { key } : {}),
  };
}

/** The saved settings with `key: null`: removes the stored key and changes nothing else. */
export function removeKeyInput(status: Pick<AiStatus, 'llm'>): InputOf<'ai:configureLlm'> {
  const { enabled, baseUrl, model, timeoutMs } = status.llm;
  return { enabled, baseUrl, model, timeoutMs, key: null };
}

/**
 * Where a refused save is shown: main's field issues on their fields (timeoutMs on the seconds
 * field), and a validation message without a path on the base URL when it is about the URL.
 */
export function serverFieldErrors(error: { code: string; message: string; details?: unknown }): FormErrors {
  if (error.code !== 'VALIDATION') return {};
  const errors: FormErrors = {};
  const rename: Record<string, string> = { timeoutMs: 'timeoutSeconds' };
  for (const issue of Array.isArray(error.details) ? (error.details as unknown[]) : []) {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    if (!Array.isArray(path) || path.length === 0 || typeof message !== 'string') continue;
    const field = String(path[0]);
    errors[rename[field] ?? field] ??= message;
  }
  if (Object.keys(errors).length === 0 && /url|https?:\/\//i.test(error.message)) errors.baseUrl = error.message;
  return errors;
}
