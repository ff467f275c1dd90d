import type { JobContext } from '../../src-main/jobs/jobs-service';

/** A job context for a benchmark: never cancelled, its progress dropped. */
export const quietJob = (): JobContext => ({
  signal: new AbortController().signal,
  progress: () => undefined,
  throwIfCancelled: () => undefined,
});
