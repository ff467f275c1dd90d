/**
 * The crash test: a sync in a child process is killed with SIGKILL at 10 random points (after a
 * random number of requests reach the sandbox, plus a random few milliseconds, so kills land
 * between calls, inside page writes and between slices), restarted each time, and finally let
 * finish. The mirror it leaves equals the one a clean sync makes, and no finished page was
 * fetched twice: each kill costs at most the page that was in flight.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { useTempDirs } from '../test-support/temp-dir';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { openDatabase } from '../db/open';
import { latestSyncRun } from '../db/queries/mirror-sync';
import { runSync } from './run-sync';
import { callsTo, dumpMirror, makeSyncClient, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import { openTestDb } from './test-support/test-db';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * Bundled once: a child started through the TypeScript loader takes seconds to start, a bundle a
 * fraction of one. It sits under node_modules so that better-sqlite3 resolves from it.
 */
const childBundle = path.join(here, '..', '..', 'node_modules', '.cache', 'admin-desk-sync-child', 'sync-child.mjs');
beforeAll(async () => {
  await build({ entryPoints: [path.join(here, 'test-support', 'sync-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], outfile: childBundle, logLevel: 'error' });
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

function startChild(config: object): { child: ChildProcess; exited: Promise<number | null>; isDone: () => boolean; output: () => string } {
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
    const dir = tempDir();
    const setup = openTestDb(dir);
    const dbFile = path.join(dir, 'app.sqlite');
    setup.db.close();
    const config = { dbFile, instanceId: setup.instanceId, connection: sb.connection(), ...PAGE };
    const next = random(20261125);

    let kills = 0;
    const killedIn = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const before = sb.requestLog.length;
      const run = startChild(config);
      const after = 1 + Math.floor(next() * 4);
      const extraMs = Math.floor(next() * 25);
      while (!run.isDone() && sb.requestLog.length - before < after) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, extraMs));
      if (!run.isDone()) {
        run.child.kill('SIGKILL');
        kills++;
      }
      const code = await run.exited;
      if (code !== null && code !== 0) throw new Error(`sync child failed: ${run.output()}`);
      // Where it was when killed: the step in progress.
      const { db: peek } = openDatabase(dbFile);
      const step = peek.prepare('SELECT entity FROM sync_cursors WHERE phase IS NOT NULL').pluck().get() as string | undefined;
      peek.close();
      killedIn.add(step ?? 'between steps');
    }
    const last = startChild(config);
    expect(await last.exited, last.output()).toBe(0);
    expect(kills).toBe(10);
    // The kills were spread over the sync, not all in its first call.
    expect(killedIn.size).toBeGreaterThanOrEqual(3);

    const { db } = openDatabase(dbFile);
    expect(latestSyncRun(db, setup.instanceId)).toMatchObject({ state: 'succeeded', kind: 'full' });
    const clean = openTestDb();
    const { client } = makeSyncClient(sb);
    const from = sb.requestLog.length;
    await runSync({ db: clean.db, client, instanceId: clean.instanceId, ...PAGE, ctx: testJob().ctx, logger: silentLogger });
    expect(dumpMirror(db, setup.instanceId)).toEqual(dumpMirror(clean.db, clean.instanceId));
    // A kill loses at most the page in flight: the crashed syncs together made at most one call
    // per kill more than a clean sync (planning aside, which they do not do).
    const cleanCalls = sb.requestLog.length - from;
    expect(from).toBeLessThanOrEqual(cleanCalls + kills);
    expect(callsTo(sb, 'roles.meta', 0) - callsTo(sb, 'roles.meta', from)).toBeLessThanOrEqual(1 + kills);
    db.close();
  }, 90_000);
});
