/**
 * Builds a plan from CSV text and keeps what did not match: rows that matched no one and other
 * problems, from the answer (a plan was built from the rest) or from the refusal (none was).
 */
import { useState } from 'react';
import type { CsvProblem } from '../../../src-preload/contract';
import { notifyError, notifySuccess, useApiMutation } from '../../api';

export interface CsvOutcome {
  /** The plan built from the rows that matched, or null when none was built. */
  planId: string | null;
  unmatched: CsvProblem[];
  problems: CsvProblem[];
}

export function useCsvPlanBuild(onBuilt: (planId: string) => void) {
  const [outcome, setOutcome] = useState<CsvOutcome | null>(null);
  const build = useApiMutation('plans:buildFromCsv', {
    onSuccess: (r) => {
      notifySuccess(`${r.added} operations from ${r.rows} rows.`, 'Plan built');
      if (r.unmatched.length + r.problems.length === 0) onBuilt(r.plan.id);
      else setOutcome({ planId: r.plan.id, unmatched: r.unmatched, problems: r.problems });
    },
    onError: (e) => {
      const d = e.details as { unmatched?: CsvProblem[]; problems?: CsvProblem[] } | undefined;
      if (d?.unmatched || d?.problems)
        setOutcome({ planId: null, unmatched: d.unmatched ?? [], problems: d.problems ?? [] });
      notifyError(e, 'The plan was not built');
    },
  });
  return { build, outcome };
}
