/** The AI engines' settings, the connection test and the suggestion record. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function aiHandlers(
  s: Services,
): Pick<Handlers, 'ai:status' | 'ai:configureLlm' | 'ai:testLlm' | 'ai:suggestions'> {
  return {
    'ai:status': () => s.aiSettings.status(),
    'ai:configureLlm': (input) => s.aiSettings.configure(input),
    'ai:testLlm': () => s.aiSettings.test(),
    'ai:suggestions': ({ kind, limit }) => s.ai.list({ ...(kind ? { kind } : {}), ...(limit ? { limit } : {}) }),
  };
}
