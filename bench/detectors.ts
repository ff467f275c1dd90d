/**
 * bench/detectors: the detectors on synced sandbox mirrors of 10,000 and 100,000 people (about a
 * million login sessions at 100,000). Prints, asserts nothing. For each size, side by side in one
 * run:
 *
 * - precision and recall per detector against the sandbox's planted findings (its ground truth),
 *   and, for the detectors with nothing planted, against the detector's definition written as SQL
 *   over the mirror (so the figure says the detector does what it says, not that it is useful);
 * - the full scan (in its worker, as the app runs it) against one raw SQLite scan of the same
 *   session rows (better-sqlite3 iterating the same SELECT, rows read and dropped), and the main
 *   event loop's delay (p99) while the scan runs; beside the raw scan, the same rows read as the
 *   scan reads them (chunks SQLite packs as JSON);
 * - an incremental scan after a sync of 500 changes on the server (400 people edited, every fifth
 *   given a role; 100 new sessions, 5 of them off-hours from new addresses), and whether it found
 *   the 5.
 *
 * The sandbox runs in a child process at the lowest priority, as bench/sync.ts does: it stands
 * for a server elsewhere. Sizes by environment: DETECTORS_BENCH_SIZES (default "10000,100000").
 * Quick run: DETECTORS_BENCH_SIZES=5000 npx tsx bench/detectors.ts
 *
 * DETECTORS_BENCH_SCORES=0 leaves out the precision and recall (the definitions in SQL take
 * minutes). DETECTORS_BENCH_KEEP=DIR keeps a copy of the mirror as it is just before the incremental scan
 * (DIR/detectors-<people>.sqlite, with the scan's request beside it): `bench/detectors-replay.ts`
 * runs that incremental scan again on a fresh copy, without generating and syncing the mirror.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { quietJob } from './support/quiet-job';
import { openDatabase, type DB } from '../src-main/db/open';
import type { PersonKeyRange } from '../src-main/db/mirror-keys';
import { createInstance } from '../src-main/instances/instances-store';
import { silentLogger } from '../src-main/log/logger';
import { createMemoryBudget } from '../src-main/smartsimple/client';
import { clientOnSandbox } from '../src-main/smartsimple/sandbox/client-on-sandbox';
import type { SandboxConnection, SandboxHandle } from '../src-main/smartsimple/sandbox';
import { startSandbox } from '../src-main/smartsimple/sandbox';
import type { GroundTruth } from '../src-main/smartsimple/sandbox/seed/ground-truth';
import { ipFromOctets } from '../src-main/smartsimple/sandbox/log-store';
import { runSync } from '../src-main/sync';
import { DEFAULT_DETECTOR_SETTINGS } from '../src-preload/contract';
import { suggestSodRules } from '../src-main/investigate/detectors/sod-catalogue';
import { runScanOffThread } from '../src-main/investigate/scan/run-in-worker';
import type { ScanRequest, ScanResult } from '../src-main/investigate/scan/scan';
import {
  countSessions,
  keyRange,
  oneSnapshot,
  rawSessionScan,
  sessionChunks,
} from '../src-main/investigate/scan/scan-store';
import { settingsDigest } from '../src-main/investigate/scan-jobs';
import * as oracle from './detectors-oracle';

const SIZES = (process.env.DETECTORS_BENCH_SIZES ?? '10000,100000').split(',').map(Number);

type Request = { type: 'start'; people: number } | { type: 'change'; n: number } | { type: 'stop' };
type Reply =
  | { type: 'started'; connection: SandboxConnection; truth: GroundTruth }
  | { type: 'changed'; planted: { sessionId: string; userId: string }[] };

// ---------------------------------------------------------------- the sandbox, in a child process

/** Minutes a moment is outside someone's working hours (local), 0 inside. */
function minutesOutsideWork(ms: number, habits: { tzOffsetMin: number; workStart: number; workEnd: number }): number {
  const minute = (((Math.floor(ms / 60_000) + habits.tzOffsetMin) % 1440) + 1440) % 1440;
  const [from, to] = [habits.workStart * 60, habits.workEnd * 60];
  if (minute >= from && minute < to) return 0;
  return minute < from ? Math.min(from - minute, minute + 1440 - to) : Math.min(minute - to, from + 1440 - minute);
}

/**
 * 500 changes: 400 people edited (every fifth given a role, logged), then 100 new sessions after
 * the generated logs: 95 of staff inside their working hours from their usual address, and 5
 * of staff at least three hours outside them, from an address never seen.
 */
function change(sb: SandboxHandle, n: number): Reply & { type: 'changed' } {
  const { state, clock } = sb;
  const now = clock.now();
  const people = state.data.people.filter((p) => !p.deleted && p.accessType === '1' && p.status === 'Active');
  const role = state.data.roles.find((r) => !r.utaOnly && r.name === 'Report Viewer');
  const edits = Math.round(n * 0.8);
  for (let i = 0; i < edits; i++) {
    const p = people[Math.floor((i * people.length) / edits)]!;
    p.title = `${p.title} (acting)`;
    if (i % 5 === 0 && role && !p.roleIds.includes(role.id)) {
      p.roleIds = [...p.roleIds, role.id].sort((a, b) => a - b);
      state.logAccess(p.id, 'role_added', state.data.apiAccount.personId, now - 60_000 + i * 100, `,${role.id},`);
    }
    p.lastUpdated = now;
  }
  const staff = people.filter((p) => !p.isExternal && p.lastLogin !== null && p.lastLogin > now - 20 * 86_400_000);
  const log = state.data.sessions;
  const from = state.data.now + 60_000;
  const planted: { sessionId: string; userId: string }[] = [];
  const sessions = n - edits;
  for (let i = 0; i < sessions; i++) {
    const off = i >= sessions - 5;
    const start = off ? now - 120_000 + i * 1000 : from + Math.floor(((now - 180_000 - from) * (i + 1)) / sessions);
    const fits = (p: (typeof staff)[number]) =>
      off ? minutesOutsideWork(start, p.habits) >= 180 : minutesOutsideWork(start, p.habits) === 0;
    const p = staff.slice((i * 7919) % staff.length).find(fits) ?? staff.find(fits);
    if (!p) continue;
    const ip = off ? ipFromOctets(203, 0, 113, 10 + i) : (p.habits.ips[0] ?? 0);
    const row = log.push(p.id, Math.floor(start / 1000), Math.floor(start / 1000) + 600, ip, p.habits.ua);
    if (off) planted.push({ sessionId: String(log.idBase + row), userId: String(p.id) });
  }
  state.touch();
  return { type: 'changed', planted };
}

async function sandboxChild(): Promise<void> {
  let sb: SandboxHandle | undefined;
  const reply = (r: Reply) => process.send?.(r);
  process.on('message', (message: Request) => {
    void (async () => {
      if (message.type === 'start') {
        sb = await startSandbox({ seed: 42, people: message.people, hourlyLimit: 1_000_000_000, clock: 'system' });
        reply({ type: 'started', connection: sb.connection(), truth: sb.groundTruth });
      } else if (message.type === 'change' && sb) reply(change(sb, message.n));
      else if (message.type === 'stop') {
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
const row = (label: string, value: string, note = '') =>
  console.log(`  ${label.padEnd(46)} ${value.padStart(16)}  ${note}`);
async function timedScan(db: DB, request: ScanRequest) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  const result: ScanResult = await runScanOffThread(db, request, quietJob());
  const wallMs = performance.now() - started;
  loop.disable();
  return { result, wallMs, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
}

/**
 * One raw scan of the log to warm the cache, then one timed; then the same rows as the scan reads
 * them, in chunks SQLite packs as JSON (scan-store.ts).
 */
function timeReads(db: DB, range: PersonKeyRange) {
  rawSessionScan(db, range);
  const r0 = performance.now();
  rawSessionScan(db, range);
  const rawMs = performance.now() - r0;
  const p0 = performance.now();
  let packed = 0;
  oneSnapshot(db, () => {
    for (const chunk of sessionChunks(db, range, 'all')) packed += chunk.length;
  });
  return { rawMs, packedMs: performance.now() - p0, packed };
}

/** `recallOnly`: what was planted is a subset of what the detector should find, so precision means nothing. */
function printScore(name: string, s: oracle.Score, against: string, recallOnly = false): void {
  const mark = (recallOnly || s.precision >= 0.8) && s.recall >= 0.9 ? 'ok' : 'BELOW TARGET';
  row(
    name,
    `P ${recallOnly ? '  -  ' : s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}`,
    `${fmt(s.found)} found, ${fmt(s.expected)} expected (${against})${s.expected > 0 ? `  ${mark}` : ''}`,
  );
}

async function benchSize(people: number): Promise<void> {
  console.log(`\nbench/detectors at ${fmt(people)} people`);
  // `--import tsx`: the sandbox runs from this source file, also when the bench itself runs bundled.
  const child = fork(fileURLToPath(import.meta.url), ['--sandbox'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--import', 'tsx'],
  });
  if (child.pid) os.setPriority(child.pid, 19);
  const t0 = performance.now();
  const { connection, truth } = await ask(child, { type: 'start', people }, 'started');
  row('sandbox generated', `${fmt((performance.now() - t0) / 1000, 1)} s`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-detectors-'));
  const { db } = openDatabase(path.join(dir, 'app.sqlite'));
  try {
    const instanceId = createInstance(
      db,
      {
        name: 'Bench',
        host: connection.url,
        alias: connection.alias,
        rootCompanyId: connection.rootCompanyId,
        apiVersion: 1,
      },
      { isSandbox: true },
    ).id;
    const client = clientOnSandbox(connection, {
      budget: createMemoryBudget({ limit: 1_000_000_000 }),
      logger: silentLogger,
      timeoutMs: 120_000,
    });
    const sync = (mode: 'full' | 'incremental') =>
      runSync({
        db,
        client,
        instanceId,
        mode,
        pageSize: 1000,
        logPageSize: 5000,
        ctx: quietJob(),
        logger: silentLogger,
      });
    const t1 = performance.now();
    await sync('full');
    row('full sync', `${fmt((performance.now() - t1) / 1000, 1)} s`);
    const request = prepare(db, instanceId, truth);
    const range = keyRange(db, instanceId)!;
    const sessions = countSessions(db, range);

    const { rawMs, packedMs, packed } = timeReads(db, range);
    const full = await timedScan(db, { ...request, mode: 'full' });
    printReads(sessions, rawMs, packedMs, packed);
    printFullScan('full scan, all detectors, first (writes every finding)', full, rawMs, true);
    const again = await timedScan(db, { ...request, mode: 'full' });
    printFullScan('full scan again (findings unchanged: the daily one)', again, rawMs, false);
    if (process.env.DETECTORS_BENCH_SCORES !== '0') printScores(db, instanceId, truth, request);

    const { planted } = await ask(child, { type: 'change', n: 500 }, 'changed');
    const t2 = performance.now();
    await sync('incremental');
    row('incremental sync of 500 changes', `${fmt(performance.now() - t2)} ms`);
    keepSnapshot(db, people, request, planted);
    const inc = await timedScan(db, { ...request, mode: 'incremental' });
    printIncremental(db, instanceId, inc, planted);
  } finally {
    db.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' } satisfies Request);
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** With DETECTORS_BENCH_KEEP: the mirror before the incremental scan, for bench/detectors-replay.ts. */
function keepSnapshot(db: DB, people: number, request: ScanRequest, planted: { sessionId: string }[]): void {
  const keep = process.env.DETECTORS_BENCH_KEEP;
  if (!keep) return;
  fs.mkdirSync(keep, { recursive: true });
  const file = path.join(keep, `detectors-${people}.sqlite`);
  fs.rmSync(file, { force: true });
  db.prepare('VACUUM INTO ?').run(file);
  fs.writeFileSync(`${file}.json`, JSON.stringify({ request, planted }, null, 2));
  row('kept the mirror for bench/detectors-replay.ts', path.basename(file));
}

/** What an administrator would have decided: the privileged roles flagged, the catalogue's rules taken. */
function prepare(db: DB, instanceId: string, truth: GroundTruth): ScanRequest {
  oracle.flagPrivileged(db, instanceId, truth.privilegedRoleIds.map(Number));
  const rules = suggestSodRules(oracle.profileRoles(db, instanceId)).map((s, i) => ({
    id: i + 1,
    roleA: s.roleA.id,
    roleB: s.roleB.id,
    name: s.name,
  }));
  const settings = DEFAULT_DETECTOR_SETTINGS;
  return {
    instanceId,
    mode: 'full',
    asOf: null,
    settings,
    rules,
    likelyPrivileged: [],
    settingsDigest: settingsDigest(settings, rules),
  };
}

/** The machine's 1-minute load average: the figures beside it are measured on a shared machine. */
const load = () => os.loadavg()[0]!.toFixed(1);

function printReads(sessions: number, rawMs: number, packedMs: number, packed: number) {
  row('login sessions in the mirror', fmt(sessions));
  row('raw SQLite scan of those rows (better-sqlite3)', `${fmt(rawMs)} ms`);
  row(
    'the same rows in packed chunks, as the scan reads them',
    `${fmt(packedMs)} ms`,
    `${(packedMs / rawMs).toFixed(2)} x the raw scan, ${fmt(packed)} rows`,
  );
}

function printFullScan(label: string, scan: Awaited<ReturnType<typeof timedScan>>, rawMs: number, first: boolean) {
  const ms = scan.result.summary.ms;
  const phases = scan.result.summary.phases ?? {};
  const logMs = (phases.sessions ?? 0) + (phases.bursts ?? 0);
  row(label, `${fmt(ms)} ms`, `target < 5,000 ms  ${ms < 5000 ? 'ok' : 'OVER'}`);
  // The target is set for a log of about a million rows (#13). On a small one the scan's fixed costs
  // (each thread's code warming up, the people, the save) outweigh the rows, and the ratio says little.
  const verdict =
    scan.result.summary.sessions >= 500_000 ? (ms / rawMs <= 3 ? 'ok' : 'OVER') : '(set at ~1,000,000 rows)';
  row('  scan / raw scan', `${(ms / rawMs).toFixed(2)} x`, `target <= 3 x  ${verdict}`);
  row('  of which the log part (sessions, bursts) / raw', `${(logMs / rawMs).toFixed(2)} x`, `${fmt(logMs)} ms`);
  row('  where the time went (ms)', '', JSON.stringify(phases));
  row('  load average (1 min) after it', load());
  row('  wall time incl. starting the worker', `${fmt(scan.wallMs)} ms`);
  row(
    '  main event loop delay p99 / max',
    `${scan.p99.toFixed(1)} / ${scan.max.toFixed(1)} ms`,
    `target p99 < 50 ms  ${scan.p99 < 50 ? 'ok' : 'OVER'}`,
  );
  if (first)
    row(
      '  findings',
      fmt(Object.values(scan.result.summary.found).reduce((a, b) => a + (b ?? 0), 0)),
      JSON.stringify(scan.result.summary.found),
    );
}

function printScores(db: DB, instanceId: string, truth: GroundTruth, request: ScanRequest): void {
  console.log('  precision (P) and recall (R) per detector; targets P >= 0.8, R >= 0.9');
  const t = oracle.againstTruth(db, instanceId, truth);
  printScore('dormant', t.dormant, 'planted');
  printScore('off_hours', t.offHours, 'planted');
  printScore('permission_burst (events)', t.burst, 'planted');
  printScore('peer_outlier (person, role)', t.peers, 'planted');
  printScore('new_ip_or_agent: planted new addresses', t.newAddressRecall, 'planted, recall only', true);
  const d = oracle.againstDefinitions(db, instanceId, request);
  printScore('new_ip_or_agent', d.newIpOrAgent, 'definition in SQL');
  printScore('privileged_unused', d.privilegedUnused, 'definition in SQL');
  printScore('expired_access', d.expiredAccess, 'definition in SQL');
  printScore('sod_conflict', d.sod, `definition in SQL, ${request.rules.length} catalogue rules`);
  printScore('external_internal_role', d.external, 'definition in SQL');
}

function printIncremental(
  db: DB,
  instanceId: string,
  inc: Awaited<ReturnType<typeof timedScan>>,
  planted: { sessionId: string; userId: string }[],
): void {
  const ms = inc.result.summary.ms;
  row('incremental scan after it (in the worker)', `${fmt(ms)} ms`, `target < 500 ms  ${ms < 500 ? 'ok' : 'OVER'}`);
  row('  kind, sessions read', `${inc.result.kind}, ${fmt(inc.result.summary.sessions)}`);
  row('  wall time incl. starting the worker', `${fmt(inc.wallMs)} ms`);
  row('  where the time went (ms)', '', JSON.stringify(inc.result.summary.phases));
  row('  load average (1 min) after it', load());
  row('  main event loop delay p99 / max', `${inc.p99.toFixed(1)} / ${inc.max.toFixed(1)} ms`);
  const found = oracle.foundKeys(db, instanceId, 'off_hours');
  const hits = planted.filter((p) => found.has(p.sessionId)).length;
  row('  new off-hours sessions found', `${hits} of ${planted.length}`);
}

async function main(): Promise<void> {
  console.log(
    `bench/detectors: sizes ${SIZES.map((s) => fmt(s)).join(', ')}; ${os.cpus().length} cores, load ${load()}`,
  );
  for (const people of SIZES) await benchSize(people);
}

if (process.argv.includes('--sandbox')) void sandboxChild();
else
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
