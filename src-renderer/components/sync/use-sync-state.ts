/**
 * The active instance's sync at a glance: when it was last brought up to date, the run in
 * progress (live from `job:progress`), and the newest run with its summary. The header, the
 * dialog and the browse screens all read this one hook.
 */
import type { Instance, JobInfo, SyncRun, SyncStatus } from '../../../src-preload/contract';
import { isJobActive, useApiQuery, useJobs } from '../../api';
import { useActiveInstance } from '../../hooks/use-settings';

export interface SyncState {
  instance: Instance | null;
  status: SyncStatus | undefined;
  isLoading: boolean;
  lastSyncedAt: string | null;
  lastRun: SyncRun | null;
  /** The sync job running now, if any (live). */
  running: JobInfo | null;
  /** A run that a crash, cancel or failure left unfinished: the next sync resumes it. */
  unfinished: SyncRun | null;
}

export function useSyncState(): SyncState {
  const { active } = useActiveInstance();
  const status = useApiQuery('sync:status', { instanceId: active?.id ?? '' }, { enabled: !!active });
  const jobs = useJobs();
  const data = active ? status.data : undefined;
  const jobId = data?.runningJobId ?? null;
  const job = jobId ? (jobs.byId.get(jobId) ?? null) : null;
  // A job that has finished but whose status has not refreshed yet is not running any more.
  const running = job && isJobActive(job) ? job : null;
  const lastRun = data?.lastRun ?? null;
  return {
    instance: active,
    status: data,
    isLoading: !!active && status.isLoading,
    lastSyncedAt: data?.lastSyncedAt ?? null,
    lastRun,
    running,
    unfinished: !running && lastRun && lastRun.state !== 'succeeded' && lastRun.state !== 'running' ? lastRun : null,
  };
}
