/**
 * Backing off on slow or failed pages: the sizer's rules, then a full sync against a sandbox that
 * fails or stalls on big pages, which still mirrors everything at a handful of extra calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { SmartConnectError } from '../smartsimple/client';
import { ERROR_TEXTS } from '../smartsimple/protocol';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { PageSizer, isPageSizeFailure } from './page-sizer';
import { runSync } from './run-sync';
import { makeSyncClient, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import { openTestDb } from './test-support/test-db';

describe('PageSizer', () => {
  it('halves after a failure down to its floor, then says the failure stands', () => {
    const sizer = new PageSizer(1000, { min: 200 });
    expect(sizer.size).toBe(1000);
    expect(sizer.failed(1000)).toBe(true);
    expect(sizer.size).toBe(500);
    expect(sizer.failed(500)).toBe(true);
    expect(sizer.size).toBe(250);
    expect(sizer.failed(250)).toBe(true);
    expect(sizer.size).toBe(200);
    expect(sizer.canShrink).toBe(false);
    expect(sizer.failed(200)).toBe(false);
    expect(sizer.backoffs).toBe(3);
  });

  it('halves after a slow page and doubles back after a run of good ones, never past the configured size', () => {
    const sizer = new PageSizer(1000, { slowMs: 100, recoverAfter: 2 });
    sizer.answered(150, 1000);
    expect(sizer.size).toBe(500);
    sizer.answered(10, 500);
    expect(sizer.size).toBe(500);
    sizer.answered(10, 500);
    expect(sizer.size).toBe(1000);
    for (let i = 0; i < 5; i++) sizer.answered(10, 1000);
    expect(sizer.size).toBe(1000);
  });

  it('does not count a page asked for before a back-off as a good page at the new size', () => {
    const sizer = new PageSizer(1000, { slowMs: 100, recoverAfter: 1 });
    sizer.failed(1000);
    sizer.answered(10, 250);
    expect(sizer.size).toBe(500);
  });

  it('never starts above a configured size smaller than the floor', () => {
    const sizer = new PageSizer(50);
    expect(sizer.size).toBe(50);
    expect(sizer.canShrink).toBe(false);
  });

  it('takes server faults, timeouts and the list error for size failures, never a login or token failure', () => {
    const error = (kind: SmartConnectError['kind'], serverMessage?: string) =>
      new SmartConnectError({ kind, message: 'x', ...(serverMessage ? { serverMessage } : {}) });
    expect(isPageSizeFailure(error('server'))).toBe(true);
    expect(isPageSizeFailure(error('timeout'))).toBe(true);
    expect(isPageSizeFailure(error('bad-request', ERROR_TEXTS.list))).toBe(true);
    expect(isPageSizeFailure(error('bad-request', ERROR_TEXTS.otherSettings))).toBe(false);
    expect(isPageSizeFailure(error('credentials'))).toBe(false);
    expect(isPageSizeFailure(error('invalid-token'))).toBe(false);
    expect(isPageSizeFailure(new Error('disk full'))).toBe(false);
  });
});

const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function syncWith(sb: SandboxHandle, paging: { slowMs?: number; recoverAfter?: number } = {}) {
  const { db, instanceId } = openTestDb();
  const { client } = makeSyncClient(sb);
  const from = sb.requestLog.length;
  const result = await runSync({
    db,
    client,
    instanceId,
    mode: 'full',
    pageSize: 200,
    ctx: testJob().ctx,
    logger: silentLogger,
    paging: { min: 50, ...paging },
  });
  const people = db
    .prepare('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL')
    .pluck()
    .get(instanceId) as number;
  const userPages = sb.requestLog.slice(from).filter((e) => e.function === 'users.list');
  return { result, people, userPages };
}

describe('a full sync against a server that cannot serve big pages', () => {
  it('asks for smaller pages after a failed one and still mirrors every person', async () => {
    const sb = await startSyncSandbox();
    sandboxes.push(sb);
    sb.faults.add({ kind: 'http500', times: 1000, match: { function: 'users.list', minPageSize: 150 } });
    const { result, people, userPages } = await syncWith(sb);

    expect(result.kind).toBe('full');
    expect(people).toBe(sb.state.data.people.filter((p) => !p.deleted).length);
    const failed = userPages.filter((e) => e.outcome === 'fault:http500');
    // Every page of 200 failed once and was asked again at 100; no page of 200 was retried as it was.
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e.pageSize === 200)).toBe(true);
    const answered = userPages.filter((e) => e.outcome === 'ok');
    expect(answered.every((e) => (e.pageSize ?? 0) <= 100)).toBe(true);
    expect(answered.length).toBe(Math.ceil(people / 100));
  });

  it('fails the run when even the smallest page fails, without retrying past the client setting', async () => {
    const sb = await startSyncSandbox();
    sandboxes.push(sb);
    sb.faults.add({ kind: 'http500', times: 1000, match: { function: 'users.list' } });
    await expect(syncWith(sb)).rejects.toMatchObject({ kind: 'server' });
    const pages = sb.requestLog.filter((e) => e.function === 'users.list');
    // 200 and 100 once each, then 50 (the floor) with the client's three attempts.
    expect(pages.map((e) => e.pageSize)).toEqual([200, 100, 50, 50, 50]);
  });

  it('asks for smaller pages after a slow one', async () => {
    const sb = await startSyncSandbox();
    sandboxes.push(sb);
    sb.faults.add({ kind: 'latency', ms: 1500, times: 1, match: { function: 'users.list', minPageSize: 150 } });
    const { people, userPages } = await syncWith(sb, { slowMs: 1000, recoverAfter: 100 });
    expect(people).toBe(sb.state.data.people.filter((p) => !p.deleted).length);
    expect(userPages[0]?.faults).toEqual(['latency']);
    // The page fetched ahead was asked for before the slow one came back; the ones after are smaller.
    expect(userPages.slice(2).every((e) => (e.pageSize ?? 0) <= 100)).toBe(true);
  });
});
