/**
 * Reading a question: the grammar first (on this computer, with the mirror's names); when it
 * cannot read the question and the LLM engine is on, the LLM is asked for the same query object
 * from the schema alone (the question's names leave as tokens; nothing from the mirror is sent),
 * and its answer is validated like an edit: the schema, every name against the mirror, the
 * compiler, then the SQL guard. Anything that fails gets the nearest questions, never a guess.
 */
import type { AskInterpretation, AskQuery } from '../../src-preload/contract/ask';
import type { EngineName } from '../../src-preload/contract';
import { compileQuery, inlineSql } from './compile';
import { describeParts, describeQuery } from './describe';
import type { Lexicon } from './grammar/lexicon';
import { parseQuestion } from './grammar/parse';
import { guardSql, SqlRefused } from './guard';
import { ASK_LLM_SCHEMA } from './llm-schema';
import { checkQueryNames } from './query-names';
import { exampleQuestions, nearestQuestions } from './suggest';

export const MAX_QUESTION_CHARS = 2000;

/** The part of the AI service questions use (the interpret_question task, recorded like every suggestion). */
export interface QuestionAi {
  engineInUse(): EngineName;
  interpretQuestion(
    input: { question: string; names: { value: string; person: boolean }[]; schema: string; today: string },
    options?: { instanceId?: string | null },
  ): Promise<{
    engine: EngineName;
    fallbackReason: string | null;
    output: { status: 'understood' | 'cannot_read'; query: AskQuery | null; unread: string[] };
  }>;
}

type Refusal = Extract<AskInterpretation, { ok: false }>;

export function interpretation(
  question: string,
  query: AskQuery,
  at: number,
  engine: 'grammar' | 'llm',
  notes: string[] = [],
): AskInterpretation {
  const c = compileQuery(query, at);
  return {
    ok: true,
    question,
    query,
    interpretation: [describeQuery(query), ...notes.map((n) => `(${n}.)`)].join(' '),
    parts: describeParts(query),
    sql: inlineSql(c.sql, c.params),
    engine,
  };
}

function tooLong(question: string): Refusal | null {
  if (question.length <= MAX_QUESTION_CHARS) return null;
  return {
    ok: false,
    question: question.slice(0, 200),
    message: `The question is ${question.length.toLocaleString('en-US')} characters long; ask in at most ${MAX_QUESTION_CHARS.toLocaleString('en-US')}.`,
    suggestions: [],
  };
}

/** The LLM's query for a question the grammar could not read, validated; or why not. */
async function askLlm(
  ai: QuestionAi,
  ctx: { instanceId: string; question: string; at: number; lexicon: Lexicon },
  names: { value: string; person: boolean }[],
): Promise<AskInterpretation | string> {
  const today = new Date(ctx.at).toISOString().slice(0, 10);
  const answer = await ai.interpretQuestion(
    { question: ctx.question, names, schema: ASK_LLM_SCHEMA, today },
    { instanceId: ctx.instanceId },
  );
  if (answer.engine !== 'llm') return `The LLM could not be used (${answer.fallbackReason ?? 'no answer'}).`;
  const query = answer.output.query;
  if (answer.output.status !== 'understood' || !query) return 'The LLM could not read it either.';
  const checked = checkQueryNames(query, ctx.lexicon);
  if (!checked.ok) return `The LLM's reading was not used: ${checked.problem}`;
  const read = interpretation(ctx.question, checked.query, ctx.at, 'llm', ['read by the LLM']);
  try {
    if (read.ok) guardSql(read.sql);
  } catch (error) {
    if (error instanceof SqlRefused) return `The LLM's reading was not used: ${error.message}`;
    throw error;
  }
  return read;
}

export async function interpretQuestion(
  ctx: { instanceId: string; question: string; at: number; lexicon: Lexicon },
  ai: QuestionAi | undefined,
): Promise<AskInterpretation> {
  const long = tooLong(ctx.question);
  if (long) return long;
  const parsed = parseQuestion(ctx.question, ctx.lexicon, ctx.at);
  if (parsed.ok) return interpretation(ctx.question, parsed.query, ctx.at, 'grammar', parsed.notes);
  let message = parsed.message;
  if (ai?.engineInUse() === 'llm') {
    const names = parsed.understood.map((e) => ({ value: e.text, person: !!e.entry.names.person }));
    const llm = await askLlm(ai, ctx, names);
    if (typeof llm !== 'string') return llm;
    message = `${message} ${llm}`;
  }
  return {
    ok: false,
    question: ctx.question,
    message: `${message} Try one of the questions below, or rephrase.`,
    suggestions: nearestQuestions(ctx.question, exampleQuestions(ctx.lexicon, parsed.understood)),
  };
}
