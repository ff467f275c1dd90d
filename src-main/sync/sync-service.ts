/**
 * Sync as a service: plan a run in calls, start one as a background job (one per instance at a
 * time, through the job runner's exclusive key), and report the status of past and running runs.
 */
import type { JobInfo, SyncPlan, SyncStatus } from '../../src-preload/contract';
import type { ConnectService } from '../connect/connect-service';
import type { DB } from '../db/open';
import type { InstancesService } from '../instances/instances-service';
import type { JobsService } from '../jobs/jobs-service';
import type { Logger } from '../log/logger';
import { planSync } from './plan';
import type { PlannedPages } from './planned-pages';
import { runSync } from './run-sync';
import { lastSucceededRun, latestSyncRun, listSyncRuns } from './store';
import type { SyncMode } from './types';
import { createWaitRelay } from './wait-relay';

export interface SyncService {
  plan(instanceId: string, mode?: SyncMode): Promise<SyncPlan>;
  /** Starts (or resumes) a sync job; CONFLICT while one of this instance runs. */
  start(instanceId: string, mode?: SyncMode): Promise<JobInfo>;
  status(instanceId: string): SyncStatus;
}

export interface SyncServiceDeps {
  db: DB;
  connections: ConnectService;
  instances: InstancesService;
  jobs: JobsService;
  logger: Logger;
  /** Called when a run ends, so the screens that read the mirror refresh. */
  onFinished(): void;
  /** Called when a run succeeded (the detectors scan what it brought). */
  onSucceeded?(instanceId: string): void;
}

const PLANNED_COUNTS_TTL_MS = 10 * 60_000;

const exclusiveKey = (instanceId: string) => `sync:${instanceId}`;

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { db, connections, instances, jobs } = deps;
  const pageSize = () => instances.settings().syncPageSize;
  // The counts the last plan of each instance asked the server for, and the first pages that told
  // them: the run that follows measures its progress against them and starts from those pages
  // (a few minutes at most, the sizes change little).
  const planned = new Map<string, { at: number; counts: Map<string, number>; pages: PlannedPages }>();
  const takePlan = (instanceId: string) => {
    const p = planned.get(instanceId);
    planned.delete(instanceId);
    return p && Date.now() - p.at < PLANNED_COUNTS_TTL_MS ? p : undefined;
  };
  return {
    async plan(instanceId, mode) {
      const client = await connections.clientFor(instanceId);
      const pages: PlannedPages = new Map();
      const plan = await planSync(db, instanceId, client, {
        budget: connections.budgetFor(instanceId),
        pageSize: pageSize(),
        firstPages: pages,
        ...(mode ? { mode } : {}),
      });
      const counts = new Map(
        plan.entities.filter((e) => e.source === 'count').map((e) => [`${e.entity}:${e.phase}`, e.records] as const),
      );
      planned.set(instanceId, { at: Date.now(), counts, pages });
      return plan;
    },
    async start(instanceId, mode) {
      const instance = instances.get(instanceId);
      const exclusive = {
        key: exclusiveKey(instanceId),
        busyMessage: `A sync of ${instance.name} is already running.`,
      };
      const waits = createWaitRelay();
      const plan = takePlan(instanceId);
      const client = await connections.clientFor(instanceId, { onWait: waits.onWait });
      return jobs.start({ kind: 'sync', title: `Sync ${instance.name}`, instanceId, exclusive }, async (ctx) => {
        try {
          const result = await runSync({
            db,
            client,
            instanceId,
            mode: mode ?? 'auto',
            pageSize: pageSize(),
            ...(plan ? { plannedCounts: plan.counts, plannedPages: plan.pages } : {}),
            ctx,
            logger: deps.logger.child('sync'),
            waits,
          });
          deps.onSucceeded?.(instanceId);
          return result.message;
        } finally {
          deps.onFinished();
        }
      });
    },
    status(instanceId) {
      instances.get(instanceId);
      const last = latestSyncRun(db, instanceId) ?? null;
      const succeeded = lastSucceededRun(db, instanceId, ['full', 'incremental', 'reconcile']);
      return {
        lastRun: last,
        lastSyncedAt: succeeded?.finishedAt ?? null,
        runningJobId: jobs.holder(exclusiveKey(instanceId))?.id ?? null,
        recentRuns: listSyncRuns(db, instanceId, 10),
      };
    },
  };
}
