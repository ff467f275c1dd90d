/** The activity a query starts from before a question or an edit narrows it: any, counted once. */
import type { AskActivity } from '../../src-preload/contract/ask';

export function defaultActivity(source: AskActivity['source']): AskActivity {
  return {
    source,
    window: null,
    hours: null,
    weekdays: null,
    actions: null,
    role: null,
    ip: null,
    person: null,
    measure: 'count',
    op: '>=',
    n: 1,
    negate: false,
  };
}

/** Whether the activity only asks that there be some (not a count, not a distinct count). */
export function isPlainExistence(a: AskActivity): boolean {
  return a.measure === 'count' && a.op === '>=' && a.n === 1;
}
