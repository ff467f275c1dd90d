/**
 * A cancelled sync resumes where it stopped without fetching a finished page again, and ends with
 * the mirror a clean sync makes; at the hourly limit a sync waits, says until when, and completes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { getSyncCursor, getSyncStatus, latestSyncRun } from './store';
import { runSync } from './run-sync';
import { callsTo, dumpMirror, makeSyncClient, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import { openTestDb } from './test-support/test-db';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();

const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function sandbox(options: Parameters<typeof startSyncSandbox>[0] = {}) {
  const sb = await startSyncSandbox(options);
  sandboxes.push(sb);
  return sb;
}

describe('cancel and resume', () => {
  it('resumes after the last committed page and ends with the mirror of a clean sync', async () => {
    const sb = await sandbox();
    // A file, so the cancel lands while the write worker holds pages.
    const { db, instanceId } = openTestDb(tempDir());
    const { client } = makeSyncClient(sb);
    const people = sb.state.data.people.filter((p) => !p.deleted).sort((a, b) => a.id - b.id);
    const pageSize = 20;

    const first = testJob();
    const from = sb.requestLog.length;
    const stopped = await runSync({
      db,
      client,
      instanceId,
      pageSize,
      ctx: first.ctx,
      logger: silentLogger,
      afterPage: (entity, pages) => {
        if (entity === 'people' && pages === 5) first.controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(Error);
    expect(latestSyncRun(db, instanceId)?.state).toBe('cancelled');
    expect(getSyncStatus(db, instanceId).unfinished).toBe(true);
    // Pages handed to the writer before the cancel are committed; one more may have been fetched.
    const cursor = getSyncCursor(db, instanceId, 'people');
    const committed = cursor?.pages ?? 0;
    expect(committed).toBeGreaterThanOrEqual(5);
    expect(cursor).toMatchObject({
      phase: 'full',
      records: committed * pageSize,
      afterId: people[committed * pageSize - 1]?.id,
    });
    expect(callsTo(sb, 'users.list', from)).toBeLessThanOrEqual(committed + 1);
    // The people indexes wait, dropped, for the end of the interrupted pass (holdings by person are
    // appended in person order, so that one is kept), and the pass says it began on empty tables.
    const deferred = db.prepare('SELECT name FROM sync_deferred_indexes ORDER BY name').pluck().all();
    expect(deferred).toEqual([
      'mirror_people_company',
      'mirror_people_department',
      'mirror_people_first_name',
      'mirror_people_name',
    ]);
    expect(cursor?.bulk).toBe(true);

    const second = sb.requestLog.length;
    const result = await runSync({ db, client, instanceId, pageSize, ctx: testJob().ctx, logger: silentLogger });
    expect(result).toMatchObject({ kind: 'full', resumed: true, timing: { writer: 'worker' } });
    expect(result.summary.resumes).toBe(1);
    // Only the pages not yet committed; the steps finished before the cancel are not run again.
    expect(callsTo(sb, 'users.list', second)).toBe(Math.ceil(people.length / pageSize) - committed);
    expect(callsTo(sb, 'roles.meta', second)).toBe(0);
    expect(callsTo(sb, 'companies.list', second)).toBe(0);
    // Calls of both runs, each counted once.
    expect(result.summary.calls).toBe(sb.requestLog.length - from);
    expect(result.summary.kinds.people.added).toBe(people.length);
    expect(db.prepare('SELECT count(*) FROM sync_deferred_indexes').pluck().get()).toBe(0);

    const clean = openTestDb();
    await runSync({
      db: clean.db,
      client,
      instanceId: clean.instanceId,
      pageSize,
      ctx: testJob().ctx,
      logger: silentLogger,
    });
    expect(dumpMirror(db, instanceId)).toEqual(dumpMirror(clean.db, clean.instanceId));
  });
});

describe('hourly limit', () => {
  it('waits when the server refuses, says until when, and completes', async () => {
    const sb = await sandbox({ hourlyLimit: 6 });
    const { db, instanceId } = openTestDb();
    // The client does not know the server's limit: the server's refusal is what makes it wait.
    const { client, waits } = makeSyncClient(sb, { sandboxClock: sb.clock });
    const job = testJob();
    const startedAt = sb.clock.now();
    const result = await runSync({
      db,
      client,
      instanceId,
      pageSize: 100,
      logPageSize: 1000,
      ctx: job.ctx,
      logger: silentLogger,
      waits,
    });
    expect(result.kind).toBe('full');
    const waiting = job.events
      .map((e) => e.message ?? '')
      .filter((m) => m.startsWith('Waiting for the SmartSimple hourly limit until '));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]).toMatch(/until \d\d:\d\d$/);
    expect(sb.clock.now() - startedAt).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(sb.requestLog.some((e) => e.outcome.includes('maximum limit'))).toBe(true);
    expect(getSyncStatus(db, instanceId).counts.people).toBe(sb.state.data.people.filter((p) => !p.deleted).length);
    // The refused calls used the budget too, and are counted.
    expect(result.summary.calls).toBe(sb.requestLog.length);
  });

  it('with the limit known, waits before it and is never refused', async () => {
    const sb = await sandbox({ hourlyLimit: 6 });
    const { db, instanceId } = openTestDb();
    const { client, waits } = makeSyncClient(sb, { sandboxClock: sb.clock, limit: 6 });
    const job = testJob();
    await runSync({
      db,
      client,
      instanceId,
      pageSize: 100,
      logPageSize: 1000,
      ctx: job.ctx,
      logger: silentLogger,
      waits,
    });
    expect(sb.requestLog.every((e) => e.outcome === 'ok')).toBe(true);
    expect(job.events.some((e) => e.message?.startsWith('Waiting for the SmartSimple hourly limit'))).toBe(true);
    // After a wait, progress goes back to records and calls.
    expect(job.events.at(-1)?.message).toMatch(/calls/);
  });
});
