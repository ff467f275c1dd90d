/**
 * The live map of jobs as `job:progress` reports them. It lives outside React so that events that
 * arrive before any component asks for jobs are not lost; `useJobs` reads it.
 */
import type { JobInfo } from '../../src-preload/contract';

type Listener = () => void;

let jobs: ReadonlyMap<string, JobInfo> = new Map();
const listeners = new Set<Listener>();

export const jobsStore = {
  upsert(job: JobInfo): void {
    const next = new Map(jobs);
    next.set(job.id, job);
    jobs = next;
    for (const l of listeners) l();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot(): ReadonlyMap<string, JobInfo> {
    return jobs;
  },
};

export const isJobActive = (job: JobInfo): boolean => job.state === 'queued' || job.state === 'running';

/**
 * The fresher of two reports of one job: a finished report beats a running one (events and the
 * list can arrive in either order), then the one further along.
 */
export function fresherJob(a: JobInfo, b: JobInfo): JobInfo {
  if (!isJobActive(a) && isJobActive(b)) return a;
  if (!isJobActive(b) && isJobActive(a)) return b;
  return b.done >= a.done ? b : a;
}
