/**
 * The automatic sync: while Admin Desk is open, the active instance syncs every N minutes (the
 * `autoSync` setting, off by default). The first one is due N minutes after the app opened or the
 * setting changed, or after the instance's last sync, whichever is later; a manual sync therefore
 * pushes the next automatic one back. A due sync is skipped, with a plain note in the log and no
 * error on screen, while a sync or an apply of that instance runs or when it is not connected.
 * The clock is injected so tests step through time without waiting.
 */
import type { SyncSchedule } from '../../src-preload/contract';
import type { ConnectService } from '../connect/connect-service';
import type { InstancesService } from '../instances/instances-service';
import type { JobsService } from '../jobs/jobs-service';
import type { Logger } from '../log/logger';
import type { SyncService } from './sync-service';

export interface SyncClock {
  now(): number;
  /** Calls `fn` every `ms` milliseconds; returns the function that stops it. */
  every(ms: number, fn: () => void): () => void;
}

export const realClock: SyncClock = {
  now: () => Date.now(),
  every(ms, fn) {
    const handle = setInterval(fn, ms);
    handle.unref?.();
    return () => clearInterval(handle);
  },
};

export type TickOutcome = 'off' | 'no-instance' | 'not-due' | 'busy' | 'not-connected' | 'started' | 'failed';

export interface SyncScheduler {
  /** Starts checking (every half minute); start-up calls it. */
  start(): void;
  /** Stops checking; closing the backend calls it. */
  stop(): void;
  /** One check: starts the sync if it is due, or says why not. */
  tick(): Promise<TickOutcome>;
  schedule(): SyncSchedule;
  /** The settings changed: a new period or instance counts from now. */
  refresh(): void;
}

export interface SyncSchedulerDeps {
  sync: SyncService;
  instances: InstancesService;
  connections: ConnectService;
  jobs: JobsService;
  logger: Logger;
  clock?: SyncClock;
  /** How often to check whether a sync is due (default 30 s). */
  checkEveryMs?: number;
  /** The schedule changed (a sync started or was skipped): the screens that show it refresh. */
  onChanged?(): void;
}

const MINUTE = 60_000;

export function createSyncScheduler(deps: SyncSchedulerDeps): SyncScheduler {
  const { sync, instances, logger } = deps;
  const clock = deps.clock ?? realClock;
  // When the wait for the current setting began; a change of setting or instance starts it again.
  let armedAt = clock.now();
  let armedFor = '';
  let lastSkipped: string | null = null;
  let stopTimer: (() => void) | null = null;
  let ticking = false;

  const current = () => {
    const { autoSync, activeInstanceId } = instances.settings();
    const key = JSON.stringify([autoSync, activeInstanceId]);
    if (key !== armedFor) {
      armedFor = key;
      armedAt = clock.now();
      lastSkipped = null;
    }
    if (!autoSync.enabled || !activeInstanceId) return { autoSync, instanceId: activeInstanceId, nextAt: null };
    const last = sync.status(activeInstanceId).lastRun;
    const lastAt = last ? Date.parse(last.finishedAt ?? last.startedAt) : 0;
    return {
      autoSync,
      instanceId: activeInstanceId,
      nextAt: Math.max(armedAt, lastAt) + autoSync.everyMinutes * MINUTE,
    };
  };

  async function tick(): Promise<TickOutcome> {
    if (ticking) return 'busy';
    ticking = true;
    try {
      const { autoSync, instanceId, nextAt } = current();
      if (!autoSync.enabled) return 'off';
      if (!instanceId) return 'no-instance';
      if (nextAt === null || clock.now() < nextAt) return 'not-due';
      armedAt = clock.now();
      const { outcome, skipped } = await attempt(deps, instanceId);
      lastSkipped = skipped;
      deps.onChanged?.();
      return outcome;
    } finally {
      ticking = false;
    }
  }

  return {
    start() {
      if (stopTimer) return;
      stopTimer = clock.every(deps.checkEveryMs ?? 30_000, () => {
        tick().catch((error: unknown) => logger.warn('automatic sync check failed', { error }));
      });
    },
    stop() {
      stopTimer?.();
      stopTimer = null;
    },
    tick,
    refresh: () => void current(),
    schedule() {
      const { autoSync, instanceId, nextAt } = current();
      return {
        enabled: autoSync.enabled,
        everyMinutes: autoSync.everyMinutes,
        instanceId,
        nextAt: nextAt === null ? null : new Date(nextAt).toISOString(),
        lastSkipped,
      };
    },
  };
}

/** A due sync: started, or skipped with a plain note in the log (never an error on screen). */
async function attempt(
  { sync, instances, connections, jobs, logger }: SyncSchedulerDeps,
  instanceId: string,
): Promise<{ outcome: TickOutcome; skipped: string | null }> {
  const instance = instances.get(instanceId);
  const skip = (outcome: TickOutcome, reason: string) => {
    logger.info(`automatic sync skipped: ${reason}`);
    return { outcome, skipped: reason };
  };
  const busy = jobs.holder(`sync:${instanceId}`) ?? jobs.holder(`apply:${instanceId}`);
  if (busy) return skip('busy', `"${busy.title}" was already running.`);
  const details = await connections.details(instanceId);
  if (!details.passwordSet || details.functions.length === 0)
    return skip('not-connected', `${instance.name} is not connected (set it up on the Connect screen).`);
  try {
    const job = await sync.start(instanceId);
    logger.info('automatic sync started', { instance: instance.name, jobId: job.id });
    return { outcome: 'started', skipped: null };
  } catch (error) {
    return skip('failed', `the sync of ${instance.name} could not start: ${(error as Error).message}`);
  }
}
