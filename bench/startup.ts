/**
 * bench/startup: opening the app on a real mirror. Prints, asserts nothing.
 *
 * 1. A full sync of a sandbox of 100,000 people (about a million log rows: sessions and access
 *    changes) into a data folder, run by the app's backend in a process of its own started from a
 *    bundle (the code as the app runs it, without tsx's compiler), the sandbox in another: the
 *    peak RSS of the syncing process is printed (target < 500 MB).
 * 2. Start-up, each round in a fresh Node process (modules loaded before the clock starts): the
 *    backend created on the data folder -> ready, then the People screen's first page
 *    (`people:search`, 100 rows by name, with the total) -> answered. Target: under 300 ms. Side
 *    by side, the same on an empty data folder (ready -> `instances:list` answered).
 *
 * Under load: a CPU-busy process runs beside it throughout (bench/support/cpu-load.ts).
 *
 *   npx tsx bench/startup.ts
 *   STARTUP_BENCH_PEOPLE=20000 STARTUP_BENCH_ROUNDS=5 npx tsx bench/startup.ts
 *   STARTUP_BENCH_DATA=<folder> npx tsx bench/startup.ts    keeps the synced data folder there
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBackend, DATABASE_FILE } from '../src-main/backend/backend';
import { bundleEntry } from '../src-main/test-support/bundle-entry';
import { describeLoad, startCpuLoad, type CpuLoad } from './support/cpu-load';
import { startSandboxChild } from './support/sandbox-child';
import type { ChildSync } from './support/sync-child';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PEOPLE = Number(process.env.STARTUP_BENCH_PEOPLE ?? 100_000);
const ROUNDS = Number(process.env.STARTUP_BENCH_ROUNDS ?? 7);
const LATENCY_MS = Number(process.env.STARTUP_BENCH_LATENCY_MS ?? 20);
const KEEP_DATA = process.env.STARTUP_BENCH_DATA;

interface Timing {
  readyMs: number;
  answeredMs: number;
  rows: number;
  total: number;
}

/** In a fresh process: the backend on `dataDir`, then its first answer. */
async function measureOnce(dataDir: string, instanceId: string | null): Promise<Timing> {
  const started = performance.now();
  const backend = await createBackend({ dataDir, consoleLog: false, logLevel: 'warn' });
  const readyMs = performance.now() - started;
  const res = instanceId
    ? await backend.invoke('people:search', { instanceId, limit: 100, offset: 0 })
    : await backend.invoke('instances:list');
  const answeredMs = performance.now() - started;
  if (!res.ok) throw new Error(`first call failed: ${res.error.message}`);
  const data = res.data as { rows?: unknown[]; total?: number } | unknown[];
  await backend.close();
  return {
    readyMs,
    answeredMs,
    rows: Array.isArray(data) ? data.length : (data.rows?.length ?? 0),
    total: Array.isArray(data) ? data.length : (data.total ?? 0),
  };
}

function inChild(dataDir: string, instanceId: string | null): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--measure', dataDir, instanceId ?? ''], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (m) => resolve(m as Timing));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`measuring child exited with ${code}`)));
  });
}

/**
 * A full sync of a sandbox into `dataDir` by the app's backend, in a process of its own started
 * from a bundle (bench/support/sync-child.ts), so its peak RSS is the app code's and not tsx's.
 */
async function syncMirror(dataDir: string) {
  const sandbox = await startSandboxChild({ people: PEOPLE, latencyMs: LATENCY_MS });
  const outDir = fs.mkdtempSync(path.join(REPO_ROOT, 'node_modules', '.cache', 'admin-desk-bench-sync-'));
  try {
    const bundle = await bundleEntry(path.join(REPO_ROOT, 'bench/support/sync-child.ts'), path.join(outDir, 'b'));
    const result = await new Promise<ChildSync>((resolve, reject) => {
      const child = fork(bundle, ['--sync', dataDir, JSON.stringify(sandbox.connection)], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        execArgv: [],
      });
      child.once('message', (m) => resolve(m as ChildSync));
      child.once('error', reject);
      child.once('exit', (code) => code !== 0 && reject(new Error(`the syncing child exited with ${code}`)));
    });
    return { ...result, sizes: sandbox.sizes };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    await sandbox.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function benchStartup(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-startup-'));
  const empty = path.join(root, 'empty');
  // STARTUP_BENCH_DATA keeps the synced folder (bench/search-latency can reuse it: SEARCH_BENCH_DATA).
  const full = KEEP_DATA ?? path.join(root, 'full');
  if (KEEP_DATA) fs.rmSync(KEEP_DATA, { recursive: true, force: true });
  let load: CpuLoad | null = null;
  try {
    load = await startCpuLoad();
    console.log(`bench/startup: ${fmt(PEOPLE)} people; ${describeLoad(load)}`);
    const mirror = await syncMirror(full);
    const dbBytes = fs.statSync(path.join(full, DATABASE_FILE)).size;
    console.log(
      `  full sync into the data folder: ${fmt(mirror.seconds, 1)} s; ${fmt(mirror.people)} people, ${fmt(mirror.logRows)} log rows, ${fmt(dbBytes / 1e6)} MB file`,
    );
    console.log(
      `  peak RSS of the syncing process (bundled code, as the app runs it): ${fmt(mirror.peakRss / 1e6)} MB (${fmt(mirror.rssBefore / 1e6)} MB before it; target < 500 MB)`,
    );
    await (await createBackend({ dataDir: empty, consoleLog: false, logLevel: 'warn' })).close();

    const rounds: { empty: Timing; full: Timing }[] = [];
    for (let i = 0; i < ROUNDS; i++)
      rounds.push({ empty: await inChild(empty, null), full: await inChild(full, mirror.instanceId) });
    const line = (label: string, xs: number[]) =>
      `${label.padEnd(44)} median ${fmt(median(xs), 1).padStart(7)} ms   max ${fmt(Math.max(...xs), 1).padStart(7)} ms`;
    const f = rounds.map((r) => r.full);
    const e = rounds.map((r) => r.empty);
    console.log(`\nStart-up, each of ${ROUNDS} rounds in a fresh process (target: first People page < 300 ms)`);
    console.log(
      `  ${line(
        'empty data folder: backend ready',
        e.map((t) => t.readyMs),
      )}`,
    );
    console.log(
      `  ${line(
        '  first answer (instances:list)',
        e.map((t) => t.answeredMs),
      )}`,
    );
    console.log(
      `  ${line(
        `${fmt(mirror.people)} people, ${fmt(mirror.logRows)} log rows: backend ready`,
        f.map((t) => t.readyMs),
      )}`,
    );
    console.log(
      `  ${line(
        '  first People page answered',
        f.map((t) => t.answeredMs),
      )}`,
    );
    console.log(`  the page held ${f[0]?.rows} rows of ${fmt(f[0]?.total ?? 0)} people`);
    console.log(`  ${describeLoad(load)}`);
  } finally {
    await load?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--measure');
if (at >= 0) {
  const timing = await measureOnce(process.argv[at + 1] as string, process.argv[at + 2] || null);
  process.send?.(timing);
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) await benchStartup();
