/**
 * The scan worker: a scan on a thread of its own, over its own connection to the app's database
 * file, so reading a million log rows never stalls the main process. In: `{request, cancel}` (a
 * shared flag main sets to cancel). Out: `{progress}` messages, then `{result}` or `{error}`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScan, type ScanRequest } from './scan';
import { openScanConnection } from './scan-store';
import { waitForAppWrites } from '../../db/write-turns';

export interface ScanWorkerData {
  dbFile: string;
  request: ScanRequest;
  /** Int32Array over a SharedArrayBuffer: [0] becomes 1 when main cancels. */
  cancel: SharedArrayBuffer;
  /** The app connection's write counter (db/write-turns.ts): the save waits while it is raised. */
  turns?: SharedArrayBuffer;
  /** For the tsx bootstrap (scan-worker-boot.mjs): the module to load. */
  entry?: string;
}

const { dbFile, request, cancel, turns } = workerData as ScanWorkerData;
const flag = new Int32Array(cancel);
const db = openScanConnection(dbFile);

let last = 0;
try {
  const result = runScan(db, request, {
    progress(done, total, message) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      parentPort?.postMessage({ progress: { done, total, message } });
    },
    throwIfCancelled() {
      if (Atomics.load(flag, 0) === 1)
        throw Object.assign(new Error('The scan was cancelled.'), { name: 'AbortError' });
    },
    beforeSave() {
      if (turns) waitForAppWrites(turns);
    },
  });
  parentPort?.postMessage({ result });
} catch (e) {
  const error =
    e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
  parentPort?.postMessage({ error });
} finally {
  db.close();
}
