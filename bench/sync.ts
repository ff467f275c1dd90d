/**
 * bench/sync: the sync engine against the sandbox at full size (100,000 people, 300 roles,
 * 5,000 organizations, about a million log rows, 150 ms latency per call). Prints, asserts nothing.
 *
 * Under load: a CPU-busy process runs beside it from the first sync to the last figure
 * (bench/support/cpu-load.ts; BENCH_LOAD_PROCESSES=0 for a quiet run). The sandbox runs in a child
 * process at the lowest priority (bench/support/sandbox-child.ts), so what is measured here is the
 * sync's alone.
 *
 * Side by side in one run:
 * - a full sync at the app's default page size, at 1,000 and at the vendor's 10,000 maximum (each
 *   into a fresh database): its calls, planning included, against the floor the page sizes allow;
 *   its SQLite write time against the fair raw baseline (bench/support/raw-insert.ts: the same rows,
 *   the worker's pragmas, indexes dropped and built back, the build counted); its longest write
 *   transaction; what an app's write on the main connection waited meanwhile (one every 50 ms);
 *   the event-loop delay; the peak RSS;
 * - an incremental sync after 500 changes; people search over the mirror.
 *
 * Sizes by environment: SYNC_BENCH_PEOPLE, SYNC_BENCH_ROLES, SYNC_BENCH_LATENCY_MS, SYNC_BENCH_PAGES
 * (comma-separated; default "<app default>,1000,10000"), SYNC_BENCH_LOG_PAGE, SYNC_BENCH_CHANGES,
 * SYNC_BENCH_SEARCHES. Quick run:
 *   SYNC_BENCH_PEOPLE=5000 SYNC_BENCH_LATENCY_MS=20 npx tsx bench/sync.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase, type DB } from '../src-main/db/open';
import { createInstance } from '../src-main/instances/instances-store';
import { DEFAULT_SETTINGS } from '../src-main/instances/settings-store';
import { searchPeople } from '../src-main/mirror/people-store';
import { silentLogger } from '../src-main/log/logger';
import { createMemoryBudget } from '../src-main/smartsimple/client';
import { clientOnSandbox } from '../src-main/smartsimple/sandbox/client-on-sandbox';
import { HOURLY_CALL_LIMIT } from '../src-main/smartsimple/protocol';
import type { SandboxConnection } from '../src-main/smartsimple/sandbox';
import { createWaitRelay, DEFAULT_LOG_PAGE_SIZE, planSync, runSync, type SyncRunResult } from '../src-main/sync';
import type { PlannedPages } from '../src-main/sync/planned-pages';
import { describeLoad, startCpuLoad, type CpuLoad } from './support/cpu-load';
import { rawInsert, type RawInsertResult } from './support/raw-insert';
import { startSandboxChild, type SandboxChild, type SandboxSizes } from './support/sandbox-child';
import { quietJob } from './support/quiet-job';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DEFAULT_PAGE = DEFAULT_SETTINGS.syncPageSize;
const SIZE = {
  people: num('SYNC_BENCH_PEOPLE', 100_000),
  roles: num('SYNC_BENCH_ROLES', 300),
  latencyMs: num('SYNC_BENCH_LATENCY_MS', 150),
  pageSizes: [
    ...new Set((process.env.SYNC_BENCH_PAGES ?? `${DEFAULT_PAGE},1000,10000`).split(',').map((s) => Number(s.trim()))),
  ],
  logPageSize: num('SYNC_BENCH_LOG_PAGE', DEFAULT_LOG_PAGE_SIZE),
  changes: num('SYNC_BENCH_CHANGES', 500),
  searches: num('SYNC_BENCH_SEARCHES', 200),
};
/** How often the "app" writes on the main connection while a sync runs. */
const PROBE_EVERY_MS = 50;

// ---------------------------------------------------------------- measuring

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const row = (label: string, values: string[], note = '') =>
  console.log(`  ${label.padEnd(40)} ${values.map((v) => v.padStart(22)).join('')}  ${note}`);

/** An app's own small write on the main connection every PROBE_EVERY_MS: how long each took. */
function probeMainWrites(db: DB) {
  const write = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('bench.probe', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  const times: number[] = [];
  let failures = 0;
  let n = 0;
  const timer = setInterval(() => {
    const started = performance.now();
    try {
      write.run(String(n++));
      times.push(performance.now() - started);
    } catch {
      failures++;
    }
  }, PROBE_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      db.prepare("DELETE FROM settings WHERE key = 'bench.probe'").run();
      return { times, failures };
    },
  };
}

/** A fresh app database with the sandbox as its instance, and a client for it. */
function openBench(connection: SandboxConnection, label: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `admin-desk-bench-sync-${label}-`));
  const { db } = openDatabase(path.join(dir, 'app.sqlite'));
  const instance = createInstance(
    db,
    {
      name: 'Bench',
      host: connection.url,
      alias: connection.alias,
      rootCompanyId: connection.rootCompanyId,
      apiVersion: 1,
    },
    { isSandbox: true },
  );
  const waits = createWaitRelay();
  const client = clientOnSandbox(connection, {
    budget: createMemoryBudget({ limit: 1_000_000_000 }),
    logger: silentLogger,
    timeoutMs: 120_000,
    onWait: waits.onWait,
  });
  return { dir, db, instanceId: instance.id, client, waits };
}

const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/** The fewest calls a full sync can make at these page sizes: one per page, plus the roles. */
function floorCalls(sizes: SandboxSizes, pageSize: number): number {
  return (
    1 +
    pages(sizes.organizations, pageSize) +
    pages(sizes.people, pageSize) +
    pages(sizes.programs, pageSize) +
    pages(sizes.assignments, pageSize) +
    pages(sizes.accessEvents, SIZE.logPageSize) +
    pages(sizes.sessions, SIZE.logPageSize)
  );
}

/** A full sync at one page size into a fresh database: planned, run, watched. */
async function fullSyncRun(sandbox: SandboxChild, pageSize: number) {
  const bench = openBench(sandbox.connection, String(pageSize));
  // As the app does: the plan counts with first pages, and the run starts from them.
  const firstPages: PlannedPages = new Map();
  const sync = (mode: 'full' | 'incremental') =>
    runSync({
      db: bench.db,
      client: bench.client,
      instanceId: bench.instanceId,
      mode,
      pageSize,
      logPageSize: SIZE.logPageSize,
      plannedPages: firstPages,
      ctx: quietJob(),
      logger: silentLogger,
      waits: bench.waits,
    });
  const plan = await planSync(bench.db, bench.instanceId, bench.client, {
    pageSize,
    logPageSize: SIZE.logPageSize,
    firstPages,
  });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const before = await sandbox.requests();
  const probe = probeMainWrites(bench.db);
  loop.enable();
  const started = performance.now();
  const result = await sync('full');
  const wallMs = performance.now() - started;
  loop.disable();
  const mainWrites = probe.stop();
  clearInterval(rssTimer);
  const calls = (await sandbox.requests()) - before;
  return { pageSize, bench, sync, plan, result, wallMs, calls, loop, peakRss, mainWrites };
}

type FullRun = Awaited<ReturnType<typeof fullSyncRun>>;

/** Keystrokes as someone types a name, plus full names, email starts and organization words. */
function searchQueries(db: DB, instanceId: string, n: number): string[] {
  const people = db
    .prepare(
      `SELECT p.first_name AS f, p.last_name AS l, p.email AS e, o.name AS org FROM mirror_people p
       LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       WHERE p.instance_id = ? ORDER BY (p.id * 7919) % 100003 LIMIT ?`,
    )
    .all(instanceId, n) as { f: string; l: string; e: string; org: string | null }[];
  const queries: string[] = [];
  for (const p of people) {
    for (let k = 1; k <= p.l.length; k++) queries.push(p.l.slice(0, k));
    queries.push(`${p.f} ${p.l}`, `${p.f} ${p.l.slice(0, 2)}`, p.e.slice(0, 6));
    const word = p.org?.split(' ')[0];
    if (word) queries.push(word);
  }
  return queries;
}

function measureSearch(db: DB, instanceId: string) {
  const queries = searchQueries(db, instanceId, SIZE.searches);
  for (const q of queries.slice(0, 50)) searchPeople(db, instanceId, { query: q, limit: 50 });
  const times = queries.map((q) => {
    const t = performance.now();
    searchPeople(db, instanceId, { query: q, limit: 50 });
    return performance.now() - t;
  });
  return { queries, times };
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  console.log(
    `bench/sync: ${fmt(SIZE.people)} people, ${SIZE.roles} roles, ${SIZE.latencyMs} ms latency, pages of ${SIZE.pageSizes.map((s) => fmt(s)).join(' / ')} (logs ${fmt(SIZE.logPageSize)}); the app's default page size is ${fmt(DEFAULT_PAGE)}`,
  );
  const startGen = performance.now();
  const sandbox = await startSandboxChild({ people: SIZE.people, roles: SIZE.roles, latencyMs: SIZE.latencyMs });
  console.log(
    `  sandbox generated in ${fmt((performance.now() - startGen) / 1000, 1)} s: ${JSON.stringify(sandbox.sizes)}`,
  );
  let load: CpuLoad | null = null;
  const runs: FullRun[] = [];
  try {
    load = await startCpuLoad();
    console.log(`  ${describeLoad(load)}`);
    for (const size of SIZE.pageSizes) {
      runs.push(await fullSyncRun(sandbox, size));
      console.log(`  full sync at pages of ${fmt(size)}: done in ${fmt((runs.at(-1)?.wallMs ?? 0) / 1000, 1)} s`);
    }
    const first = runs[0] as FullRun;
    const raw = rawInsert(first.bench.db, first.bench.dir, first.bench.instanceId, 'Bench');

    const { roleChanges } = await sandbox.change(SIZE.changes);
    const beforeInc = await sandbox.requests();
    const incremental = await first.sync('incremental');
    const incCalls = (await sandbox.requests()) - beforeInc;
    const search = measureSearch(first.bench.db, first.bench.instanceId);
    const loadLine = describeLoad(load);

    printFullSyncs(runs, raw, sandbox.sizes);
    printRaw(raw);
    printIncremental(incremental, incCalls, roleChanges, first.pageSize);
    printSearch(search, sandbox.sizes.people);
    console.log(`\n  ${loadLine}`);
  } finally {
    await load?.stop();
    for (const r of runs) {
      r.bench.db.close();
      fs.rmSync(r.bench.dir, { recursive: true, force: true });
    }
    await sandbox.stop();
  }
}

function printFullSyncs(runs: FullRun[], raw: RawInsertResult, sizes: SandboxSizes): void {
  const each = (f: (r: FullRun) => string) => runs.map(f);
  console.log('\nFull sync');
  row(
    'page size',
    each((r) => `${fmt(r.pageSize)}${r.pageSize === DEFAULT_PAGE ? ' (default)' : ''}`),
  );
  row(
    'wall time',
    each((r) => `${fmt(r.wallMs / 1000, 1)} s`),
  );
  row(
    'calls: sync + planning',
    each((r) => `${fmt(r.calls)} + ${fmt(r.plan.planningCalls)}`),
  );
  row(
    '  planned (the plan counts with first pages)',
    each((r) => fmt(r.plan.calls)),
  );
  row(
    '  floor at this page size',
    each((r) => fmt(floorCalls(sizes, r.pageSize))),
  );
  row(
    '  ratio calls / floor, planning included',
    each((r) => fmt((r.calls + r.plan.planningCalls) / floorCalls(sizes, r.pageSize), 3)),
    'target <= 1.05',
  );
  row(
    '  hourly budget it would use',
    each((r) => `${fmt((r.calls + r.plan.planningCalls) / HOURLY_CALL_LIMIT, 2)} h`),
    `at ${fmt(HOURLY_CALL_LIMIT)} calls per rolling hour`,
  );
  printWrites(runs, raw);
}

function printWrites(runs: FullRun[], raw: RawInsertResult): void {
  const each = (f: (r: FullRun) => string) => runs.map(f);
  row(
    'records written',
    each((r) => fmt(r.result.timing.rows)),
  );
  row(
    'SQLite write time, sync',
    each((r) => `${fmt(r.result.timing.writeMs / 1000, 2)} s`),
    `raw baseline: ${fmt(raw.ms / 1000, 2)} s`,
  );
  row(
    '  ratio sync / raw (wall clock)',
    each((r) => fmt(raw.ms / r.result.timing.writeMs, 2)),
    'target >= 0.85',
  );
  const cpu = (ms: number | null) => (ms === null ? 'n/a' : `${fmt(ms / 1000, 2)} s`);
  row(
    '  the same in CPU time',
    each((r) => cpu(r.result.timing.writeCpuMs)),
    `raw baseline: ${cpu(raw.cpuMs)}`,
  );
  row(
    '  ratio sync / raw (CPU time)',
    each((r) =>
      r.result.timing.writeCpuMs && raw.cpuMs !== null ? fmt(raw.cpuMs / r.result.timing.writeCpuMs, 2) : 'n/a',
    ),
  );
  row(
    "  the worker thread's CPU in all",
    each((r) => cpu(r.result.timing.writerCpuMs)),
    'with receiving pages and preparing their values',
  );
  row(
    'write transactions',
    each((r) => fmt(r.result.timing.transactions)),
  );
  row(
    '  p50 / p99',
    each(
      (r) => `${fmt(pct(r.result.timing.transactionMs, 50), 1)} / ${fmt(pct(r.result.timing.transactionMs, 99), 1)} ms`,
    ),
  );
  row(
    '  longest',
    each((r) => `${fmt(r.result.timing.maxWriteMs, 1)} ms`),
    'target < 250 ms',
  );
  for (const r of runs) {
    const slow = r.result.timing.slowWrites;
    console.log(`      at ${fmt(r.pageSize)}: ${r.result.timing.longestWrite}; ${fmt(slow.length)} of 250 ms or more`);
    for (const w of slow.slice(0, 12)) console.log(`        ${fmt(w.ms, 1).padStart(8)} ms  ${w.what}`);
  }
  printAppSide(runs);
}

function printAppSide(runs: FullRun[]): void {
  const each = (f: (r: FullRun) => string) => runs.map(f);
  row(
    'main-connection writes meanwhile',
    each((r) => `${fmt(r.mainWrites.times.length)}, ${fmt(r.mainWrites.failures)} failed`),
    `one every ${PROBE_EVERY_MS} ms`,
  );
  row(
    '  the worker gave way to them',
    each((r) =>
      r.result.timing.gaveWay
        ? `${fmt(r.result.timing.gaveWay.times)} times, ${fmt(r.result.timing.gaveWay.ms / 1000, 2)} s`
        : 'n/a',
    ),
  );
  row(
    '  time each took p50 / p99 / max',
    each(
      (r) =>
        `${fmt(pct(r.mainWrites.times, 50), 1)} / ${fmt(pct(r.mainWrites.times, 99), 1)} / ${fmt(Math.max(0, ...r.mainWrites.times), 0)} ms`,
    ),
  );
  row(
    'event-loop delay p50 / p99 / max',
    each(
      (r) =>
        `${fmt(r.loop.percentile(50) / 1e6, 1)} / ${fmt(r.loop.percentile(99) / 1e6, 1)} / ${fmt(r.loop.max / 1e6, 0)} ms`,
    ),
    'target p99 < 50 ms',
  );
  row(
    'peak RSS of the syncing process',
    each((r) => `${fmt(r.peakRss / 1e6)} MB`),
    'target < 500 MB',
  );
  for (const r of runs)
    console.log(
      `      at ${fmt(r.pageSize)} by entity: ${Object.entries(r.result.timing.byEntity)
        .map(([e, t]) => `${e} ${fmt(t.ms / 1000, 2)} s (CPU ${t.cpuMs === null ? 'n/a' : fmt(t.cpuMs / 1000, 2)})`)
        .join(', ')}`,
    );
}

function printRaw(raw: RawInsertResult): void {
  console.log('\nRaw baseline (same rows, the worker pragmas, indexes dropped and built back, the build counted)');
  console.log(
    `  ${fmt(raw.ms / 1000, 2)} s wall${raw.cpuMs === null ? '' : `, ${fmt(raw.cpuMs / 1000, 2)} s CPU`}; building the indexes back ${fmt(raw.rebuildMs / 1000, 2)} s`,
  );
  console.log(
    `  by table: ${Object.entries(raw.byTable)
      .map(
        ([t, x]) =>
          `${t.replace('mirror_', '')} ${fmt(x.ms / 1000, 2)} s (CPU ${x.cpuMs === null ? 'n/a' : fmt(x.cpuMs / 1000, 2)})`,
      )
      .join(', ')}`,
  );
}

function printIncremental(incremental: SyncRunResult, incCalls: number, roleChanges: number, pageSize: number): void {
  const minimum = 1 + 1 + pages(SIZE.changes, pageSize) + 1 + 1 + pages(roleChanges, SIZE.logPageSize) + 1;
  console.log(`\nIncremental sync after ${SIZE.changes} changes (${roleChanges} with a role added)`);
  row('API calls', [fmt(incCalls)], `minimum ${minimum}, target <= ${minimum + 5}`);
  row('summary', [''], incremental.message);
}

function printSearch({ queries, times }: ReturnType<typeof measureSearch>, people: number): void {
  console.log(`\nSearch over ${fmt(people)} people (${fmt(queries.length)} queries as typed), under the same load`);
  row('p50 / p95 / max', [`${fmt(pct(times, 50), 2)} / ${fmt(pct(times, 95), 2)} / ${fmt(Math.max(...times), 1)} ms`]);
  for (const [label, test] of [
    ['1-2 characters', (q: string) => q.length <= 2],
    ['3+ characters', (q: string) => q.length >= 3],
  ] as const) {
    const xs = queries.map((q, i) => (test(q) ? times[i] : undefined)).filter((x): x is number => x !== undefined);
    row(`  ${label} (${xs.length})`, [`${fmt(pct(xs, 50), 2)} / ${fmt(pct(xs, 95), 2)} ms`]);
  }
}

await main();
