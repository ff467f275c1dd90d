/**
 * Questions in plain language, offline: the grammar reads a question into a query object with a
 * lexicon of the instance's own names, compile.ts makes parameterized SQL over the ask views,
 * and the runner (a child process with a read-only connection) answers it within a time limit.
 * A question the grammar cannot read gets the nearest questions it can, never a guess.
 */
import type { AskAnswer, AskInterpretation, AskQuery, SavedQuestion } from '../../src-preload/contract/ask';
import { askQuerySchema } from '../../src-preload/contract/ask';
import type { DB } from '../db/open';
import { buildLexicon, type Lexicon } from './grammar/lexicon';
import { interpretation, interpretQuestion, type QuestionAi } from './interpret';
import { mirrorSignature, readLexiconNames } from './lexicon-store';
import { checkQueryNames } from './query-names';
import { AskRefused, runAnswer, type RunInput } from './run-answer';
import { createRunner } from './runner';
import { deleteSaved, listSaved, saveQuestion } from './saved-store';
import { exampleQuestions } from './suggest';

export { MAX_QUESTION_CHARS } from './interpret';
export { ANSWER_ROW_LIMIT, AskRefused, type RunInput } from './run-answer';

export interface AskServiceDeps {
  db: DB;
  /** The clock relative windows count from ("last 30 days"); tests fix it. */
  now?: () => number;
  timeoutMs?: number;
  /** The database file the runner opens read-only (default: the one `db` has open). */
  dbFile?: string;
  /** The AI service: when its LLM engine is on, it reads what the grammar cannot. */
  ai?: QuestionAi;
}

export interface AskService {
  /** Reads a question (the grammar, then the LLM when on); a refusal carries the nearest questions. */
  interpret(instanceId: string, question: string, asOf?: string): Promise<AskInterpretation>;
  /** An edited query object in words and SQL (its names checked against the mirror). */
  compile(instanceId: string, question: string, query: AskQuery): AskInterpretation;
  run(input: RunInput): Promise<AskAnswer>;
  ask(
    instanceId: string,
    question: string,
    asOf?: string,
  ): Promise<AskAnswer | Extract<AskInterpretation, { ok: false }>>;
  suggestions(instanceId: string): string[];
  /** The mirror's names as the grammar reads them (rebuilt after a sync); bulk change planning reads with it too. */
  lexicon(instanceId: string): Lexicon;
  saved(instanceId: string): SavedQuestion[];
  save(instanceId: string, question: string, sql: string | null): SavedQuestion;
  deleteSaved(id: number): { deleted: boolean };
  close(): void;
}

export function createAskService({ db, now = Date.now, timeoutMs, dbFile, ai }: AskServiceDeps): AskService {
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
  const service: AskService = {
    interpret: (instanceId, question, asOf) =>
      interpretQuestion({ instanceId, question, at: clock(asOf), lexicon: lexiconOf(instanceId) }, ai),
    compile(instanceId, question, query) {
      const checked = checkQueryNames(askQuerySchema.parse(query), lexiconOf(instanceId));
      if (!checked.ok) throw new AskRefused(checked.problem);
      return interpretation(question, checked.query, now(), 'grammar');
    },
    run: (input) => runAnswer(runner, clock(input.now), input),
    async ask(instanceId, question, asOf) {
      const read = await service.interpret(instanceId, question, asOf);
      if (!read.ok) return read;
      const answer = await service.run({ instanceId, question, query: read.query, now: asOf });
      return { ...answer, interpretation: read.interpretation };
    },
    suggestions: (instanceId) => exampleQuestions(lexiconOf(instanceId)).slice(0, 12),
    lexicon: lexiconOf,
    saved: (instanceId) => listSaved(db, instanceId),
    save: (instanceId, question, sql) => saveQuestion(db, instanceId, question, sql, new Date(now()).toISOString()),
    deleteSaved: (id) => ({ deleted: deleteSaved(db, id) }),
    close: () => runner.close(),
  };
  return service;
}
