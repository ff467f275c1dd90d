import { createInstance, listInstances, removeInstance, renameInstance } from '../db/queries/instances';
import { getSettings, updateSettings } from '../db/queries/settings';
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
    'instances:remove': ({ id }) => {
      s.db.transaction(() => {
        removeInstance(s.db, id);
        if (getSettings(s.db).activeInstanceId === id) {
          const next = listInstances(s.db)[0];
          updateSettings(s.db, { activeInstanceId: next?.id ?? null });
        }
      })();
      return { removed: true as const };
    },
  };
}
