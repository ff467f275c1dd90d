/**
 * `useJobs()`: every known job, live. The `jobs:list` query seeds it (jobs started before this
 * window opened, and the recent history); `job:progress` events keep it current.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { JobInfo } from '../../src-preload/contract';
import { fresherJob, isJobActive, jobsStore } from './jobs-store';
import { useApiQuery } from './use-api-query';

export interface JobsView {
  /** Every known job by id. */
  byId: ReadonlyMap<string, JobInfo>;
  /** Queued and running jobs, oldest first. */
  running: JobInfo[];
  /** All jobs, newest first. */
  all: JobInfo[];
  isLoading: boolean;
}

export function useJobs(): JobsView {
  const list = useApiQuery('jobs:list');
  const live = useSyncExternalStore(jobsStore.subscribe, jobsStore.getSnapshot);

  return useMemo(() => {
    const byId = new Map<string, JobInfo>();
    for (const job of list.data ?? []) byId.set(job.id, job);
    for (const job of live.values()) {
      const known = byId.get(job.id);
      byId.set(job.id, known ? fresherJob(known, job) : job);
    }
    const all = [...byId.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const running = all.filter(isJobActive).reverse();
    return { byId, all, running, isLoading: list.isLoading };
  }, [list.data, list.isLoading, live]);
}
