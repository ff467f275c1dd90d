/**
 * The scan worker: a scan on a thread of its own, over its own connection to the app's database
 * file, so reading a million log rows never stalls the main process. In: `{request, cancel}` (a
 * shared flag main sets to cancel). Out: `{progress}` messages (and `{readerFailed}` when the
 * second thread failed), then `{result}` or `{error}`.
 *
 * The same module, started with `{reader}` and no request, is the scan's second thread: it reads
 * and judges a share of the people's sessions in a full scan (session-reader.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScan, type ScanHooks, type ScanRequest } from './scan';
import { openScanConnection } from './scan-store';
import { partReaderOf, serveShare, type ReaderChannel } from './session-reader';
import { waitForAppWrites } from '../../db/write-turns';

export interface ScanWorkerData {
  dbFile: string;
  /** The scan to run; absent in the reader thread. */
  request?: ScanRequest;
  /** Int32Array over a SharedArrayBuffer: [0] becomes 1 when main cancels. */
  cancel?: SharedArrayBuffer;
  /** The app connection's write counter (db/write-turns.ts): the save waits while it is raised. */
  turns?: SharedArrayBuffer;
  /** The scan's end of its reader thread, or (with no request) the reader's own end. */
  reader?: ReaderChannel;
  /** For the tsx bootstrap (scan-worker-boot.mjs): the module to load. */
  entry?: string;
}

const { dbFile, request, cancel, turns, reader } = workerData as ScanWorkerData;
const db = openScanConnection(dbFile);

function scan(req: ScanRequest, cancelFlag: SharedArrayBuffer): void {
  const flag = new Int32Array(cancelFlag);
  const throwIfCancelled = () => {
    if (Atomics.load(flag, 0) === 1) throw Object.assign(new Error('The scan was cancelled.'), { name: 'AbortError' });
  };
  const partReader = reader
    ? partReaderOf(reader, throwIfCancelled, (message) => parentPort?.postMessage({ readerFailed: message }))
    : undefined;
  let last = 0;
  const hooks: ScanHooks = {
    progress(done, total, message) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      parentPort?.postMessage({ progress: { done, total, message } });
    },
    throwIfCancelled,
    beforeSave() {
      if (turns) waitForAppWrites(turns);
    },
    ...(partReader ? { partReader } : {}),
  };
  try {
    const result = runScan(db, req, hooks);
    parentPort?.postMessage({ result });
  } catch (e) {
    const error =
      e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
    parentPort?.postMessage({ error });
  } finally {
    // An incremental scan never needed it: let it go.
    partReader?.cancel();
  }
}

try {
  if (request && cancel) scan(request, cancel);
  else if (reader) serveShare(db, reader);
} finally {
  db.close();
}
