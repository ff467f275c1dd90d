/**
 * The crash test: a sync in a child process is killed with SIGKILL at 10 random points (after a
 * random number of requests reach the sandbox, plus a random few milliseconds, so kills land
 * between calls, inside page writes and between slices), restarted each time, and finally let
 * finish. The mirror it leaves equals the one a clean sync makes, and no finished page was
 * fetched twice: each kill costs at most the pages that were in flight.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { useTempDirs } from '../test-support/temp-dir';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { openDatabase } from '../db/open';
import { latestSyncRun } from './store';
import { WORKER_WINDOW } from './pass';
import { runSync } from './run-sync';
import { dumpMirror, makeSyncClient, mirrorIndexes, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import { openTestDb } from './test-support/test-db';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * Bundled once: a child started through the TypeScript loader takes seconds to start, a bundle a
 * fraction of one. It sits under node_modules so that better-sqlite3 resolves from it.
 */
const childBundle = path.join(here, '..', '..', 'node_modules', '.cache', 'admin-desk-sync-child', 'sync-child.mjs');
beforeAll(async () => {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  };
  await build({ ...common, entryPoints: [path.join(here, 'test-support', 'sync-child.ts')], outfile: childBundle });
  // Beside the child, where page-store.ts looks for a compiled write worker.
  await build({
    ...common,
    entryPoints: [path.join(here, 'write-worker.ts')],
    outfile: path.join(path.dirname(childBundle), 'write-worker.js'),
  });
});
const tempDir = useTempDirs();
const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

/** A small deterministic generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PAGE = { pageSize: 25, logPageSize: 300 };

function startChild(config: object): {
  child: ChildProcess;
  exited: Promise<number | null>;
  isDone: () => boolean;
  output: () => string;
} {
  const child = spawn(process.execPath, [childBundle], {
    env: { ...process.env, SYNC_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  let done = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((done = true), resolve(code))));
  return { child, exited, isDone: () => done, output: () => out };
}

describe('crash', () => {
  it('survives SIGKILL at 10 random points and ends with the mirror of a clean sync', async () => {
    const sb = await startSyncSandbox();
    sandboxes.push(sb);
    // The clean sync first: its mirror is the reference, its calls say how long a sync is.
    const clean = openTestDb();
    const { client } = makeSyncClient(sb);
    await runSync({
      db: clean.db,
      client,
      instanceId: clean.instanceId,
      ...PAGE,
      ctx: testJob().ctx,
      logger: silentLogger,
    });
    const cleanCalls = sb.requestLog.length;

    const dir = tempDir();
    const setup = openTestDb(dir);
    const dbFile = path.join(dir, 'app.sqlite');
    setup.db.close();
    const config = { dbFile, instanceId: setup.instanceId, connection: sb.connection(), ...PAGE };
    const next = random(20261125);
    const from = sb.requestLog.length;

    let kills = 0;
    const killedIn = new Set<string>();
    for (let round = 0; round < 10; round++) {
      // Kill points spread over the whole sync: after about (round + 1) / 11 of its calls, give or
      // take, plus 0-25 ms so a kill may land while the response is parsed or the page written.
      const target = from + Math.max(1, Math.round(((round + 1 + (next() - 0.5)) * cleanCalls) / 11));
      const extraMs = Math.floor(next() * 25);
      const run = startChild(config);
      while (!run.isDone() && sb.requestLog.length < target) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, extraMs));
      if (!run.isDone()) {
        run.child.kill('SIGKILL');
        kills++;
      }
      const code = await run.exited;
      if (code !== null && code !== 0) throw new Error(`sync child failed: ${run.output()}`);
      // Where it was when killed: the pass in progress and its committed pages.
      const { db: peek } = openDatabase(dbFile);
      const at = peek.prepare('SELECT entity, pages FROM sync_cursors WHERE phase IS NOT NULL').get() as
        { entity: string; pages: number } | undefined;
      killedIn.add(at ? `${at.entity}:${at.pages}` : 'between steps');
      peek.close();
    }
    const last = startChild(config);
    expect(await last.exited, last.output()).toBe(0);
    // The child wrote through the compiled write worker, not inline.
    expect(last.output()).toContain('"writer":"worker"');
    expect(kills).toBe(10);
    // The kills landed at different places: the sync moved on between them. How many distinct
    // places depends on the machine's speed (a restarted child spends calls on its plan before
    // the next kill point), so the floor is four: all kills in one or two places would still fail.
    expect(killedIn.size).toBeGreaterThanOrEqual(4);

    const { db } = openDatabase(dbFile);
    expect(latestSyncRun(db, setup.instanceId)).toMatchObject({ state: 'succeeded', kind: 'full' });
    expect(dumpMirror(db, setup.instanceId)).toEqual(dumpMirror(clean.db, clean.instanceId));
    // Indexes dropped for the bulk load are back, whatever the kills interrupted.
    expect(mirrorIndexes(db)).toEqual(mirrorIndexes(clean.db));
    expect(db.prepare('SELECT count(*) FROM sync_deferred_indexes').pluck().get()).toBe(0);
    // A kill loses at most the pages in flight (handed to the writer, or fetched ahead): together
    // the crashed syncs made at most that many calls per kill more than the clean sync.
    expect(sb.requestLog.length - from).toBeLessThanOrEqual(cleanCalls + (WORKER_WINDOW + 1) * kills);
    db.close();
    // Eleven child processes: generous for a loaded machine, still finite for a real hang.
  }, 600_000);
});
