/**
 * The AI channels: which engine is in use and the LLM's settings (the key never crosses: only
 * whether one is set), the connection test, and the suggestion record with its acceptance rates.
 * The LLM settings schema lives here so the Settings form and main check the same rules.
 */
import { z } from 'zod';
import { channel, noInput } from './wire';

export const TASK_KINDS = [
  'extract_fields',
  'resolve_entity',
  'recommend_roles',
  'interpret_question',
  'explain',
  'answer_question',
  'describe_change',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type EngineName = 'local' | 'llm';
export type Decision = 'accepted' | 'edited' | 'rejected';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function baseUrlProblem(value: string): string | null {
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

/** One AI suggestion as the record keeps it, with the administrator's decision once made. */
export interface Suggestion {
  id: string;
  instanceId: string | null;
  kind: TaskKind;
  engine: EngineName;
  model: string;
  inputSha256: string;
  output: unknown;
  confidence: number;
  explanation: string;
  /** Why the local engine answered although the LLM was chosen (null when it was not). */
  fallbackReason: string | null;
  createdAt: string;
  decision: Decision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  operationId: number | null;
}

/** Per kind of suggestion: how often the administrator took it (the seed's success metric). */
export interface AcceptanceRate {
  kind: TaskKind;
  suggested: number;
  accepted: number;
  edited: number;
  rejected: number;
  /** (accepted + edited) / decided; null while none is decided. */
  rate: number | null;
}

export interface LlmConnectionTest {
  ok: boolean;
  baseUrl: string;
  model: string;
  latencyMs: number;
  /** What worked, or what failed in words an administrator can act on. */
  message: string;
}

export interface AiStatus {
  /** The engine the current settings choose. */
  engine: EngineName;
  llm: LlmSettings & { keySet: boolean };
  /** Why the LLM is not used although it is on (null when it is used, or off). */
  llmProblem: string | null;
  rates: AcceptanceRate[];
}

export const aiChannels = {
  /** The engine in use, the LLM settings (whether a key is set, never the key) and acceptance rates. */
  'ai:status': channel<AiStatus>()({ input: noInput, reads: ['ai', 'settings'] }),
  /** Turns the LLM engine on or off and sets where it is; `key` null removes it, absent keeps it. */
  'ai:configureLlm': channel<AiStatus>()({
    input: z
      .object({
        enabled: z.boolean(),
        baseUrl: z.string().trim().max(2000),
        model: z.string().trim().max(200),
        timeoutMs: z.number().int().min(1000).max(600_000),
        key: z.string().min(1).max(4096).nullable().optional(),
      })
      .strict(),
    writes: ['ai', 'settings'],
  }),
  /** One small structured request to the configured endpoint, in seconds. */
  'ai:testLlm': channel<LlmConnectionTest>()({ input: noInput }),
  /** The suggestion record, newest first. */
  'ai:suggestions': channel<Suggestion[]>()({
    input: z
      .object({ kind: z.enum(TASK_KINDS).optional(), limit: z.number().int().min(1).max(1000).optional() })
      .strict(),
    reads: ['ai'],
  }),
} as const;
