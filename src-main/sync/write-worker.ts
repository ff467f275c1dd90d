/**
 * The write worker: a sync's SQLite writes on a thread of their own, over its own connection to
 * the app's database file, so a page of a thousand people (or five thousand log rows) is one
 * transaction without stalling the main process. Messages: `{id, batch}` in, `{id, result}` or
 * `{id, error}` out. The worker is the only writer of the mirror while a sync runs; the main
 * connection keeps reading (WAL).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WriteBatch } from './write-batch';
import { createBatchExecutor } from './write-executor';
import { threadCpuMs } from './thread-cpu';
import { waitForAppWrites } from '../db/write-turns';

export interface WriteWorkerData {
  dbFile: string;
  instanceId: string;
  /** The app connection's write counter (db/write-turns.ts): the worker gives way while it is raised. */
  turns?: SharedArrayBuffer;
  /** For the tsx bootstrap (write-worker-boot.mjs): the module to load. */
  entry?: string;
}

const { dbFile, instanceId, turns } = workerData as WriteWorkerData;
const db = new Database(dbFile, { fileMustExist: true });
// The same settings as the app's connection (db/open.ts): the file is already in WAL mode.
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
// A connection of its own, so it can be tuned for bulk writes without touching the app's: a 64 MB
// page cache keeps the indexes' hot pages. Its checkpoints run between transactions (the executor
// starts one every second or so of writing) rather than inside a commit, so they never lengthen
// a transaction; a page that many transactions touch is still copied back once per checkpoint.
db.pragma('cache_size = -65536');
db.pragma('wal_autocheckpoint = 0');
/** Times the worker waited for the app's connection to write first, and how long in all. */
const gaveWay = { times: 0, ms: 0 };
const execute = createBatchExecutor(db, instanceId, {
  checkpoints: true,
  ...(turns
    ? {
        beforeTransaction: () => {
          const turn = waitForAppWrites(turns);
          if (turn.gaveWay) {
            gaveWay.times++;
            gaveWay.ms += turn.ms;
          }
        },
      }
    : {}),
});
const cpuAtStart = threadCpuMs();

type Message = { id: number; batch: WriteBatch } | { id: number; close: true };
type ErrorShape = { name: string; message: string; stack?: string };
const queue: { id: number; batch: WriteBatch }[] = [];
let draining = false;
/** After a failed transaction nothing more is written: a later page's cursor must not pass it. */
let failure: ErrorShape | null = null;

/** Everything queued meanwhile goes in one transaction. */
function drain(): void {
  draining = false;
  const items = queue.splice(0);
  if (items.length === 0) return;
  if (!failure) {
    try {
      const results = execute.many(items.map((i) => i.batch));
      items.forEach((item, k) => parentPort?.postMessage({ id: item.id, result: results[k] }));
      return;
    } catch (e) {
      failure =
        e instanceof Error
          ? { name: e.name, message: e.message, stack: e.stack }
          : { name: 'Error', message: String(e) };
    }
  }
  for (const item of items) parentPort?.postMessage({ id: item.id, error: failure });
}

// Ready: the database is open and the statements are prepared.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (message: Message) => {
  if ('close' in message) {
    drain();
    db.close();
    // This thread did nothing but the writes: its CPU time is theirs.
    const cpu = threadCpuMs();
    parentPort?.postMessage({
      id: message.id,
      closed: true,
      cpuMs: cpu === null || cpuAtStart === null ? null : cpu - cpuAtStart,
      gaveWay,
    });
    return;
  }
  queue.push(message);
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
});
