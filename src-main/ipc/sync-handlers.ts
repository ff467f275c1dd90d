/** Sync: planned in calls, run as a background job, one at a time per instance, resumable. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function syncHandlers({
  sync,
  syncSchedule,
}: Services): Pick<Handlers, 'sync:plan' | 'sync:start' | 'sync:status' | 'sync:schedule'> {
  return {
    'sync:plan': ({ instanceId, mode }) => sync.plan(instanceId, mode),
    'sync:start': ({ instanceId, mode }) => sync.start(instanceId, mode),
    'sync:status': ({ instanceId }) => sync.status(instanceId),
    'sync:schedule': () => syncSchedule.schedule(),
  };
}
