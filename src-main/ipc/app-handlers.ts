/** App facts for the About box and diagnostics. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function appHandlers(s: Services): Pick<Handlers, 'app:info'> {
  return {
    'app:info': () => ({ name: 'SmartSimple Admin Desk', ...s.app, platform: process.platform }),
  };
}
