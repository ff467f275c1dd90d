/** Long-running work (sync, apply) as jobs: their state on the wire, and list and cancel. */
import { z } from 'zod';
import { channel, idSchema, noInput, type ApiError } from './wire';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** One job as the renderer sees it; `job:progress` pushes it on every change. */
export interface JobInfo {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  /** Units done and total; total null while unknown. */
  done: number;
  total: number | null;
  message: string | null;
  error: ApiError | null;
  startedAt: string;
  finishedAt: string | null;
}

export const jobsChannels = {
  /** Long-running work: list and cancel. */
  'jobs:list': channel<JobInfo[]>()({ input: noInput, reads: ['jobs'] }),
  'jobs:cancel': channel<JobInfo>()({ input: z.object({ id: idSchema }).strict(), writes: ['jobs'] }),
} as const;
