/**
 * Runs ask SQL off the main thread: a child process (runner-store.ts) kept for the next question,
 * killed and replaced when a query runs past the time limit. A worker thread cannot do this:
 * terminating one waits for SQLite's loop, which a recursive CTE never leaves.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunReply, RunRequest } from './runner-store';

export interface RunnerOptions {
  dbFile: string;
  timeoutMs?: number;
}

export interface Runner {
  run(req: Omit<RunRequest, 'id' | 'dbFile'>): Promise<Extract<RunReply, { ok: true }>>;
  close(): void;
}

export class RunRefused extends Error {}

function entry(): { file: string; execArgv: string[] } {
  const compiled = fileURLToPath(new URL('./ask-runner.js', import.meta.url));
  if (fs.existsSync(compiled)) return { file: compiled, execArgv: [] };
  return { file: fileURLToPath(new URL('./runner-store.ts', import.meta.url)), execArgv: ['--import', 'tsx'] };
}

export function createRunner({ dbFile, timeoutMs = 5000 }: RunnerOptions): Runner {
  let child: ChildProcess | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { child: ChildProcess; resolve: (r: RunReply) => void; reject: (e: Error) => void }
  >();
  const start = () => {
    const { file, execArgv } = entry();
    const c = fork(file, [], {
      execArgv,
      env: { ...process.env, ADMIN_DESK_ASK_RUNNER: '1', ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    c.on('message', (reply: RunReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      p?.resolve(reply);
    });
    c.on('exit', () => {
      if (child === c) child = null;
      for (const [id, p] of pending)
        if (p.child === c) {
          pending.delete(id);
          p.reject(new RunRefused('The query runner stopped; ask again.'));
        }
    });
    c.unref();
    c.channel?.unref?.();
    return c;
  };
  return {
    async run(req) {
      // A fresh runner gets time to start (the loader) on top of the query's limit.
      const fresh = !child;
      child ??= start();
      const c = child;
      const id = nextId++;
      c.channel?.ref?.();
      const reply = await new Promise<RunReply>((resolve, reject) => {
        const timer = setTimeout(
          () => {
            pending.delete(id);
            c.kill('SIGKILL');
            if (child === c) child = null;
            reject(
              new RunRefused(
                `The query ran longer than ${timeoutMs / 1000} seconds and was stopped. Narrow it down and try again.`,
              ),
            );
          },
          timeoutMs + (fresh ? 10_000 : 0),
        );
        pending.set(id, {
          child: c,
          resolve: (r) => (clearTimeout(timer), resolve(r)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        c.send({ ...req, id, dbFile } satisfies RunRequest);
      }).finally(() => {
        if (pending.size === 0) c.channel?.unref?.();
      });
      if (!reply.ok) throw new RunRefused(reply.message);
      return reply;
    },
    close() {
      child?.kill('SIGKILL');
      child = null;
    },
  };
}
