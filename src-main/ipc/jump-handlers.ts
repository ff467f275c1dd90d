/** Jump to (Ctrl/Cmd+K): records of the instance by name, e-mail or id. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function jumpHandlers({ jump }: Services): Pick<Handlers, 'jump:find'> {
  return { 'jump:find': ({ instanceId, query }) => jump.find(instanceId, query) };
}
