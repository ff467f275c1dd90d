/**
 * bench/sync: the sync engine against the sandbox at full size (100,000 people, 300 roles,
 * 5,000 organizations, about a million log rows, 150 ms latency per call). Prints, asserts nothing.
 *
 * The sandbox runs in a child process, so the event-loop delay measured here is the sync's alone,
 * at the lowest CPU priority: it stands for a server on other machines, and on a 2-core box its
 * page queries would otherwise take the CPU from the writes being timed.
 * Its hourly limit is raised so the run is not hours long; the budget it would use is printed.
 * Side by side in one run: the sync's SQLite write rate and a raw better-sqlite3 bulk insert of
 * the same rows into a fresh database of the same schema.
 *
 * Sizes by environment: SYNC_BENCH_PEOPLE, SYNC_BENCH_ROLES, SYNC_BENCH_LATENCY_MS, SYNC_BENCH_PAGE,
 * SYNC_BENCH_LOG_PAGE, SYNC_BENCH_CHANGES, SYNC_BENCH_SEARCHES. Quick run:
 *   SYNC_BENCH_PEOPLE=5000 SYNC_BENCH_LATENCY_MS=20 npx tsx bench/sync.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DB } from '../src-main/db/open';
import { createInstance } from '../src-main/instances/instances-store';
import { searchPeople } from '../src-main/mirror/people-store';
import type { JobContext } from '../src-main/jobs/jobs-service';
import { silentLogger } from '../src-main/log/logger';
import { createMemoryBudget } from '../src-main/smartsimple/client';
import { clientOnSandbox } from '../src-main/smartsimple/sandbox/client-on-sandbox';
import { HOURLY_CALL_LIMIT } from '../src-main/smartsimple/protocol';
import type { SandboxConnection, SandboxHandle } from '../src-main/smartsimple/sandbox';
import { startSandbox } from '../src-main/smartsimple/sandbox';
import { createWaitRelay, planSync, runSync, type SyncRunResult } from '../src-main/sync';
import { threadCpuMs } from '../src-main/sync/thread-cpu';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZE = {
  people: num('SYNC_BENCH_PEOPLE', 100_000),
  roles: num('SYNC_BENCH_ROLES', 300),
  latencyMs: num('SYNC_BENCH_LATENCY_MS', 150),
  pageSize: num('SYNC_BENCH_PAGE', 1000),
  logPageSize: num('SYNC_BENCH_LOG_PAGE', 5000),
  changes: num('SYNC_BENCH_CHANGES', 500),
  searches: num('SYNC_BENCH_SEARCHES', 200),
};

interface Sizes {
  people: number;
  organizations: number;
  roles: number;
  programs: number;
  assignments: number;
  accessEvents: number;
  sessions: number;
}
type Request = { type: 'start' } | { type: 'change'; n: number } | { type: 'requests' } | { type: 'stop' };
type Reply =
  | { type: 'started'; connection: SandboxConnection; sizes: Sizes }
  | { type: 'changed'; roleChanges: number }
  | { type: 'requests'; count: number };

// ---------------------------------------------------------------- the sandbox, in a child process

function sizesOf(sb: SandboxHandle): Sizes {
  const { data } = sb.state;
  const live = new Set(data.people.filter((p) => !p.deleted).map((p) => p.id));
  const programs = new Set(data.programs.filter((p) => !p.deleted).map((p) => p.id));
  return {
    people: live.size,
    organizations: data.companies.filter((c) => !c.deleted).length,
    roles: data.roles.length,
    programs: programs.size,
    assignments: data.associations.filter((a) => !a.removed && programs.has(a.objectId) && live.has(a.contactId))
      .length,
    accessEvents: data.accessLog.length,
    sessions: data.sessions.length,
  };
}

/** `n` people changed on the server: titles, and a profile role added for every fifth (logged). */
function change(sb: SandboxHandle, n: number): number {
  const { state, clock } = sb;
  const people = state.data.people.filter((p) => !p.deleted && p.accessType !== '5');
  const role =
    state.data.roles.find((r) => !r.utaOnly && r.name === 'Report Viewer') ?? state.data.roles.find((r) => !r.utaOnly);
  let roleChanges = 0;
  for (let i = 0; i < n; i++) {
    const p = people[Math.floor((i * people.length) / n)];
    if (!p) continue;
    const now = clock.now();
    p.title = `${p.title} (acting)`;
    if (i % 5 === 0 && role && !p.roleIds.includes(role.id)) {
      p.roleIds = [...p.roleIds, role.id].sort((a, b) => a - b);
      state.logAccess(p.id, 'role_added', state.data.apiAccount.personId, now, `,${role.id},`);
      roleChanges++;
    }
    p.lastUpdated = now;
  }
  state.touch();
  return roleChanges;
}

async function sandboxChild(): Promise<void> {
  let sb: SandboxHandle | undefined;
  const reply = (r: Reply) => process.send?.(r);
  process.on('message', (message: Request) => {
    void (async () => {
      if (message.type === 'start') {
        sb = await startSandbox({
          seed: 42,
          people: SIZE.people,
          roles: SIZE.roles,
          latencyMs: SIZE.latencyMs,
          hourlyLimit: 1_000_000_000,
          clock: 'system',
        });
        reply({ type: 'started', connection: sb.connection(), sizes: sizesOf(sb) });
      } else if (message.type === 'change' && sb) {
        reply({ type: 'changed', roleChanges: change(sb, message.n) });
      } else if (message.type === 'requests' && sb) {
        reply({ type: 'requests', count: sb.requestLog.length });
      } else if (message.type === 'stop') {
        await sb?.close();
        process.exit(0);
      }
    })();
  });
}

function ask<T extends Reply['type']>(
  child: ChildProcess,
  request: Request,
  type: T,
): Promise<Extract<Reply, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (r: Reply) => {
      if (r.type !== type) return;
      child.off('message', onMessage);
      resolve(r as Extract<Reply, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

// ---------------------------------------------------------------- measuring

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const row = (label: string, value: string, note = '') =>
  console.log(`  ${label.padEnd(44)} ${value.padStart(18)}  ${note}`);

/** The latest progress message, for SYNC_BENCH_LAG's report of where a long stall happened. */
let lastProgress = '';
const quietJob = (): JobContext => ({
  signal: new AbortController().signal,
  progress: (_d, _t, m) => void (lastProgress = m ?? lastProgress),
  throwIfCancelled: () => {},
});

/** SYNC_BENCH_LAG=1: prints every event-loop stall over 200 ms with what the sync was doing. */
function watchStalls(): () => void {
  if (!process.env.SYNC_BENCH_LAG) return () => {};
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > 200) console.log(`  stall ${fmt(now - last)} ms during: ${lastProgress}`);
    last = now;
  }, 10);
  return () => clearInterval(timer);
}

/** Rows of each mirror table, read back as value arrays for the raw insert. */
const COPY: readonly { table: string; columns: string }[] = [
  { table: 'mirror_instances', columns: 'instance_id, ordinal' },
  {
    table: 'mirror_organizations',
    columns: 'instance_id, id, parent_id, name, is_external, status, last_updated, raw, deleted_at',
  },
  {
    table: 'mirror_roles',
    columns: 'instance_id, id, name, description, uta_only, privileged, privileged_set_at, raw, deleted_at',
  },
  {
    table: 'mirror_people',
    columns:
      'key, instance_id, id, first_name, last_name, email, title, phone, company_id, is_external, role_ids, access_type, user_type, status, access_expiry, department, manager_id, last_login, last_updated, created, deleted_at',
  },
  { table: 'mirror_people_raw', columns: 'key, raw' },
  { table: 'mirror_role_holdings', columns: 'instance_id, role_id, person_id' },
  { table: 'mirror_programs', columns: 'instance_id, id, name, status, type, owner_id, last_updated, raw, deleted_at' },
  {
    table: 'mirror_program_assignments',
    columns: 'instance_id, association_id, program_id, person_id, role_id, role_name, raw, deleted_at',
  },
  {
    table: 'mirror_access_events',
    columns: 'key, instance_id, event_id, user_key, user_id, action, detail, changed_by, at',
  },
  {
    table: 'mirror_login_sessions',
    columns: 'key, instance_id, session_id, user_key, user_id, started_at, ended_at, ip, user_agent',
  },
];

/** A raw bulk insert of the mirror's rows into a fresh database of the same schema: one prepared statement and one transaction per table. */
function rawInsert(
  source: DB,
  dir: string,
  instanceId: string,
  instanceName: string,
): { ms: number; cpuMs: number | null; byTable: Record<string, number> } {
  const { db } = openDatabase(path.join(dir, 'raw.sqlite'));
  createInstance(db, { name: instanceName, host: 'http://127.0.0.1:1', alias: 'x', rootCompanyId: '1', apiVersion: 1 });
  db.prepare('UPDATE instances SET id = ?').run(instanceId);
  let ms = 0;
  let cpuMs: number | null = 0;
  const byTable: Record<string, number> = {};
  for (const { table, columns } of COPY) {
    const rows = source.prepare(`SELECT ${columns} FROM ${table}`).raw(true).all() as unknown[][];
    const insert = db.prepare(
      `INSERT INTO ${table} (${columns}) VALUES (${columns
        .split(',')
        .map(() => '?')
        .join(', ')})`,
    );
    const start = performance.now();
    const cpuStart = threadCpuMs();
    db.transaction(() => {
      for (const r of rows) insert.run(...r);
    })();
    const cpuEnd = threadCpuMs();
    cpuMs = cpuMs === null || cpuStart === null || cpuEnd === null ? null : cpuMs + (cpuEnd - cpuStart);
    byTable[table] = performance.now() - start;
    ms += byTable[table];
  }
  db.close();
  return { ms, cpuMs, byTable };
}

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

function describeCalls(result: SyncRunResult): string {
  return `${fmt(result.summary.calls)} calls, ${fmt(result.summary.records)} records`;
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  console.log(
    `bench/sync: ${fmt(SIZE.people)} people, ${SIZE.roles} roles, ${SIZE.latencyMs} ms latency, page ${SIZE.pageSize} (logs ${SIZE.logPageSize})`,
  );
  const child = fork(fileURLToPath(import.meta.url), ['--sandbox'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (child.pid) os.setPriority(child.pid, 19);
  const startGen = performance.now();
  const { connection, sizes } = await ask(child, { type: 'start' }, 'started');
  console.log(`  sandbox generated in ${fmt((performance.now() - startGen) / 1000, 1)} s: ${JSON.stringify(sizes)}`);
  const requests = async () => (await ask(child, { type: 'requests' }, 'requests')).count;
  const { dir, db, instanceId, client, sync } = openBench(connection);

  // Planned, then run, with the event loop and memory watched.
  const plan = await planSync(db, instanceId, client, { pageSize: SIZE.pageSize, logPageSize: SIZE.logPageSize });
  const full = await measureFullSync(sync, requests);
  const raw = rawInsert(db, dir, instanceId, 'Bench');

  // 500 changes on the server, then an incremental sync.
  const { roleChanges } = await ask(child, { type: 'change', n: SIZE.changes }, 'changed');
  const beforeInc = await requests();
  const incremental = await sync('incremental');
  const incCalls = (await requests()) - beforeInc;

  const search = measureSearch(db, instanceId);

  printFullSync(full, plan, raw, minimumCalls(sizes));
  printIncremental(incremental, incCalls, roleChanges);
  printSearch(search, sizes.people);

  db.close();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' } satisfies Request);
  await exited;
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh app database with the sandbox as its instance, a client for it, and a sync of it. */
function openBench(connection: SandboxConnection) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-sync-'));
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
  const budget = createMemoryBudget({ limit: 1_000_000_000 });
  const waits = createWaitRelay();
  const client = clientOnSandbox(connection, {
    budget,
    logger: silentLogger,
    timeoutMs: 120_000,
    onWait: waits.onWait,
  });
  const sync = (mode: 'full' | 'incremental') =>
    runSync({
      db,
      client,
      instanceId: instance.id,
      mode,
      pageSize: SIZE.pageSize,
      logPageSize: SIZE.logPageSize,
      ctx: quietJob(),
      logger: silentLogger,
      waits,
    });
  return { dir, db, instanceId: instance.id, client, sync };
}

const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/** The fewest calls a full sync can make at these page sizes: one per page, plus the roles. */
function minimumCalls(sizes: Sizes): number {
  return (
    1 +
    pages(sizes.organizations, SIZE.pageSize) +
    pages(sizes.people, SIZE.pageSize) +
    pages(sizes.programs, SIZE.pageSize) +
    pages(sizes.assignments, SIZE.pageSize) +
    pages(sizes.accessEvents, SIZE.logPageSize) +
    pages(sizes.sessions, SIZE.logPageSize)
  );
}

type FullSyncRun = Awaited<ReturnType<typeof measureFullSync>>;

async function measureFullSync(sync: (mode: 'full') => Promise<SyncRunResult>, requests: () => Promise<number>) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const before = await requests();
  loop.enable();
  const stopWatching = watchStalls();
  const started = performance.now();
  const result = await sync('full');
  const wallMs = performance.now() - started;
  stopWatching();
  loop.disable();
  clearInterval(rssTimer);
  const calls = (await requests()) - before;
  return { result, wallMs, calls, loop, peakRss };
}

/** Search over the mirror, as typed: with the app's connection as db/open.ts makes it, then with
 * a 64 MB page cache (SQLite's default is 2 MB; the search index alone is ~30 MB at 100,000). */
function measureSearch(db: DB, instanceId: string) {
  const queries = searchQueries(db, instanceId, SIZE.searches);
  const timeSearches = () => {
    for (const q of queries.slice(0, 50)) searchPeople(db, instanceId, { query: q, limit: 50 });
    return queries.map((q) => {
      const t = performance.now();
      searchPeople(db, instanceId, { query: q, limit: 50 });
      return performance.now() - t;
    });
  };
  const times = timeSearches();
  db.pragma('cache_size = -65536');
  const timesBigCache = timeSearches();
  return { queries, times, timesBigCache };
}

function printFullSync(
  { result: full, wallMs, calls: fullCalls, loop, peakRss }: FullSyncRun,
  plan: Awaited<ReturnType<typeof planSync>>,
  raw: ReturnType<typeof rawInsert>,
  minimum: number,
): void {
  const rawMs = raw.ms;
  const syncRate = full.timing.rows / (full.timing.writeMs / 1000);
  const rawRate = full.timing.rows / (rawMs / 1000);
  console.log('\nFull sync');
  row('wall time', `${fmt(wallMs / 1000, 1)} s`, describeCalls(full));
  row('planned calls (plan made with countOnly)', fmt(plan.calls), `${plan.planningCalls} planning calls`);
  row('API calls made by the sync', fmt(fullCalls), `minimum the page sizes allow: ${fmt(minimum)}`);
  row('  ratio calls / minimum', fmt(fullCalls / minimum, 3), 'target <= 1.1');
  row(
    '  hourly budget it would use',
    `${fmt((fullCalls + plan.planningCalls) / HOURLY_CALL_LIMIT, 2)} h`,
    `at ${fmt(HOURLY_CALL_LIMIT)} calls per rolling hour`,
  );
  row(
    'SQLite write rate, sync',
    `${fmt(syncRate)} rows/s`,
    `${fmt(full.timing.rows)} rows in ${fmt(full.timing.writeMs / 1000, 1)} s of writes, ${fmt(full.timing.transactions)} transactions`,
  );
  row(
    'SQLite write rate, raw bulk insert',
    `${fmt(rawRate)} rows/s`,
    `same rows, same schema, one transaction per table: ${fmt(rawMs / 1000, 1)} s`,
  );
  row('  ratio sync / raw (wall clock)', fmt(syncRate / rawRate, 2), 'target >= 0.5');
  printCpuRates(full, raw);
  for (const [entity, t] of Object.entries(full.timing.byEntity))
    row(`  ${entity}`, `${fmt(t.rows / (t.ms / 1000))} rows/s`, `${fmt(t.rows)} rows, ${fmt(t.ms / 1000, 2)} s`);
  row(
    '  raw insert by table',
    Object.entries(raw.byTable)
      .map(([t, ms]) => `${t.replace('mirror_', '')} ${fmt(ms / 1000, 2)} s`)
      .join(', '),
  );
  row('longest write transaction', `${fmt(full.timing.maxWriteMs, 1)} ms`);
  row(
    'event-loop delay p50 / p99 / max',
    `${fmt(loop.percentile(50) / 1e6, 1)} / ${fmt(loop.percentile(99) / 1e6, 1)} / ${fmt(loop.max / 1e6, 1)} ms`,
    'target p99 < 50 ms',
  );
  row('peak RSS of the syncing process', `${fmt(peakRss / 1e6)} MB`);
}

function printCpuRates(full: SyncRunResult, raw: ReturnType<typeof rawInsert>): void {
  if (full.timing.writerCpuMs === null || raw.cpuMs === null) return;
  // Wall-clock time of the sync's writes includes waiting for a CPU the fetches, the JSON
  // parsing and the sandbox also want (2 cores here); thread CPU time is the writes' own work.
  const syncCpuRate = full.timing.rows / (full.timing.writerCpuMs / 1000);
  const rawCpuRate = full.timing.rows / (raw.cpuMs / 1000);
  row(
    'SQLite write rate by thread CPU, sync / raw',
    `${fmt(syncCpuRate)} / ${fmt(rawCpuRate)} rows/s`,
    `${fmt(full.timing.writerCpuMs / 1000, 1)} s / ${fmt(raw.cpuMs / 1000, 1)} s of CPU`,
  );
  row('  ratio sync / raw (thread CPU)', fmt(syncCpuRate / rawCpuRate, 2), 'target >= 0.5');
}

function printIncremental(incremental: SyncRunResult, incCalls: number, roleChanges: number): void {
  const incMinimum = 1 + 1 + pages(SIZE.changes, SIZE.pageSize) + 1 + 1 + pages(roleChanges, SIZE.logPageSize) + 1;
  console.log(`\nIncremental sync after ${SIZE.changes} changes (${roleChanges} with a role added)`);
  row('API calls', fmt(incCalls), `minimum ${incMinimum}, target <= ${incMinimum + 5}`);
  row('summary', incremental.message);
}

function printSearch({ queries, times, timesBigCache }: ReturnType<typeof measureSearch>, people: number): void {
  console.log(`\nSearch over ${fmt(people)} people (${fmt(queries.length)} queries as typed)`);
  row(
    'p50 / p95 / max',
    `${fmt(pct(times, 50), 2)} / ${fmt(pct(times, 95), 2)} / ${fmt(Math.max(...times), 1)} ms`,
    'target p95 < 10 ms',
  );
  row(
    '  with a 64 MB page cache',
    `${fmt(pct(timesBigCache, 50), 2)} / ${fmt(pct(timesBigCache, 95), 2)} / ${fmt(Math.max(...timesBigCache), 1)} ms`,
  );
  for (const [label, test] of [
    ['1-2 characters', (q: string) => q.length <= 2],
    ['3+ characters', (q: string) => q.length >= 3],
  ] as const) {
    const xs = queries.map((q, i) => (test(q) ? times[i] : undefined)).filter((x): x is number => x !== undefined);
    row(`  ${label} (${xs.length})`, `${fmt(pct(xs, 50), 2)} / ${fmt(pct(xs, 95), 2)} ms`);
  }
}

if (process.argv.includes('--sandbox')) await sandboxChild();
else await main();
