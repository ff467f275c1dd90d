/**
 * bench/search-latency: keystroke to painted results in Chromium, over a mirror of 100,000 people.
 * Prints, asserts nothing (target: under 100 ms).
 *
 * The real renderer (built for the browser harness) against the real backend: a 100k sandbox is
 * seeded, connected and synced through the channels, then Chromium types into the People search
 * box. In the page, the final keystroke's `keydown` timestamp is the start; the end is the first
 * task after the next animation frame that follows the DOM update in which the table says its rows
 * answer what was typed (`data-results-for`), i.e. after those rows were painted.
 *
 * Two ways of typing: at a human pace (150 ms between keys, so the search debounce never holds a
 * key back) and in a burst (no delay, so the last key waits out the debounce). Side by side, the
 * backend's own `people:search` time, called in-process, for the same queries and for names typed
 * one key at a time, e-mail starts and organization words, by query length (target p95 < 10 ms).
 *
 * Under load: once the mirror is synced, a CPU-busy process runs beside it for every figure
 * (bench/support/cpu-load.ts; BENCH_LOAD_PROCESSES=0 for a quiet run).
 *
 *   npx tsx bench/search-latency.ts            builds out/ first
 *   SEARCH_BENCH_SKIP_BUILD=1 npx tsx ...      reuses out/
 *   SEARCH_BENCH_PEOPLE=20000 npx tsx ...      a smaller instance
 *   SEARCH_BENCH_SYNC_PAGE=1000 npx tsx ...    records per List call for the sync (default: the app's)
 *   SEARCH_BENCH_DATA=<folder> npx tsx ...     keeps the data folder, and reuses it when already synced
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ConnectionDetails, JobInfo, Result } from '../src-preload/contract';
import type { KeychainBackend } from '../src-main/vault/vault';
import { buildForHarness } from '../e2e/harness/build';
import { startHarness, type Harness } from '../e2e/harness/server';
import { describeLoad, startCpuLoad, type CpuLoad } from './support/cpu-load';

const PEOPLE = Number(process.env.SEARCH_BENCH_PEOPLE ?? 100_000);
const QUERIES = Number(process.env.SEARCH_BENCH_QUERIES ?? 30);
const SYNC_PAGE = Number(process.env.SEARCH_BENCH_SYNC_PAGE ?? 0);
const HUMAN_GAP_MS = 150;
const KEEP_DATA = process.env.SEARCH_BENCH_DATA;

/**
 * The sandbox's made-up API user and tokens kept in memory: the data folder is thrown away after
 * the run, and the benchmark then needs no Secret Service.
 */
function memoryKeychain(): KeychainBackend {
  const store = new Map<string, string>();
  const key = (s: string, a: string) => `${s}\u0000${a}`;
  return {
    getPassword: async (s, a) => store.get(key(s, a)) ?? null,
    setPassword: async (s, a, p) => void store.set(key(s, a), p),
    deletePassword: async (s, a) => store.delete(key(s, a)),
    findCredentials: async (s) =>
      [...store.entries()]
        .filter(([k]) => k.startsWith(`${s}\u0000`))
        .map(([k, password]) => ({ account: k.slice(s.length + 1), password })),
  };
}

/** The error lines of the backend's log, to say why a sync failed before the folder is removed. */
function lastLogErrors(dataDir: string): string {
  const dir = path.join(dataDir, 'logs');
  if (!fs.existsSync(dir)) return '';
  const lines = fs.readdirSync(dir).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'));
  return lines
    .filter((l) => /"level":"(error|warn)"/.test(l))
    .slice(-5)
    .join('\n');
}

async function ok<T>(p: Promise<Result<unknown>>, what: string): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms · p95 ${pct(xs, 95).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

/** Varied queries from the mirror: name fragments, first names, two-letter prefixes, full names, organization words. */
function pickQueries(harness: Harness, instanceId: string, n: number): string[] {
  const db = harness.backend.services.db;
  const rows = db
    .prepare(
      'SELECT first_name AS f, last_name AS l FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL ORDER BY key LIMIT 4000',
    )
    .all(instanceId) as { f: string; l: string }[];
  const orgs = db
    .prepare('SELECT name FROM mirror_organizations WHERE instance_id = ? ORDER BY id LIMIT 400')
    .pluck()
    .all(instanceId) as string[];
  const out = new Set<string>();
  for (let i = 0; out.size < n && i < rows.length; i += 97) {
    const { f, l } = rows[i] as { f: string; l: string };
    const kind = out.size % 5;
    if (kind === 0 && l.length >= 5) out.add(l.slice(1, 5).toLowerCase());
    else if (kind === 1) out.add(f);
    else if (kind === 2) out.add(l.slice(0, 2));
    else if (kind === 3) out.add(`${f} ${l}`);
    else {
      const word = (orgs[i % Math.max(1, orgs.length)] ?? 'fund').split(' ').find((w) => w.length >= 5) ?? 'fund';
      out.add(word.slice(0, 5).toLowerCase());
    }
  }
  return [...out].slice(0, n);
}

interface Sample {
  q: string;
  keydown: number;
  dom: number;
  frame: number;
  painted: number;
}
interface Probe {
  expect: string | null;
  keydown: number;
  done: Sample | null;
}

/** In the page: timestamps for the final keystroke and for the rows that answer it. */
function installProbe(): void {
  const w = window as unknown as { __probe: Probe };
  w.__probe = { expect: null, keydown: 0, done: null };
  document.addEventListener('keydown', (e) => (w.__probe.keydown = e.timeStamp), true);
  const table = document.querySelector('[data-testid="people-table"]') as HTMLElement;
  new MutationObserver(() => {
    const p = w.__probe;
    if (p.expect === null || table.getAttribute('data-results-for') !== p.expect) return;
    const q = p.expect;
    p.expect = null;
    const dom = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      // The frame's paint happens after rAF callbacks: the next task runs once it is done.
      setTimeout(() => (p.done = { q, keydown: p.keydown, dom, frame, painted: performance.now() }), 0);
    });
  }).observe(table, { attributes: true, attributeFilter: ['data-results-for'] });
}

async function typeAndMeasure(page: Page, query: string, gapMs: number): Promise<Sample> {
  const search = page.getByTestId('people-search');
  await search.focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="people-table"]')?.getAttribute('data-results-for') === '',
  );
  const head = query.slice(0, -1);
  if (head) await page.keyboard.type(head, { delay: gapMs });
  if (gapMs > 0) await page.waitForTimeout(gapMs);
  await page.evaluate((q) => {
    const p = (window as unknown as { __probe: Probe }).__probe;
    p.expect = q;
    p.done = null;
  }, query.trim());
  await page.keyboard.type(query.slice(-1));
  const handle = await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.done, null, {
    timeout: 15_000,
  });
  return (await handle.jsonValue()) as Sample;
}

/** Names typed one key at a time, full names, e-mail starts and organization words (bench/sync's set). */
function typedQueries(harness: Harness, instanceId: string, n: number): string[] {
  const people = harness.backend.services.db
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

/**
 * The backend alone, in-process (validation, dispatch, SQLite), as the People screen asks (100
 * rows): each call's wall-clock time and this process's CPU time meanwhile (what the code costs;
 * the wall clock adds what the busy machine makes it wait).
 */
async function timeBackend(
  harness: Harness,
  instanceId: string,
  queries: readonly string[],
): Promise<{ wall: number[]; cpu: number[] }> {
  for (const query of queries.slice(0, 50))
    await ok(harness.backend.invoke('people:search', { instanceId, query, limit: 100 }), 'people:search');
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const query of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await ok(harness.backend.invoke('people:search', { instanceId, query, limit: 100 }), 'people:search');
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** The instance of a data folder already synced (SEARCH_BENCH_DATA), else null. */
function syncedInstance(harness: Harness): string | null {
  const db = harness.backend.services.db;
  return (
    (db
      .prepare("SELECT instance_id FROM sync_runs WHERE kind = 'full' AND state = 'succeeded' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string | undefined) ?? null
  );
}

async function syncSandbox(harness: Harness, dataDir: string): Promise<string> {
  let t = performance.now();
  const explored = await ok<ConnectionDetails>(harness.backend.invoke('sandbox:explore'), 'sandbox:explore');
  const instanceId = explored.instance.id;
  console.log(
    `bench/search-latency: sandbox of ${PEOPLE.toLocaleString('en')} people seeded and connected in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // The app's own page size unless asked otherwise (bigger pages: fewer calls, the same mirror).
  if (SYNC_PAGE) await ok(harness.backend.invoke('settings:update', { syncPageSize: SYNC_PAGE }), 'settings:update');
  t = performance.now();
  const job = await ok<JobInfo>(harness.backend.invoke('sync:start', { instanceId }), 'sync:start');
  const done = await harness.backend.services.jobs.wait(job.id);
  if (done.state !== 'succeeded') throw new Error(`sync ${done.state}: ${done.message}\n${lastLogErrors(dataDir)}`);
  console.log(`  synced in ${((performance.now() - t) / 1000).toFixed(1)} s: ${done.message}`);
  return instanceId;
}

/** Query shapes, each its own path through people-search-store.ts. */
const BUCKETS: readonly [string, (q: string) => boolean][] = [
  ['1 character', (q) => q.length === 1],
  ['2 characters', (q) => q.length === 2],
  ['3 characters', (q) => q.length === 3],
  ['4-5 characters', (q) => q.length >= 4 && q.length <= 5 && !q.includes(' ')],
  ['6+ characters', (q) => q.length >= 6 && !q.includes(' ')],
  ['two words', (q) => q.includes(' ')],
];

function printBackend({ wall, cpu }: { wall: number[]; cpu: number[] }, queries: readonly string[]): void {
  console.log(`  backend people:search in-process, ${queries.length} queries as typed (target p95 < 10 ms):`);
  console.log(`    all:            ${fmt(wall)}`);
  console.log(`      CPU time:     ${fmt(cpu)}`);
  for (const [label, test] of [
    ['1-2 characters', (q: string) => q.length <= 2],
    ['3+ characters', (q: string) => q.length >= 3],
    ...BUCKETS,
  ] as const) {
    const pick = (xs: number[]) =>
      queries.map((q, i) => (test(q) ? xs[i] : undefined)).filter((x): x is number => x !== undefined);
    console.log(
      `    ${label.padEnd(16)}${fmt(pick(wall))}; CPU p50 ${pct(pick(cpu), 50).toFixed(1)} ms · p95 ${pct(pick(cpu), 95).toFixed(1)} ms`,
    );
  }
}

async function measureBrowser(harness: Harness, browser: Browser, queries: readonly string[]) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(`${harness.url}#/people`);
  await page.waitForSelector('body[data-app-ready="true"]');
  await page.waitForSelector(`[data-testid="people-table"][data-total="${PEOPLE}"]`, { timeout: 60_000 });
  await page.evaluate(installProbe);
  // One unmeasured query warms the JIT and the caches on both sides.
  await typeAndMeasure(page, 'warm', HUMAN_GAP_MS);
  const human: Sample[] = [];
  for (const q of queries) human.push(await typeAndMeasure(page, q, HUMAN_GAP_MS));
  const burst: Sample[] = [];
  for (const q of queries) burst.push(await typeAndMeasure(page, q, 0));
  return { human, burst };
}

function printBrowser(human: Sample[], burst: Sample[], queries: readonly string[]): void {
  const painted = (xs: Sample[]) => xs.map((x) => x.painted - x.keydown);
  const dom = (xs: Sample[]) => xs.map((x) => x.dom - x.keydown);
  console.log(`  queries typed: ${queries.map((q) => JSON.stringify(q)).join(', ')}`);
  console.log(
    `  keystroke -> rows painted, typing at a human pace (${HUMAN_GAP_MS} ms between keys; target p95 < 100 ms):`,
  );
  console.log(`    painted:     ${fmt(painted(human))}`);
  console.log(`    DOM updated: ${fmt(dom(human))}`);
  console.log(`  keystroke -> rows painted, typed in a burst (last key waits out the 50 ms debounce):`);
  console.log(`    painted:     ${fmt(painted(burst))}`);
  console.log(`    DOM updated: ${fmt(dom(burst))}`);
  const slowest = [...human].sort((a, b) => b.painted - b.keydown - (a.painted - a.keydown)).slice(0, 3);
  console.log(
    `  slowest at a human pace: ${slowest.map((x) => `${JSON.stringify(x.q)} ${(x.painted - x.keydown).toFixed(1)} ms`).join(', ')}`,
  );
  console.log(
    `  all at a human pace, sorted (ms): ${painted(human)
      .sort((a, b) => a - b)
      .map((x) => x.toFixed(0))
      .join(' ')}`,
  );
}

async function main(): Promise<void> {
  if (process.env.SEARCH_BENCH_SKIP_BUILD !== '1') await buildForHarness();
  const dataDir = KEEP_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-search-'));
  const harness = await startHarness({
    dataDir,
    backend: { sandbox: { people: PEOPLE }, keychain: memoryKeychain(), logLevel: 'warn' },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  let load: CpuLoad | null = null;
  try {
    const instanceId = (KEEP_DATA && syncedInstance(harness)) || (await syncSandbox(harness, dataDir));
    load = await startCpuLoad();
    console.log(`  ${describeLoad(load)}`);
    const typed = typedQueries(harness, instanceId, 200);
    const backendMs = await timeBackend(harness, instanceId, typed);
    const queries = pickQueries(harness, instanceId, QUERIES);
    const { human, burst } = await measureBrowser(harness, browser, queries);
    printBackend(backendMs, typed);
    printBrowser(human, burst, queries);
    // The figures move with the machine's load: say what it was.
    console.log(`  ${describeLoad(load)}`);
  } finally {
    await load?.stop();
    await browser.close();
    await harness.close();
    if (!KEEP_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
