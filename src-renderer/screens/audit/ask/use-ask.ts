/**
 * The Ask tab's state: the question, how main read it (words, conditions, SQL), the SQL as the
 * administrator may have edited it, and the answer. Asking reads then runs; editing the
 * conditions compiles again then runs; running edited SQL sends it through main's guard.
 */
import { useState } from 'react';
import type { AskAnswer, AskInterpretation, AskQuery } from '../../../../src-preload/contract';
import { useApiMutation } from '../../../api';

export type Reading = Extract<AskInterpretation, { ok: true }>;
export type Refusal = Extract<AskInterpretation, { ok: false }>;

export interface AskState {
  question: string;
  reading: Reading | null;
  refusal: Refusal | null;
  /** The SQL in the editor: the reading's, or the administrator's own. */
  sql: string;
  answer: AskAnswer | null;
  /** The answer shown came from the administrator's SQL, not from the reading. */
  fromSql: boolean;
  /** Why the last run or compile was refused, in plain words (shown at the SQL or the conditions). */
  error: { at: 'sql' | 'query'; message: string } | null;
}

const EMPTY: AskState = {
  question: '',
  reading: null,
  refusal: null,
  sql: '',
  answer: null,
  fromSql: false,
  error: null,
};

export function useAsk(instanceId: string) {
  const [state, setState] = useState<AskState>(EMPTY);
  // Refusals are shown where they belong (at the SQL, at the conditions), not as notifications.
  const interpret = useApiMutation('ask:interpret', { meta: { silent: true } });
  const compile = useApiMutation('ask:compile', { meta: { silent: true } });
  const run = useApiMutation('ask:run', { meta: { silent: true } });
  const busy = interpret.isPending || compile.isPending || run.isPending;

  const runQuery = async (question: string, reading: Reading) => {
    try {
      const answer = await run.mutateAsync({ instanceId, question, query: reading.query });
      setState({ ...EMPTY, question, reading, sql: reading.sql, answer });
    } catch (e) {
      setState({
        ...EMPTY,
        question,
        reading,
        sql: reading.sql,
        error: { at: 'query', message: (e as Error).message },
      });
    }
  };

  return {
    state,
    busy,
    /** The SQL as typed (not run yet). */
    setSql: (sql: string) => setState((s) => ({ ...s, sql, error: null })),
    async ask(question: string) {
      const q = question.trim();
      if (!q) return;
      setState({ ...EMPTY, question: q });
      try {
        const read = await interpret.mutateAsync({ instanceId, question: q });
        if (!read.ok) setState({ ...EMPTY, question: q, refusal: read });
        else await runQuery(q, read);
      } catch (e) {
        setState({ ...EMPTY, question: q, error: { at: 'query', message: (e as Error).message } });
      }
    },
    /** The conditions or the answer's shape changed: new words and SQL, then the answer. */
    async edit(query: AskQuery) {
      const question = state.question || 'Edited question';
      try {
        const read = await compile.mutateAsync({ instanceId, question, query });
        if (read.ok) await runQuery(question, read);
      } catch (e) {
        setState((s) => ({ ...s, error: { at: 'query', message: (e as Error).message } }));
      }
    },
    async runSql(question = state.question || 'SQL written by the administrator', sql = state.sql) {
      setState((s) => ({ ...s, question, sql }));
      try {
        const answer = await run.mutateAsync({ instanceId, question, sql });
        setState((s) => ({ ...s, answer, fromSql: true, error: null }));
      } catch (e) {
        setState((s) => ({ ...s, answer: null, fromSql: false, error: { at: 'sql', message: (e as Error).message } }));
      }
    },
    /** What is shown now was asked as SQL the administrator edited (not the reading's). */
    sqlEdited: state.reading !== null && state.sql.trim() !== state.reading.sql.trim(),
    clear: () => setState(EMPTY),
  };
}

export type AskController = ReturnType<typeof useAsk>;
