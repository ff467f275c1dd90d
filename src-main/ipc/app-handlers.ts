import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';

export function appHandlers(s: Services): Pick<Handlers, 'app:info'> {
  return {
    'app:info': () => ({
      name: 'SmartSimple Admin Desk',
      version: s.version,
      shell: s.shell,
      dataDir: s.dataDir,
      schemaVersion: s.schemaVersion,
      platform: process.platform,
    }),
  };
}
