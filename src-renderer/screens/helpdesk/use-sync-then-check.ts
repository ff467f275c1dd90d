/**
 * "Sync and check again": an incremental sync of the instance (what an apply changed comes back
 * into the mirror), followed, when it ends, by the same checks. The sync's progress comes from its
 * job; a sync already running is joined rather than refused.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobInfo } from '../../../src-preload/contract';
import { isJobActive, notifyError, useApiMutation, useJobs } from '../../api';

export interface SyncThenCheck {
  start(): void;
  /** The sync in progress, if any. */
  job: JobInfo | null;
  busy: boolean;
}

export function useSyncThenCheck(instanceId: string, check: () => void): SyncThenCheck {
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useApiMutation('sync:start', { meta: { silent: true } });
  const tracked = jobId ? (jobs.byId.get(jobId) ?? null) : null;
  const job = tracked && isJobActive(tracked) ? tracked : null;
  const handled = useRef<string | null>(null);

  useEffect(() => {
    if (!tracked || isJobActive(tracked) || handled.current === tracked.id) return;
    handled.current = tracked.id;
    if (tracked.state === 'succeeded') check();
    // A cancel is the administrator's own doing: nothing to report.
    else if (tracked.state !== 'cancelled')
      notifyError(new Error(tracked.error?.message ?? `The sync ${tracked.state}.`), 'The sync did not finish');
  }, [tracked, check]);

  return {
    job,
    busy: start.isPending || job !== null,
    start() {
      const running = jobs.running.find((j) => j.kind === 'sync');
      if (running) {
        setJobId(running.id);
        return;
      }
      start.mutate(
        { instanceId, mode: 'incremental' },
        { onSuccess: (started) => setJobId(started.id), onError: (e) => notifyError(e, 'The sync did not start') },
      );
    },
  };
}
