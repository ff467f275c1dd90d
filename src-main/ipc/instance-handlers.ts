/** The SmartSimple instances this desk knows. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function instanceHandlers(
  s: Services,
): Pick<Handlers, 'instances:list' | 'instances:create' | 'instances:rename' | 'instances:remove'> {
  return {
    'instances:list': () => s.instances.list(),
    'instances:create': (input) => s.instances.create(input),
    'instances:rename': ({ id, name }) => s.instances.rename(id, name),
    // Its secrets go too.
    'instances:remove': async ({ id }) => {
      await s.connections.remove(id);
      return { removed: true as const };
    },
  };
}
