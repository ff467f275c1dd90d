/**
 * The app's own connection keeps writing while a sync writes the mirror in its worker: every write
 * succeeds (none meets SQLITE_BUSY), and the sync mirrors exactly what the sandbox holds. Then the
 * mechanism behind it (db/write-turns.ts): the app's connection raises a shared counter around the
 * statements that may write, and the worker waits while it is raised.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { waitForAppWrites, writeTurnsOf } from '../db/write-turns';
import { createInstance } from '../instances/instances-store';
import { silentLogger } from '../log/logger';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { useTempDirs } from '../test-support/temp-dir';
import { runSync } from './run-sync';
import { makeSyncClient, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import path from 'node:path';

const tempDir = useTempDirs();
const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

function openApp() {
  const { db } = openDatabase(path.join(tempDir(), 'app.sqlite'));
  const instance = createInstance(
    db,
    { name: 'Sandbox', host: 'http://127.0.0.1:1', alias: 'sandbox', rootCompanyId: '1', apiVersion: 1 },
    { isSandbox: true },
  );
  return { db, instanceId: instance.id };
}

describe('the app writing while a sync writes the mirror', () => {
  it('gets every one of its writes through, and the sync still mirrors everything', async () => {
    const sb = await startSyncSandbox({ people: 4000, clock: 'system' });
    sandboxes.push(sb);
    const { db, instanceId } = openApp();
    const { client } = makeSyncClient(sb);
    // What the app writes during a sync: a call recorded per request, job rows, settings.
    const write = db.prepare(
      "INSERT INTO settings (key, value) VALUES ('test.write', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    let writes = 0;
    const failures: unknown[] = [];
    let syncing = true;
    const writer = (async () => {
      while (syncing) {
        try {
          write.run(String(writes));
          writes++;
        } catch (e) {
          failures.push(e);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await runSync({
      db,
      client,
      instanceId,
      mode: 'full',
      pageSize: 1000,
      ctx: testJob().ctx,
      logger: silentLogger,
    }).finally(() => (syncing = false));
    await writer;

    expect(result.timing.writer).toBe('worker');
    expect(failures).toEqual([]);
    // The worker found the app wanting to write between its transactions, and let it go first.
    expect(result.timing.gaveWay?.times).toBeGreaterThan(0);
    expect(writes).toBeGreaterThan(result.timing.transactions);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'test.write'").pluck().get()).toBe(String(writes - 1));
    const people = db
      .prepare('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL')
      .pluck()
      .get(instanceId);
    expect(people).toBe(sb.state.data.people.filter((p) => !p.deleted).length);
    expect(db.prepare('SELECT count(*) FROM mirror_login_sessions_by_user').pluck().get()).toBe(
      sb.state.data.sessions.length,
    );
  }, 120_000);
});

describe('write turns', () => {
  it('raises the counter around a statement that writes, not around one that only reads', () => {
    const { db } = openApp();
    const counter = new Int32Array(writeTurnsOf(db) as SharedArrayBuffer);
    db.function('turns_now', () => Atomics.load(counter, 0));
    db.exec('CREATE TABLE seen (n INTEGER)');
    db.prepare('INSERT INTO seen (n) VALUES (turns_now())').run();
    expect(db.prepare('SELECT n FROM seen').pluck().get()).toBe(1);
    expect(db.prepare('SELECT turns_now()').pluck().get()).toBe(0);
    // Inside a transaction it is raised twice: once for the whole transaction, once for the statement.
    db.transaction(() => db.prepare('INSERT INTO seen (n) SELECT turns_now()').run())();
    expect(db.prepare('SELECT max(n) FROM seen').pluck().get()).toBe(2);
    expect(Atomics.load(counter, 0)).toBe(0);
    // A failing write lowers it again too.
    expect(() => db.prepare('INSERT INTO nowhere VALUES (1)')).toThrow();
    expect(() => db.prepare('INSERT INTO seen (n) VALUES (?)').run('not a number', 'extra')).toThrow();
    expect(Atomics.load(counter, 0)).toBe(0);
  });

  it('keeps the worker waiting while the app wants to write, and no longer than it is told', () => {
    const { db } = openApp();
    const buffer = writeTurnsOf(db) as SharedArrayBuffer;
    expect(waitForAppWrites(buffer, 1000).gaveWay).toBe(false);
    const counter = new Int32Array(buffer);
    Atomics.add(counter, 0, 1);
    const turn = waitForAppWrites(buffer, 30);
    expect(turn.gaveWay).toBe(true);
    expect(turn.ms).toBeGreaterThanOrEqual(30);
    Atomics.sub(counter, 0, 1);
  });
});
