import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-preload/contract';
import { openDatabase } from '../db/open';
import { silentLogger } from '../log/logger';
import { useTempDirs } from '../test-support/temp-dir';
import { createJobsService } from './jobs-service';
import path from 'node:path';

const tempDir = useTempDirs();

function setup() {
  const file = path.join(tempDir(), 'db.sqlite');
  const { db } = openDatabase(file);
  const events: JobInfo[] = [];
  const runner = createJobsService({ db, logger: silentLogger, emit: (j) => events.push(j), throttleMs: 20 });
  return { db, file, runner, events };
}

describe('job runner', () => {
  it('runs a job with progress and records it', async () => {
    const { runner, events, db } = setup();
    const job = runner.start({ kind: 'test', title: 'Counting', total: 3 }, async (ctx) => {
      for (let i = 1; i <= 3; i++) ctx.progress(i, undefined, `step ${i}`);
      return 'Counted to 3.';
    });
    const done = await runner.wait(job.id);
    expect(done).toMatchObject({ state: 'succeeded', done: 3, total: 3, message: 'Counted to 3.' });
    expect(events[0]).toMatchObject({ state: 'running', done: 0 });
    expect(events.at(-1)).toMatchObject({ state: 'succeeded' });
    expect(runner.list()[0]).toMatchObject({ id: job.id, state: 'succeeded' });
    db.close();
  });

  it('throttles progress events from a tight loop', async () => {
    const { runner, events, db } = setup();
    const job = runner.start({ kind: 'test', title: 'Tight loop' }, async (ctx) => {
      for (let i = 0; i < 10_000; i++) ctx.progress(i, 10_000);
    });
    await runner.wait(job.id);
    expect(events.length).toBeLessThan(10);
    db.close();
  });

  it('sends the last progress held back by the throttle before the job ends', async () => {
    const { runner, events, db } = setup();
    const job = runner.start({ kind: 'test', title: 'Quick' }, async (ctx) => {
      for (let i = 1; i <= 5; i++) ctx.progress(i, 5, `${i} calls`);
      return 'Done.';
    });
    await runner.wait(job.id);
    const running = events.filter((e) => e.id === job.id && e.state === 'running');
    expect(running.at(-1)).toMatchObject({ done: 5, message: '5 calls' });
    expect(events.at(-1)).toMatchObject({ state: 'succeeded' });
    db.close();
  });

  it('cancels a running job', async () => {
    const { runner, db } = setup();
    const job = runner.start({ kind: 'test', title: 'Waiting' }, async (ctx) => {
      await new Promise<void>((resolve, reject) => {
        ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
        setTimeout(resolve, 10_000);
      });
    });
    runner.cancel(job.id);
    expect(await runner.wait(job.id)).toMatchObject({ state: 'cancelled' });
    db.close();
  });

  it('reports a failure with a clear error and keeps going', async () => {
    const { runner, db } = setup();
    const job = runner.start({ kind: 'test', title: 'Failing' }, async () => {
      throw new Error('disk on fire');
    });
    const done = await runner.wait(job.id);
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('INTERNAL');
    db.close();
  });

  it('marks jobs left running by a previous process as interrupted', async () => {
    const { runner, db, file } = setup();
    runner.start({ kind: 'test', title: 'Never ends' }, () => new Promise(() => {}));
    db.close();
    const again = openDatabase(file).db;
    const second = createJobsService({ db: again, logger: silentLogger, emit: () => {} });
    second.sweepInterrupted();
    expect(second.list()[0]).toMatchObject({ state: 'failed', message: expect.stringMatching(/Interrupted/) });
    again.close();
  });
});
