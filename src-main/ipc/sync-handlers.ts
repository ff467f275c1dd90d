/** Sync as a background job: planned in calls, one at a time per instance, resumable. */
import { getInstance } from '../instances/instances-store';
import { lastSucceededRun, latestSyncRun, listSyncRuns } from '../sync/store';
import { getSettings } from '../instances/settings-store';
import { conflict } from '../errors/app-error';
import { createWaitRelay, planSync, runSync } from '../sync';
import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';

export function syncHandlers(s: Services): Pick<Handlers, 'sync:plan' | 'sync:start' | 'sync:status'> {
  /** instance id -> job id of the sync running for it. */
  const running = new Map<string, string>();

  return {
    'sync:plan': async ({ instanceId, mode }) => {
      const client = await s.connections.clientFor(instanceId);
      return planSync(s.db, instanceId, client, {
        budget: s.connections.budgetFor(instanceId),
        pageSize: getSettings(s.db).syncPageSize,
        ...(mode ? { mode } : {}),
      });
    },
    'sync:start': async ({ instanceId, mode }) => {
      const instance = getInstance(s.db, instanceId);
      if (running.has(instanceId)) throw conflict(`A sync of ${instance.name} is already running.`);
      const waits = createWaitRelay();
      const client = await s.connections.clientFor(instanceId, { onWait: waits.onWait });
      const job = s.jobs.start({ kind: 'sync', title: `Sync ${instance.name}`, instanceId }, async (ctx) => {
        try {
          const result = await runSync({
            db: s.db,
            client,
            instanceId,
            mode: mode ?? 'auto',
            pageSize: getSettings(s.db).syncPageSize,
            ctx,
            logger: s.logger.child('sync'),
            waits,
          });
          return result.message;
        } finally {
          running.delete(instanceId);
          s.changed(['mirror', 'sync']);
        }
      });
      running.set(instanceId, job.id);
      return job;
    },
    'sync:status': ({ instanceId }) => {
      getInstance(s.db, instanceId);
      const last = latestSyncRun(s.db, instanceId) ?? null;
      const succeeded = lastSucceededRun(s.db, instanceId, ['full', 'incremental', 'reconcile']);
      return {
        lastRun: last,
        lastSyncedAt: succeeded?.finishedAt ?? null,
        runningJobId: running.get(instanceId) ?? null,
        recentRuns: listSyncRuns(s.db, instanceId, 10),
      };
    },
  };
}
