/**
 * The AI core as a service: runs each task on the engine the settings choose (local by default;
 * the LLM engine when it is enabled and configured), records every suggestion (kind, engine,
 * model, inputs digest, output, confidence, explanation, why it fell back), takes the
 * administrator's decision on it, and reports acceptance rates per kind.
 *
 * Settings are read at each call, so a change in Settings applies to the next suggestion. The LLM
 * key is read from the keychain at each LLM call and goes nowhere else.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../audit-trail/canonical-json';
import type { DB } from '../db/open';
import { conflict, notFound } from '../errors/app-error';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import { checkApprover } from '../plans/approval';
import type { Vault } from '../vault/vault';
import type { AiEngine, EngineAnswer, EngineName, TaskInput, TaskOutput } from './engine';
import { createLlmEngine, testLlmConnection, type LlmConnectionTest } from './llm-engine';
import { DEFAULT_LLM_SETTINGS, llmSettingsProblem, type LlmSettings } from './llm-settings';
import { createLocalEngine } from './local-engine';
import type { Decision, SuggestionRow } from './store';
import { countDecisions, getSuggestionRow, insertSuggestion, listSuggestionRows, setDecision } from './store';
import type { TaskKind } from './task';
import { type TaskName, type Tasks, createTasks } from './tasks';
import type { Resolver } from './tasks/resolve-entity';
import type { AcceptanceRate, Suggestion } from '../../src-preload/contract';

export type { AcceptanceRate, Suggestion };

export interface AiSettings {
  llm: LlmSettings;
}
export const DEFAULT_AI_SETTINGS: AiSettings = { llm: DEFAULT_LLM_SETTINGS };

export interface AiServiceDeps {
  db: DB;
  logger?: Logger;
  /** The settings, or a function returning the current ones. */
  settings?: AiSettings | (() => AiSettings);
  /** The LLM key from the keychain; default: the vault's 'llm-key'. */
  getLlmKey?: () => Promise<string | null>;
  vault?: Pick<Vault, 'get'>;
  /** The entity-resolution engine; default: exact e-mail or name. */
  resolver?: Resolver;
  now?: () => Date;
}

export interface ExternalSuggestion {
  /** What it was made from (kept as a digest only). */
  input: unknown;
  output: unknown;
  confidence: number;
  explanation: string;
  /** Which local reader made it ("intake"). */
  model: string;
}

export type RecordedAnswer<O> = EngineAnswer<O> & { suggestionId: string };
export interface RunOptions {
  instanceId?: string | null;
}

export type AiTasks = {
  [K in TaskName]: (input: TaskInput<K>, options?: RunOptions) => Promise<RecordedAnswer<TaskOutput<K>>>;
};

export interface AiService extends AiTasks {
  /** The engine the current settings choose. */
  engineInUse(): EngineName;
  get(id: string): Suggestion;
  list(query?: { kind?: TaskKind; limit?: number }): Suggestion[];
  decide(suggestionId: string, decision: Decision, by: string, operationId?: number | null): Suggestion;
  /**
   * Records a suggestion made outside the engines' tasks (intake's own field reader), so it is
   * decided and counted like any other. Always the local engine: nothing left the computer.
   */
  record(kind: TaskKind, entry: ExternalSuggestion, options?: RunOptions): Suggestion;
  acceptanceRates(): AcceptanceRate[];
  testLlmConnection(): Promise<LlmConnectionTest>;
}

const decisionSchema = z.enum(['accepted', 'edited', 'rejected']);

function toSuggestion(r: SuggestionRow): Suggestion {
  return {
    id: r.id,
    instanceId: r.instance_id,
    kind: r.kind,
    engine: r.engine,
    model: r.model,
    inputSha256: r.input_sha256,
    output: JSON.parse(r.output) as unknown,
    confidence: r.confidence,
    explanation: r.explanation,
    fallbackReason: r.fallback_reason,
    createdAt: r.created_at,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    operationId: r.operation_id,
  };
}

/** The administrator's decision on a suggestion: once, by an administrator (never the AI). */
function decideSuggestion(
  db: DB,
  get: (id: string) => Suggestion,
  d: { suggestionId: string; decision: Decision; by: string; operationId: number | null; at: Date },
): Suggestion {
  const who = checkApprover(d.by);
  const decision = decisionSchema.parse(d.decision);
  const current = get(d.suggestionId);
  if (current.decision !== null)
    throw conflict(`This suggestion was already ${current.decision} by ${current.decidedBy} at ${current.decidedAt}.`);
  if (d.operationId !== null && decision === 'rejected')
    throw conflict('A rejected suggestion does not become a plan operation.');
  const written = setDecision(db, d.suggestionId, {
    decision,
    by: who,
    at: d.at.toISOString(),
    operationId: d.operationId,
  });
  if (!written) throw conflict('This suggestion was decided meanwhile.');
  return get(d.suggestionId);
}

/** Stores a suggestion made outside the engines (see AiService.record); returns its id. */
function recordExternal(
  db: DB,
  at: Date,
  kind: TaskKind,
  entry: ExternalSuggestion,
  instanceId: string | null,
): string {
  const id = randomUUID();
  insertSuggestion(db, {
    id,
    instance_id: instanceId,
    kind,
    engine: 'local',
    model: entry.model.slice(0, 200),
    input_sha256: sha256Hex(canonicalJson({ kind, input: entry.input })),
    output: JSON.stringify(entry.output),
    confidence: Math.min(1, Math.max(0, entry.confidence)),
    explanation: entry.explanation.slice(0, 2000),
    fallback_reason: null,
    created_at: at.toISOString(),
  });
  return id;
}

export function createAiService(deps: AiServiceDeps): AiService {
  const { db } = deps;
  const log = (deps.logger ?? silentLogger).child('ai');
  const now = deps.now ?? (() => new Date());
  const settings = (): AiSettings =>
    typeof deps.settings === 'function' ? deps.settings() : (deps.settings ?? DEFAULT_AI_SETTINGS);
  const getKey = deps.getLlmKey ?? (async () => (deps.vault ? deps.vault.get({ kind: 'llm-key' }) : null));
  const tasks: Tasks = createTasks(deps.resolver);
  const local = createLocalEngine(tasks);

  // Off: the local engine, nothing to say. On but unusable (no model, an http:// URL elsewhere):
  // the local engine, and the record says why.
  const engine = (): { engine: AiEngine; why: string | null } => {
    const llm = settings().llm;
    if (!llm.enabled) return { engine: local, why: null };
    const problem = llmSettingsProblem(llm);
    if (problem) return { engine: local, why: `LLM settings: ${problem}` };
    return { engine: createLlmEngine(tasks, { settings: llm, getKey, logger: log }), why: null };
  };

  const run = async (name: TaskName, input: unknown, options: RunOptions = {}) => {
    const spec = tasks[name];
    const parsed = spec.input.parse(input);
    const chosen = engine();
    const answer = (await (chosen.engine[name] as (i: unknown) => Promise<EngineAnswer<unknown>>)(
      parsed,
    )) as EngineAnswer<unknown>;
    const id = randomUUID();
    insertSuggestion(db, {
      id,
      instance_id: options.instanceId ?? null,
      kind: spec.kind,
      engine: answer.engine,
      model: answer.model,
      input_sha256: sha256Hex(canonicalJson({ kind: spec.kind, input: parsed })),
      output: JSON.stringify(answer.output),
      confidence: answer.confidence,
      explanation: answer.explanation,
      fallback_reason: answer.fallbackReason ?? chosen.why,
      created_at: now().toISOString(),
    });
    log.info('suggestion recorded', { id, kind: spec.kind, engine: answer.engine, fallback: answer.fallbackReason });
    return { ...answer, fallbackReason: answer.fallbackReason ?? chosen.why, suggestionId: id };
  };

  const get = (id: string): Suggestion => {
    const row = getSuggestionRow(db, id);
    if (!row) throw notFound(`AI suggestion ${id}`);
    return toSuggestion(row);
  };

  const taskFns = Object.fromEntries(
    (Object.keys(tasks) as TaskName[]).map((name) => [name, (input: unknown, o?: RunOptions) => run(name, input, o)]),
  ) as unknown as AiTasks;

  return {
    ...taskFns,
    engineInUse: () => (llmSettingsProblem(settings().llm) === null ? 'llm' : 'local'),
    get,
    list: (q = {}) =>
      listSuggestionRows(db, { kind: q.kind, limit: Math.min(Math.max(q.limit ?? 100, 1), 1000) }).map(toSuggestion),
    decide: (suggestionId, decision, by, operationId = null) =>
      decideSuggestion(db, get, { suggestionId, decision, by, operationId, at: now() }),
    record: (kind, entry, options = {}) => get(recordExternal(db, now(), kind, entry, options.instanceId ?? null)),
    acceptanceRates: () =>
      countDecisions(db).map((r) => {
        const kept = r.accepted + r.edited;
        const decided = kept + r.rejected;
        return { ...r, rate: decided === 0 ? null : Math.round((kept / decided) * 1000) / 1000 };
      }),
    testLlmConnection: () => testLlmConnection({ settings: settings().llm, getKey, logger: log }),
  };
}
