/**
 * bench/startup: time from creating the backend to the first answered call, with an empty
 * database and with 100,000 rows, measured side by side in one run (median of several rounds,
 * each in a fresh process state as far as Node allows: a new backend on a copied data folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, DATABASE_FILE } from '../src-main/backend/backend';
import { fillDatabase } from './fill-database';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

async function timeFirstCall(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const backend = await createBackend({ dataDir, consoleLog: false });
  const res = await backend.invoke('instances:list', undefined);
  const t1 = performance.now();
  if (!res.ok) throw new Error(`first call failed: ${res.error.message}`);
  await backend.close();
  return t1 - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStartup(): Promise<{ emptyMs: number; fullMs: number; rows: number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-startup-'));
  const empty = path.join(root, 'empty');
  const full = path.join(root, 'full');
  // Create both at the current schema, then fill one.
  for (const dir of [empty, full]) {
    const b = await createBackend({ dataDir: dir, consoleLog: false });
    await b.close();
  }
  const filled = fillDatabase(path.join(full, DATABASE_FILE), ROWS);

  const emptyTimes: number[] = [];
  const fullTimes: number[] = [];
  await timeFirstCall(empty); // warm the module cache so both sides pay the same
  for (let i = 0; i < ROUNDS; i++) {
    emptyTimes.push(await timeFirstCall(empty));
    fullTimes.push(await timeFirstCall(full));
  }
  fs.rmSync(root, { recursive: true, force: true });
  const emptyMs = median(emptyTimes);
  const fullMs = median(fullTimes);
  console.log(`bench/startup: backend created -> first answered call (median of ${ROUNDS})`);
  console.log(`  empty database:            ${emptyMs.toFixed(1)} ms`);
  console.log(`  with ${filled.toLocaleString('en')} rows:        ${fullMs.toFixed(1)} ms`);
  console.log(`  ratio full/empty:          ${(fullMs / emptyMs).toFixed(2)}x`);
  return { emptyMs, fullMs, rows: filled };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStartup();
