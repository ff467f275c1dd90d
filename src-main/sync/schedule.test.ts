/**
 * The automatic sync, through the real backend (a SQLite file, the built-in sandbox over HTTP) with
 * a clock the test moves by hand: a due schedule starts a sync, a running sync or apply makes it
 * skip, off starts nothing, and an instance that is not connected is skipped too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionDetails, Instance, JobInfo, SyncSchedule } from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import type { LogRecord } from '../log/logger';
import { useTempDirs } from '../test-support/temp-dir';
import type { SyncClock } from './schedule';
import { ok } from '../test-support/channels';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

const MINUTE = 60_000;

function manualClock() {
  const timers: { ms: number; fn: () => void; stopped: boolean }[] = [];
  let t = Date.now();
  const clock: SyncClock = {
    now: () => t,
    every(ms, fn) {
      const timer = { ms, fn, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    },
  };
  return { clock, timers, advance: (ms: number) => (t += ms) };
}

async function sandboxBackend() {
  const time = manualClock();
  const logs: LogRecord[] = [];
  const b = await createBackend({
    dataDir: tempDir(),
    sandbox: { people: 120, seed: 21 },
    consoleLog: false,
    syncClock: time.clock,
    logSinks: [(r) => logs.push(r)],
  });
  open.push(b);
  const explored = await ok<ConnectionDetails>(b.invoke('sandbox:explore'));
  return { b, time, logs, instanceId: explored.instance.id };
}

const syncJobs = (b: Backend) => b.services.jobs.list().filter((j) => j.kind === 'sync');

describe('automatic sync', () => {
  it('starts a sync of the active instance when it is due, and not before', async () => {
    const { b, time, instanceId } = await sandboxBackend();
    expect(time.timers).toHaveLength(1);
    await ok(b.invoke('settings:update', { autoSync: { enabled: true, everyMinutes: 15 } }));
    const before = await ok<SyncSchedule>(b.invoke('sync:schedule'));
    expect(before).toMatchObject({ enabled: true, everyMinutes: 15, instanceId, lastSkipped: null });
    expect(Date.parse(before.nextAt!)).toBe(time.clock.now() + 15 * MINUTE);

    time.advance(14 * MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('not-due');
    expect(syncJobs(b)).toHaveLength(0);

    time.advance(MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('started');
    const job = b.services.jobs.holder(`sync:${instanceId}`);
    expect(job?.kind).toBe('sync');
    const done = await b.services.jobs.wait(job!.id);
    expect(done.state).toBe('succeeded');
    const status = b.services.sync.status(instanceId);
    expect(status.lastSyncedAt).not.toBeNull();
    expect(status.lastRun?.kind).toBe('full');

    // The next one is counted from this attempt, and nothing more starts until then.
    const after = await ok<SyncSchedule>(b.invoke('sync:schedule'));
    expect(Date.parse(after.nextAt!)).toBeGreaterThanOrEqual(time.clock.now() + 15 * MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('not-due');
    expect(syncJobs(b)).toHaveLength(1);

    await b.close();
    expect(time.timers[0]?.stopped).toBe(true);
  });

  it('skips, with a plain note, while a sync or an apply of the instance is running', async () => {
    const { b, time, logs, instanceId } = await sandboxBackend();
    await ok(b.invoke('settings:update', { autoSync: { enabled: true, everyMinutes: 5 } }));
    const manual = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    // A sync that just started pushes the next one back; one that runs past the period is skipped.
    time.advance(5 * MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('not-due');
    time.advance(MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('busy');
    expect(syncJobs(b).map((j) => j.id)).toEqual([manual.id]);
    const skipped = await ok<SyncSchedule>(b.invoke('sync:schedule'));
    expect(skipped.lastSkipped).toMatch(/was already running/);
    const note = logs.find((r) => /automatic sync skipped/.test(r.message));
    expect(note?.level).toBe('info');
    expect((await b.services.jobs.wait(manual.id)).state).toBe('succeeded');

    // An apply holds its own key: the automatic sync waits for it as well.
    let release = () => {};
    const apply = b.services.jobs.start(
      { kind: 'apply', title: 'Apply a plan', instanceId, exclusive: { key: `apply:${instanceId}`, busyMessage: 'x' } },
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    time.advance(5 * MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('busy');
    expect(syncJobs(b)).toHaveLength(1);
    release();
    await b.services.jobs.wait(apply.id);

    // Once nothing runs, the next due check syncs.
    time.advance(5 * MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('started');
    await b.services.jobs.wait(b.services.jobs.holder(`sync:${instanceId}`)!.id);
    expect(syncJobs(b)).toHaveLength(2);
  });

  it('starts nothing while off (the default), however long the app stays open', async () => {
    const { b, time } = await sandboxBackend();
    expect(b.services.instances.settings().autoSync).toEqual({ enabled: false, everyMinutes: 60 });
    time.advance(3 * 24 * 60 * MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('off');
    time.timers[0]?.fn();
    await new Promise((r) => setTimeout(r, 20));
    expect(syncJobs(b)).toHaveLength(0);
    expect(await ok<SyncSchedule>(b.invoke('sync:schedule'))).toMatchObject({ enabled: false, nextAt: null });
  });

  it('skips an instance that is not connected, and refuses a period outside 5 to 1440 minutes', async () => {
    const { b, time } = await sandboxBackend();
    const other = await ok<Instance>(
      b.invoke('instances:create', {
        name: 'Staging',
        host: 'https://staging.smartsimple.com',
        alias: 'staging',
        rootCompanyId: '1',
        apiVersion: 2,
      }),
    );
    await ok(b.invoke('settings:update', { activeInstanceId: other.id, autoSync: { enabled: true, everyMinutes: 5 } }));
    time.advance(5 * MINUTE);
    expect(await b.services.syncSchedule.tick()).toBe('not-connected');
    expect(syncJobs(b)).toHaveLength(0);
    expect((await ok<SyncSchedule>(b.invoke('sync:schedule'))).lastSkipped).toMatch(/Staging is not connected/);

    for (const everyMinutes of [4, 1441, 7.5]) {
      const r = await b.invoke('settings:update', { autoSync: { enabled: true, everyMinutes } });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(b.services.instances.settings().autoSync.everyMinutes).toBe(5);
  });
});
