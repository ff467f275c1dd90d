import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-preload/contract';
import { fresherJob, isJobActive, jobsStore } from './jobs-store';

const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'j1',
  kind: 'sync',
  title: 'Sync people',
  state: 'running',
  done: 0,
  total: 100,
  message: null,
  error: null,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  ...over,
});

describe('jobs', () => {
  it('prefers a finished report over a running one, whatever the order', () => {
    const running = job({ done: 90 });
    const finished = job({ state: 'succeeded', done: 100, finishedAt: '2026-01-01T00:01:00.000Z' });
    expect(fresherJob(running, finished)).toBe(finished);
    expect(fresherJob(finished, running)).toBe(finished);
  });

  it('between two running reports, keeps the one further along', () => {
    const early = job({ done: 10 });
    const later = job({ done: 20 });
    expect(fresherJob(later, early)).toBe(later);
    expect(fresherJob(early, later)).toBe(later);
  });

  it('knows which states are active', () => {
    expect(isJobActive(job({ state: 'queued' }))).toBe(true);
    expect(isJobActive(job({ state: 'cancelled' }))).toBe(false);
  });

  it('publishes a new snapshot on every event, so React sees the change', () => {
    const before = jobsStore.getSnapshot();
    let calls = 0;
    const off = jobsStore.subscribe(() => calls++);
    jobsStore.upsert(job({ done: 5 }));
    off();
    jobsStore.upsert(job({ done: 6 }));
    expect(calls).toBe(1);
    expect(jobsStore.getSnapshot()).not.toBe(before);
    expect(jobsStore.getSnapshot().get('j1')?.done).toBe(6);
  });
});
