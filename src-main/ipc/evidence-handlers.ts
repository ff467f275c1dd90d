/** Evidence for auditors: a question's answer as CSV or PDF (findings and timelines call the service directly). */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function evidenceHandlers(s: Services): Pick<Handlers, 'evidence:answer'> {
  return {
    'evidence:answer': (input) => s.evidence.exportAnswer(input),
  };
}
