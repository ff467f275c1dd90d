/** Questions in plain language: read, compile, run (query or edited SQL), saved questions. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type AskChannel =
  'ask:interpret' | 'ask:compile' | 'ask:run' | 'ask:suggestions' | 'ask:saved' | 'ask:save' | 'ask:deleteSaved';

export function askHandlers(s: Services): Pick<Handlers, AskChannel> {
  return {
    'ask:interpret': ({ instanceId, question, now }) => s.ask.interpret(instanceId, question, now),
    'ask:compile': ({ instanceId, question, query }) => s.ask.compile(instanceId, question, query),
    'ask:run': (input) => s.ask.run(input),
    'ask:suggestions': ({ instanceId }) => s.ask.suggestions(instanceId),
    'ask:saved': ({ instanceId }) => s.ask.saved(instanceId),
    'ask:save': ({ instanceId, question, sql }) => s.ask.save(instanceId, question, sql),
    'ask:deleteSaved': ({ id }) => s.ask.deleteSaved(id),
  };
}
