import { createInstance, listInstances, renameInstance } from '../instances/instances-store';
import { getSettings, updateSettings } from '../instances/settings-store';
import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';

export function instanceHandlers(
  s: Services,
): Pick<Handlers, 'instances:list' | 'instances:create' | 'instances:rename' | 'instances:remove'> {
  return {
    'instances:list': () => listInstances(s.db),
    'instances:create': (input) => {
      const created = createInstance(s.db, input);
      if (!getSettings(s.db).activeInstanceId) updateSettings(s.db, { activeInstanceId: created.id });
      return created;
    },
    'instances:rename': ({ id, name }) => renameInstance(s.db, id, name),
    'instances:remove': async ({ id }) => {
      // Its secrets go too.
      await s.connections.remove(id);
      return { removed: true as const };
    },
  };
}
