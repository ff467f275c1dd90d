/**
 * Describe the change: a sentence read into an action and Ask's people query (the grammar, then
 * the LLM when on), shown in words and SQL with the people and the operations it would make
 * (tried on a throwaway plan and rolled back); edited (the action, the query or the SQL) and shown
 * again; confirmed into a draft plan whose operations are marked as the AI's, linked to the
 * recorded suggestion whose explanation is the sentence (so each says why it is there, and the
 * transaction note on each person is signed AI_Service). The approval policy decides the rest.
 */
import type {
  AskQuery,
  BuildResult,
  ChangeReading,
  DescribedChange,
  LifecycleAction,
} from '../../../src-preload/contract';
import type { AiService } from '../../ai/ai-service';
import type { AskService } from '../../ask/ask-service';
import { interpretation } from '../../ask/interpret';
import type { DB } from '../../db/open';
import { validation } from '../../errors/app-error';
import { createPlan, getPlan, rolledBack } from '../../plans';
import { buildChange } from '../change-build';
import { describeAction } from './describe-words';
import { nearestSentences } from './describe-words';
import { readWithLlm, type ChangeAi } from './llm-read';
import { parseChange } from './read-change';

/** People a described change may select (as a filter build). */
export const MAX_CHANGE_PEOPLE = 10_000;

export interface DescribeDeps {
  db: DB;
  ask: Pick<AskService, 'lexicon' | 'run'>;
  ai: ChangeAi & Pick<AiService, 'record' | 'decide'>;
  instances: { get(id: string): { id: string } };
  administrator(instanceId: string): string;
  now?: () => number;
}

export interface ChangeInput {
  instanceId: string;
  sentence: string;
  action: LifecycleAction;
  query?: AskQuery | undefined;
  sql?: string | undefined;
  now?: string | undefined;
}

type Reading = Extract<ChangeReading, { ok: true }>;

async function selected(deps: DescribeDeps, input: ChangeInput) {
  const at = input.now;
  const base = { instanceId: input.instanceId, question: input.sentence, now: at, limit: MAX_CHANGE_PEOPLE };
  const answer = input.sql
    ? await deps.ask.run({ ...base, sql: input.sql })
    : await deps.ask.run({ ...base, query: input.query! });
  if (answer.kind !== 'people')
    throw validation('The selection must list people: the SQL must return their id and name columns.');
  if (answer.truncated)
    throw validation(`The selection names more than ${MAX_CHANGE_PEOPLE.toLocaleString('en-US')} people: narrow it.`);
  return answer;
}

/** The reading of a change: words, SQL, people, and the operations tried on a throwaway plan. */
async function readingOf(
  deps: DescribeDeps,
  input: ChangeInput,
  engine: 'grammar' | 'llm',
  notes: string[] = [],
): Promise<Reading> {
  if (!input.query && !input.sql) throw validation('Give the selection as a query or as SQL.');
  const instanceId = deps.instances.get(input.instanceId).id;
  const at = input.now ? Date.parse(input.now) : (deps.now ?? Date.now)();
  const words = input.query ? interpretation(input.sentence, input.query, at, engine, notes) : null;
  const answer = await selected(deps, { ...input, instanceId });
  const selectionText = words?.ok
    ? words.interpretation.replace(/^List (?:the )?/, '').replace(/^./, (c) => c.toUpperCase())
    : 'The people the edited SQL returns.';
  const actionText = describeAction(input.action);
  const actor = deps.administrator(instanceId);
  const people = answer.people;
  const tried = rolledBack(deps, () => {
    const { plan } = createPlan(deps.db, { instanceId, title: 'Preview', origin: 'ai', createdBy: actor });
    const personIds = people.map((p) => p.id);
    const result = buildChange(deps.db, {
      planId: plan.id,
      actor,
      instanceId,
      personIds,
      action: input.action,
      source: 'ai',
    });
    return result ?? { plan: getPlan(deps.db, plan.id), selected: 0, added: 0, rejected: [] };
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    ok: true,
    sentence: input.sentence,
    action: input.action,
    query: input.query ?? { people: [], activity: null, actor: [], output: { kind: 'list' } },
    interpretation: `${actionText}, for ${selectionText.charAt(0).toLowerCase()}${selectionText.slice(1)}`,
    actionText,
    selectionText,
    sql: words?.ok ? words.sql : answer.sql,
    engine,
    people,
    operations: tried.plan.operations.map((o) => ({
      kind: o.kind,
      personId: o.personId ?? 0,
      personName: names.get(o.personId ?? 0) ?? `Person ${o.personId}`,
      summary: o.summary,
      why: `From the sentence "${input.sentence}"`,
      ...(typeof o.params.roleId === 'number' ? { roleId: o.params.roleId } : {}),
      ...(typeof o.params.programId === 'number' ? { programId: o.params.programId } : {}),
    })),
    unchanged: tried.rejected.map((r) => ({
      personId: r.personId,
      name: names.get(r.personId) ?? `Person ${r.personId}`,
      reason: r.message,
    })),
  };
}

/** The confirmed change as a new draft plan, its suggestion recorded and decided (accepted, or edited). */
async function createChangePlan(
  deps: DescribeDeps,
  input: ChangeInput & { engine?: 'grammar' | 'llm' | undefined },
  at: number,
): Promise<BuildResult & { suggestionId: string }> {
  const reading = await readingOf(deps, input, input.engine ?? 'grammar');
  const instanceId = deps.instances.get(input.instanceId).id;
  const actor = deps.administrator(instanceId);
  const original = parseChange(input.sentence, deps.ask.lexicon(instanceId), at);
  const asRead: DescribedChange | null = original.ok ? original.change : null;
  const edited = !!input.sql || JSON.stringify(asRead) !== JSON.stringify({ action: input.action, query: input.query });
  const result = deps.db.transaction(() => {
    const suggestion = deps.ai.record(
      'describe_change',
      {
        input: { sentence: input.sentence },
        output: { action: input.action, query: input.query ?? null, sql: input.sql ?? null },
        confidence: input.engine === 'llm' ? 0.7 : 0.9,
        explanation: `From the sentence "${input.sentence}": ${reading.interpretation}`,
        model: input.engine === 'llm' ? 'describe-change-llm' : 'describe-change-grammar',
      },
      { instanceId },
    );
    const { plan } = createPlan(deps.db, {
      instanceId,
      title: `Described: ${input.sentence}`.slice(0, 120),
      description: `From the sentence "${input.sentence}". ${reading.interpretation}.`,
      origin: 'ai',
      createdBy: actor,
    });
    const personIds = reading.people.map((p) => p.id);
    const built = buildChange(deps.db, {
      planId: plan.id,
      actor,
      instanceId,
      personIds,
      action: input.action,
      source: 'ai',
      aiSuggestionId: suggestion.id,
    });
    if (!built || built.added === 0)
      throw validation(
        `Nothing to change, so no plan was made${built?.rejected[0] ? `: ${built.rejected[0].message}` : ': no one matches.'}`,
      );
    return { ...built, suggestionId: suggestion.id };
  })();
  deps.ai.decide(result.suggestionId, edited ? 'edited' : 'accepted', actor);
  return result;
}

export function describeFunctions(deps: DescribeDeps) {
  const clock = (asOf?: string) => (asOf ? Date.parse(asOf) : (deps.now ?? Date.now)());
  /** What the grammar (or else the LLM) reads; null with the refusal otherwise. */
  async function read(
    instanceId: string,
    sentence: string,
    asOf?: string,
  ): Promise<
    { change: DescribedChange; engine: 'grammar' | 'llm'; notes: string[] } | { refused: string; suggestions: string[] }
  > {
    const lexicon = deps.ask.lexicon(instanceId);
    const at = clock(asOf);
    const parsed = parseChange(sentence, lexicon, at);
    if (parsed.ok) return { change: parsed.change, engine: 'grammar' as const, notes: parsed.notes };
    let message = parsed.message;
    if (deps.ai.engineInUse() === 'llm') {
      const llm = await readWithLlm(deps.ai, { instanceId, sentence, at, lexicon, named: parsed.named });
      if (llm.ok) return { change: llm.change, engine: 'llm' as const, notes: ['read by the LLM'] };
      message = `${message} ${llm.problem}`;
    }
    return { refused: message, suggestions: nearestSentences(sentence, lexicon, parsed.named) };
  }
  return {
    async describe(instanceId: string, sentence: string, asOf?: string): Promise<ChangeReading> {
      const r = await read(instanceId, sentence, asOf);
      if ('refused' in r)
        return {
          ok: false,
          sentence,
          message: `${r.refused} Try one of the sentences below, or rephrase.`,
          suggestions: r.suggestions,
        };
      return readingOf(deps, { instanceId, sentence, ...r.change, now: asOf }, r.engine, r.notes);
    },
    preview: (input: ChangeInput): Promise<ChangeReading> => readingOf(deps, input, 'grammar'),
    createPlan: (input: ChangeInput & { engine?: 'grammar' | 'llm' | undefined }) =>
      createChangePlan(deps, input, clock(input.now)),
  };
}
