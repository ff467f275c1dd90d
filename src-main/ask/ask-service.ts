/**
 * Questions in plain language, offline: the grammar reads a question into a query object with a
 * lexicon of the instance's own names, compile.ts makes parameterized SQL over the ask views,
 * and the runner (a child process with a read-only connection) answers it within a time limit.
 * A question the grammar cannot read gets the nearest questions it can, never a guess.
 */
import type { AskAnswer, AskInterpretation, AskQuery, SavedQuestion } from '../../src-preload/contract/ask';
import type { DownloadText } from '../../src-preload/contract/wire';
import { toSafeCsv } from '../export/csv-cell';
import { deleteSaved, listSaved, saveQuestion } from './saved-store';
import { askQuerySchema } from '../../src-preload/contract/ask';
import type { DB } from '../db/open';
import { compileQuery, inlineSql } from './compile';
import { describeQuery } from './describe';
import { buildLexicon, type Lexicon } from './grammar/lexicon';
import { parseQuestion } from './grammar/parse';
import { mirrorSignature, readLexiconNames } from './lexicon-store';
import { createRunner, RunRefused, type Runner } from './runner';
import { nearestQuestions, exampleQuestions } from './suggest';

export const MAX_QUESTION_CHARS = 2000;
export const ANSWER_ROW_LIMIT = 1000;

export interface AskServiceDeps {
  db: DB;
  /** The clock relative windows count from ("last 30 days"); tests fix it. */
  now?: () => number;
  timeoutMs?: number;
  /** The database file the runner opens read-only (default: the one `db` has open). */
  dbFile?: string;
}

export type RunInput = { instanceId: string; question: string; now?: string | undefined } & (
  { query: AskQuery } | { sql: string }
);

export interface AskService {
  interpret(instanceId: string, question: string, asOf?: string): AskInterpretation;
  compile(instanceId: string, question: string, query: AskQuery): AskInterpretation;
  run(input: RunInput): Promise<AskAnswer>;
  ask(
    instanceId: string,
    question: string,
    asOf?: string,
  ): Promise<AskAnswer | Extract<AskInterpretation, { ok: false }>>;
  suggestions(instanceId: string): string[];
  saved(instanceId: string): SavedQuestion[];
  save(instanceId: string, question: string, sql: string | null): SavedQuestion;
  deleteSaved(id: number): { deleted: boolean };
  exportCsv(input: RunInput): Promise<DownloadText>;
  close(): void;
}

export class AskRefused extends Error {}

export function createAskService({ db, now = Date.now, timeoutMs, dbFile }: AskServiceDeps): AskService {
  const runner = createRunner({ dbFile: dbFile ?? db.name, ...(timeoutMs ? { timeoutMs } : {}) });
  // The lexicon is rebuilt when the mirror's names may have changed (a sync, an apply's read-back).
  const lexicons = new Map<string, { signature: string; lexicon: Lexicon }>();
  const lexiconOf = (instanceId: string) => {
    const signature = mirrorSignature(db, instanceId);
    const cached = lexicons.get(instanceId);
    if (cached?.signature === signature) return cached.lexicon;
    const lexicon = buildLexicon(readLexiconNames(db, instanceId));
    lexicons.set(instanceId, { signature, lexicon });
    return lexicon;
  };
  const clock = (asOf?: string) => (asOf ? Date.parse(asOf) : now());
  const compiled = (question: string, query: AskQuery, at = now(), notes: string[] = []): AskInterpretation => {
    const c = compileQuery(query, at);
    return {
      ok: true,
      question,
      query,
      interpretation: [describeQuery(query), ...notes.map((n) => `(${n}.)`)].join(' '),
      sql: inlineSql(c.sql, c.params),
      engine: 'grammar',
    };
  };
  const service: AskService = {
    interpret(instanceId, question, asOf) {
      if (question.length > MAX_QUESTION_CHARS)
        return {
          ok: false,
          question: question.slice(0, 200),
          message: `The question is ${question.length.toLocaleString('en-US')} characters long; ask in at most ${MAX_QUESTION_CHARS.toLocaleString('en-US')}.`,
          suggestions: [],
        };
      const lexicon = lexiconOf(instanceId);
      const parsed = parseQuestion(question, lexicon, clock(asOf));
      if (!parsed.ok)
        return {
          ok: false,
          question,
          message: `${parsed.message} Try one of the questions below, or rephrase.`,
          suggestions: nearestQuestions(question, exampleQuestions(lexicon, parsed.understood)),
        };
      return compiled(question, parsed.query, clock(asOf), parsed.notes);
    },
    compile: (_instanceId, question, query) => compiled(question, askQuerySchema.parse(query)),
    run: (input) => runAnswer(runner, clock(input.now), input),
    async ask(instanceId, question, asOf) {
      const read = service.interpret(instanceId, question, asOf);
      if (!read.ok) return read;
      return service.run({ instanceId, question, query: read.query, now: asOf });
    },
    suggestions: (instanceId) => exampleQuestions(lexiconOf(instanceId)).slice(0, 12),
    saved: (instanceId) => listSaved(db, instanceId),
    save: (instanceId, question, sql) => saveQuestion(db, instanceId, question, sql, new Date(now()).toISOString()),
    deleteSaved: (id) => ({ deleted: deleteSaved(db, id) }),
    async exportCsv(input) {
      const answer = await service.run(input);
      return {
        filename: `answer-${new Date(now()).toISOString().slice(0, 10)}.csv`,
        mime: 'text/csv',
        text: toSafeCsv([answer.table.columns, ...answer.table.rows]),
      };
    },
    close: () => runner.close(),
  };
  return service;
}

async function runAnswer(runner: Runner, at: number, input: RunInput): Promise<AskAnswer> {
  const started = Date.now();
  let sql: string;
  let params: (string | number)[] = [];
  let kind: 'people' | 'table' = 'table';
  let chart = false;
  let query: AskQuery | null = null;
  let interpretation: string;
  if ('query' in input) {
    query = askQuerySchema.parse(input.query);
    const c = compileQuery(query, at);
    ({ sql, params, kind, chart } = c);
    interpretation = describeQuery(query);
  } else {
    sql = input.sql;
    interpretation = 'SQL written by the administrator.';
  }
  let reply;
  try {
    reply = await runner.run({
      instanceId: input.instanceId,
      sql,
      params,
      limit: ANSWER_ROW_LIMIT,
      edited: !query,
    });
  } catch (error) {
    if (error instanceof RunRefused) throw new AskRefused(error.message);
    throw error;
  }
  const idAt = reply.columns.indexOf('id');
  const nameAt = reply.columns.indexOf('name');
  if (!query && idAt >= 0 && nameAt >= 0) kind = 'people';
  if (!query && reply.columns.length === 2 && typeof reply.rows[0]?.[1] === 'number') chart = true;
  const people =
    kind === 'people' ? reply.rows.map((r) => ({ id: Number(r[idAt]), name: String(r[nameAt] ?? '') })) : [];
  return {
    question: input.question,
    interpretation,
    query,
    sql: query ? inlineSql(sql, params) : sql,
    kind,
    people,
    table: { columns: reply.columns, rows: reply.rows },
    truncated: reply.truncated,
    chart,
    ms: Date.now() - started,
  };
}
