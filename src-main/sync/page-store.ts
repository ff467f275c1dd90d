/**
 * Where a sync's write batches run: in a worker thread (the default when the database is a file
 * and the worker module can be found), or inline on the main thread (an in-memory database, or no
 * worker build), where pages are written in short slices instead (write-slicer.ts).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DB } from '../db/open';
import { writeTurnsOf } from '../db/write-turns';
import type { Logger } from '../log/logger';
import type { BatchResult, WriteBatch } from './write-batch';
import { createBatchExecutor } from './write-executor';
import type { WriteWorkerData } from './write-worker';

export interface PageStore {
  readonly kind: 'inline' | 'worker';
  commit(batch: WriteBatch): Promise<BatchResult>;
  /**
   * Ends it; a worker tells the CPU time its thread spent (Linux), else null, and how often it
   * waited for the app's connection to write first (null inline, where there is no one to wait for).
   */
  close(): Promise<StoreClosed>;
}

/**
 * `worker`: the compiled worker module's URL (a built app lists src-main/sync/write-worker.ts as
 * an entry of its own and passes the output here); `inline`: never use a worker; `auto` (default):
 * a compiled `write-worker.js` beside this module, else the TypeScript source through the tsx
 * bootstrap when it is there (tests, benchmarks), else inline.
 */
export type WriterOption = 'auto' | 'inline' | { worker: URL };

export interface StoreClosed {
  cpuMs: number | null;
  gaveWay: { times: number; ms: number } | null;
}

export function createInlineStore(db: DB, instanceId: string): PageStore {
  const execute = createBatchExecutor(db, instanceId);
  return {
    kind: 'inline',
    commit: async (batch) => execute(batch),
    close: async () => ({ cpuMs: null, gaveWay: null }),
  };
}

function workerSource(option: WriterOption): { url: URL; entry?: string } | null {
  if (option === 'inline') return null;
  if (option !== 'auto') return { url: option.worker };
  const compiled = new URL('./write-worker.js', import.meta.url);
  if (compiled.protocol === 'file:' && fs.existsSync(fileURLToPath(compiled))) return { url: compiled };
  const source = new URL('./write-worker.ts', import.meta.url);
  const boot = new URL('./write-worker-boot.mjs', import.meta.url);
  if (source.protocol === 'file:' && fs.existsSync(fileURLToPath(source)) && fs.existsSync(fileURLToPath(boot)))
    return { url: boot, entry: source.href };
  return null;
}

export async function createPageStore(
  db: DB,
  instanceId: string,
  option: WriterOption,
  logger: Logger,
): Promise<PageStore> {
  const source = db.memory ? null : workerSource(option);
  if (!source) {
    if (option !== 'inline' && !db.memory)
      logger.warn('no sync write worker found: writing on the main thread in slices');
    return createInlineStore(db, instanceId);
  }
  const turns = writeTurnsOf(db);
  const data: WriteWorkerData = {
    dbFile: db.name,
    instanceId,
    ...(turns ? { turns } : {}),
    ...(source.entry ? { entry: source.entry } : {}),
  };
  const worker = new Worker(source.url, { workerData: data });
  const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  let ready!: () => void;
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the sync write worker exited while starting (code ${code})`)));
  });
  let closed: StoreClosed = { cpuMs: null, gaveWay: null };
  worker.on(
    'message',
    (m: {
      id: number;
      ready?: true;
      result?: BatchResult;
      error?: { name: string; message: string; stack?: string };
      closed?: true;
      cpuMs?: number | null;
      gaveWay?: { times: number; ms: number };
    }) => {
      if (m.ready) return ready();
      if (m.closed) closed = { cpuMs: m.cpuMs ?? null, gaveWay: m.gaveWay ?? null };
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack }));
      else p.resolve(m.result as BatchResult);
    },
  );
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the sync write worker exited (code ${code})`)));
  const send = (message: object) =>
    new Promise<BatchResult>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  // Pages are fetched only once there is somewhere to write them.
  await started;
  return {
    kind: 'worker',
    commit: (batch) => send({ batch }),
    async close() {
      if (!failure) await send({ close: true }).catch(() => undefined);
      await worker.terminate();
      return closed;
    },
  };
}
