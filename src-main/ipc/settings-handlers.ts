import { getSettings, updateSettings } from '../instances/settings-store';
import { getInstance } from '../instances/instances-store';
import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';

export function settingsHandlers(s: Services): Pick<Handlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => getSettings(s.db),
    'settings:update': (patch) => {
      if (patch.activeInstanceId) getInstance(s.db, patch.activeInstanceId);
      return updateSettings(s.db, patch);
    },
  };
}
