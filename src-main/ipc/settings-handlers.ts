/** The app's settings. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function settingsHandlers(s: Services): Pick<Handlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => s.instances.settings(),
    'settings:update': (patch) => s.instances.updateSettings(patch),
  };
}
