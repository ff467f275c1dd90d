/**
 * The main side of the intake worker: started on first use, one request at a time in order, and
 * stopped after a minute without work (the OCR engine holds about 100 MB) or when the backend
 * closes. A worker that dies fails what it was doing with a plain message; the next call starts
 * a new one.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, type ErrorCode } from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../log/logger';
import type { TaskName, WorkerTasks } from './intake-worker';

export interface IntakeWorker {
  call<K extends TaskName>(task: K, args: WorkerTasks[K]['args']): Promise<WorkerTasks[K]['result']>;
  close(): Promise<void>;
}

const IDLE_MS = 60_000;

function workerSource(): { url: URL; entry?: string } {
  const compiled = new URL('./intake-worker.js', import.meta.url);
  if (compiled.protocol === 'file:' && fs.existsSync(fileURLToPath(compiled))) return { url: compiled };
  return {
    url: new URL('./worker-boot.mjs', import.meta.url),
    entry: new URL('./intake-worker.ts', import.meta.url).href,
  };
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
}

export function createIntakeWorker(logger?: Logger): IntakeWorker {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const start = () => {
    const source = workerSource();
    const w = new Worker(source.url, { workerData: source.entry ? { entry: source.entry } : {} });
    w.on(
      'message',
      (m: { id: number; result?: unknown; error?: { name: string; message: string; code?: unknown } }) => {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        const e = m.error;
        if (e)
          p.reject(
            typeof e.code === 'string' && (ERROR_CODES as readonly string[]).includes(e.code)
              ? new AppError(e.code as ErrorCode, e.message)
              : Object.assign(new Error(e.message), { name: e.name }),
          );
        else p.resolve(m.result as never);
        if (pending.size === 0) armIdle();
      },
    );
    w.on('error', (e) => {
      logger?.error('intake worker failed', { error: e });
      failAll(new Error(`The document reader stopped unexpectedly (${e.message}).`));
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('The document reader stopped before it finished.'));
    });
    return w;
  };
  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void stop(), IDLE_MS);
    idle.unref();
  };
  const stop = async () => {
    if (idle) clearTimeout(idle);
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  };
  return {
    call(task, args) {
      if (idle) clearTimeout(idle);
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: never) => void, reject });
        w.postMessage({ id, task, args });
      });
    },
    close: stop,
  };
}
