/**
 * Runs a scan off the main thread: in a worker with its own connection when the database is a
 * file and the worker module is there (compiled `scan-worker.js` beside the bundle, or the source
 * through the tsx bootstrap), else inline (an in-memory database in tests). Progress and cancel
 * cross through messages and a shared flag.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { DB } from '../../db/open';
import { writeTurnsOf } from '../../db/write-turns';
import type { JobContext } from '../../jobs/jobs-service';
import type { Logger } from '../../log/logger';
import { runScan, scanKind, type ScanRequest, type ScanResult } from './scan';
import { markReaderFailed, readerMemory, type ReaderChannel } from './session-reader';
import type { ScanWorkerData } from './scan-worker';

function workerSource(): { url: URL; entry?: string } | null {
  const compiled = new URL('./scan-worker.js', import.meta.url);
  if (compiled.protocol === 'file:' && fs.existsSync(fileURLToPath(compiled))) return { url: compiled };
  const source = new URL('./scan-worker.ts', import.meta.url);
  const boot = new URL('./scan-worker-boot.mjs', import.meta.url);
  if (source.protocol === 'file:' && fs.existsSync(fileURLToPath(source)) && fs.existsSync(fileURLToPath(boot)))
    return { url: boot, entry: source.href };
  return null;
}

/** `logger` hears of a second thread that failed (the scan judged its share itself: slower, same findings). */
export function runScanOffThread(
  db: DB,
  request: ScanRequest,
  ctx: JobContext,
  logger?: Pick<Logger, 'warn'>,
): Promise<ScanResult> {
  const source = db.memory ? null : workerSource();
  if (!source)
    return Promise.resolve(
      runScan(db, request, {
        progress: (d, t, m) => ctx.progress(d, t, m),
        throwIfCancelled: () => ctx.throwIfCancelled(),
      }),
    );
  const cancel = new SharedArrayBuffer(4);
  const turns = writeTurnsOf(db);
  const entry = source.entry ? { entry: source.entry } : {};
  // A full scan reads and judges a share of the people's sessions on a second thread (session-reader.ts).
  const reader = scanKind(db, request) === 'full' ? startReader(source.url, db.name, entry) : null;
  const data: ScanWorkerData = {
    dbFile: db.name,
    request,
    cancel,
    ...(turns ? { turns } : {}),
    ...(reader ? { reader: reader.channel } : {}),
    ...entry,
  };
  const worker = new Worker(source.url, { workerData: data, transferList: reader ? [reader.channel.port] : [] });
  const onAbort = () => Atomics.store(new Int32Array(cancel), 0, 1);
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  // Cancelled before it started: the listener would never hear it.
  if (ctx.signal.aborted) onAbort();
  return new Promise<ScanResult>((resolve, reject) => {
    worker.on(
      'message',
      (m: {
        progress?: { done: number; total: number | null; message: string };
        readerFailed?: string;
        result?: ScanResult;
        error?: { name: string; message: string; stack?: string };
      }) => {
        if (m.progress) ctx.progress(m.progress.done, m.progress.total, m.progress.message);
        else if (m.readerFailed !== undefined)
          logger?.warn("the full scan's second thread failed; the scan judged its share itself", {
            reason: m.readerFailed,
            ...(reader?.crash ? { error: reader.crash } : {}),
          });
        else if (m.result) resolve(m.result);
        else if (m.error)
          reject(Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack }));
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the scan worker stopped (code ${code})`)));
  }).finally(() => {
    ctx.signal.removeEventListener('abort', onAbort);
    void worker.terminate();
    void reader?.worker.terminate();
  });
}

/** The reader thread, waiting for the scan's job; if it stops without answering, the scan judges its share itself. */
function startReader(url: URL, dbFile: string, entry: { entry?: string }) {
  const { port1, port2 } = new MessageChannel();
  const memory = readerMemory();
  const data: ScanWorkerData = { dbFile, reader: { ...memory, port: port2 }, ...entry };
  const worker = new Worker(url, { workerData: data, transferList: [port2] });
  const started: { channel: ReaderChannel; worker: Worker; crash?: unknown } = {
    channel: { ...memory, port: port1 },
    worker,
  };
  worker.on('error', (error) => {
    started.crash = error;
    markReaderFailed(memory.control);
  });
  worker.on('exit', () => markReaderFailed(memory.control));
  return started;
}
