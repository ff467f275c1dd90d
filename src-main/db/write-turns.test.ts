import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { openDatabase } from './open';
import { writeTurnsOf } from './write-turns';

const tempDir = useTempDirs();
const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another connection (a worker, like the sync's or the scan's) that takes the write lock, writes,
 * holds it for `holdMs` and commits. Resolves once it holds the lock, with a promise of its end.
 */
async function holdWriteLock(file: string, holdMs: number): Promise<{ done: Promise<void> }> {
  const worker = new Worker(
    `const Database = require(${JSON.stringify(sqlitePath)});
     const { parentPort } = require('node:worker_threads');
     const db = new Database(${JSON.stringify(file)});
     db.pragma('busy_timeout = 5000');
     db.exec('BEGIN IMMEDIATE');
     db.exec("INSERT INTO t (x) VALUES ('worker')");
     parentPort.postMessage('holding');
     const end = Date.now() + ${holdMs};
     while (Date.now() < end) {}
     db.exec('COMMIT');
     db.close();
     parentPort.postMessage('done');`,
    { eval: true },
  );
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => m === 'done' && resolve());
    worker.on('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { done };
}

describe("the app connection's transactions", () => {
  it('wait for a worker holding the write lock instead of failing at once when they read before writing', async () => {
    const { db } = openDatabase(path.join(tempDir(), 'a.sqlite'));
    db.exec('CREATE TABLE t (x TEXT)');
    const readThenWrite = db.transaction(() => {
      const before = db.prepare('SELECT count(*) FROM t').pluck().get() as number;
      db.prepare("INSERT INTO t (x) VALUES ('app')").run();
      return before;
    });

    const { done } = await holdWriteLock(db.name, 300);
    const started = performance.now();
    // A deferred transaction would throw "database is locked" here without waiting.
    const before = readThenWrite();
    expect(performance.now() - started).toBeGreaterThan(100);
    await done;
    // It began after the worker's commit, so it saw the worker's row.
    expect(before).toBe(1);
    expect(db.prepare('SELECT x FROM t ORDER BY rowid').pluck().all()).toEqual(['worker', 'app']);
    db.close();
  });

  it('are announced to the workers for their whole length, and a read-only one can still be deferred', () => {
    const { db } = openDatabase(path.join(tempDir(), 'b.sqlite'));
    const counter = new Int32Array(writeTurnsOf(db)!);
    const seen: number[] = [];
    const look = db.transaction(() => {
      seen.push(Atomics.load(counter, 0));
      return db.prepare('SELECT 1').pluck().get();
    });
    expect(look()).toBe(1);
    expect(look.deferred()).toBe(1);
    expect(seen).toEqual([1, 1]);
    expect(Atomics.load(counter, 0)).toBe(0);
    // A transaction that throws rolls back and lowers the counter again.
    db.exec('CREATE TABLE u (x INTEGER)');
    expect(() =>
      db.transaction(() => {
        db.prepare('INSERT INTO u VALUES (1)').run();
        throw new Error('no');
      })(),
    ).toThrow('no');
    expect(db.prepare('SELECT count(*) FROM u').pluck().get()).toBe(0);
    expect(Atomics.load(counter, 0)).toBe(0);
    db.close();
  });
});
