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
import { createBatchExecutor } from './write-batch';

export interface WriteWorkerData {
  dbFile: string;
  instanceId: string;
  /** For the tsx bootstrap (write-worker-boot.mjs): the module to load. */
  entry?: string;
}

const { dbFile, instanceId } = workerData as WriteWorkerData;
const db = new Database(dbFile, { fileMustExist: true });
// The same settings as the app's connection (db/open.ts): the file is already in WAL mode.
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const execute = createBatchExecutor(db, instanceId);

parentPort?.on('message', (message: { id: number; batch: WriteBatch } | { id: number; close: true }) => {
  if ('close' in message) {
    db.close();
    parentPort?.postMessage({ id: message.id, closed: true });
    return;
  }
  try {
    parentPort?.postMessage({ id: message.id, result: execute(message.batch) });
  } catch (e) {
    const error = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
    parentPort?.postMessage({ id: message.id, error });
  }
});
