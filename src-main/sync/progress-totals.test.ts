/**
 * Sync progress is measured against the totals the plan counted: on a first sync (nothing known
 * before the plan asked the server) the total is right from the first progress event and does not
 * grow with the count, so the bar is not at 100% from the start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionDetails, JobInfo, Result, SyncPlan } from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

describe('sync progress from the plan', () => {
  it('knows the total from the first event of a first sync', async () => {
    const b = await createBackend({ dataDir: tempDir(), sandbox: { people: 150, seed: 4 }, consoleLog: false });
    open.push(b);
    const explored = (await b.invoke('sandbox:explore')) as Result<ConnectionDetails>;
    if (!explored.ok) throw new Error(explored.error.message);
    const instanceId = explored.data.instance.id;
    const plan = (await b.invoke('sync:plan', { instanceId })) as Result<SyncPlan>;
    if (!plan.ok) throw new Error(plan.error.message);
    const planned = plan.data.entities.reduce((n, e) => n + e.records, 0);
    expect(planned).toBeGreaterThan(150);

    const events: JobInfo[] = [];
    b.onEvent((name, payload) => {
      if (name === 'job:progress') events.push(payload as JobInfo);
    });
    const started = (await b.invoke('sync:start', { instanceId })) as Result<JobInfo>;
    if (!started.ok) throw new Error(started.error.message);
    const done = await b.services.jobs.wait(started.data.id);
    expect(done.state).toBe('succeeded');
    const running = events.filter((e) => e.id === started.data.id && e.state === 'running' && e.total);
    expect(running.length).toBeGreaterThanOrEqual(1);
    const first = running[0]!;
    // The first event already knows (nearly) the whole size: not the size of what was counted so far.
    expect(first.total).toBeGreaterThanOrEqual(planned * 0.9);
    expect(first.done / (first.total ?? 1)).toBeLessThan(0.5);
    // And it does not grow by much afterwards.
    const last = running[running.length - 1]!;
    expect(last.total ?? 0).toBeLessThanOrEqual((first.total ?? 0) * 1.1);

    // One call count: the live view's last figure is the summary's (give or take the final check).
    const status = (await b.invoke('sync:status', { instanceId })) as Result<{
      lastRun: { summary: { calls: number } };
    }>;
    if (!status.ok) throw new Error(status.error.message);
    const summaryCalls = status.data.lastRun.summary.calls;
    const liveCalls = Number(/([\d,]+) calls/.exec(last.message ?? '')?.[1]?.replace(/,/g, ''));
    expect(liveCalls).toBeGreaterThan(0);
    expect(liveCalls).toBeLessThanOrEqual(summaryCalls);
    expect(summaryCalls - liveCalls).toBeLessThanOrEqual(3);
  });
});
