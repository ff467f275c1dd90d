/**
 * bench/reviews: the access review recommendations scored against what the sandbox planted, on
 * the real backend (the built-in sandbox, a full sync, the scan it starts, then a campaign over
 * everyone with every kind of access, made through the channels as the app makes it). Prints,
 * asserts nothing. For each size and seed, side by side in one run:
 *
 * - planted dormant accounts: how many have every item (login access, roles, program parts)
 *   recommended for revocation;
 * - planted peer outliers (person, role): how many are recommended for revocation;
 * - items with no planted problem: the share recommended keep (the target is 95% or more), by
 *   kind, and the reasons behind the revocations among them;
 * - the time to make the campaign and its size.
 *
 * Sizes and seeds: REVIEWS_BENCH_CASES (default "2000:7,5000:11,10000:3").
 * Quick run: REVIEWS_BENCH_CASES=2000:7 npx tsx bench/reviews.ts
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../src-main/backend/backend';
import { generateInstance } from '../src-main/smartsimple/sandbox/seed/generate';
import type {
  CampaignDetail,
  ConnectionDetails,
  JobInfo,
  Result,
  ReviewItem,
  ReviewItemsPage,
  ScanStatus,
} from '../src-preload/contract';

const CASES = (process.env.REVIEWS_BENCH_CASES ?? '2000:7,5000:11,10000:3').split(',').map((c) => {
  const [people, seed] = c.split(':').map(Number);
  return { people: people!, seed: seed ?? 7 };
});

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function syncedBackend(dir: string, people: number, seed: number): Promise<{ b: Backend; instanceId: string }> {
  const b = await createBackend({
    dataDir: dir,
    keychainService: `Admin Desk bench ${crypto.randomUUID()}`,
    sandbox: { people, seed },
    consoleLog: false,
  });
  const instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
  const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
  await b.services.jobs.wait(job.id);
  const scan = await ok<ScanStatus>(b.invoke('investigate:status', { instanceId }));
  if (scan.runningJobId) await b.services.jobs.wait(scan.runningJobId);
  return { b, instanceId };
}

async function allItems(b: Backend, campaignId: string): Promise<ReviewItem[]> {
  const rows: ReviewItem[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await ok<ReviewItemsPage>(b.invoke('reviews:items', { campaignId, offset, limit: 5000 }));
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

interface Score {
  people: number;
  seed: number;
  items: number;
  ms: number;
  dormant: { planted: number; allRevoked: number; missed: string[] };
  outliers: { planted: number; revoked: number; missed: string[] };
  clean: { items: number; keep: number; byKind: Record<string, { items: number; keep: number }> };
  revokeReasons: Map<string, number>;
}

function score(items: ReviewItem[], truth: ReturnType<typeof generateInstance>['groundTruth']) {
  const dormant = new Set(truth.dormant.map(Number));
  const outliers = new Set(truth.peerOutliers.map((o) => `${o.userId}:${o.roleId}`));
  const byPerson = new Map<number, ReviewItem[]>();
  for (const i of items) byPerson.set(i.personId, [...(byPerson.get(i.personId) ?? []), i]);
  const dormantMissed = [...dormant].filter(
    (id) => !(byPerson.get(id) ?? []).every((i) => i.recommendation === 'revoke') || !byPerson.has(id),
  );
  const outlierItems = items.filter((i) => i.kind === 'role' && outliers.has(`${i.personId}:${i.roleId}`));
  const found = new Set(
    outlierItems.filter((i) => i.recommendation === 'revoke').map((i) => `${i.personId}:${i.roleId}`),
  );
  const clean = items.filter(
    (i) => !dormant.has(i.personId) && !(i.kind === 'role' && outliers.has(`${i.personId}:${i.roleId}`)),
  );
  const byKind: Score['clean']['byKind'] = {};
  const revokeReasons = new Map<string, number>();
  for (const i of clean) {
    const k = (byKind[i.kind] ??= { items: 0, keep: 0 });
    k.items++;
    if (i.recommendation === 'keep') k.keep++;
    else
      for (const r of i.reasons.filter((x) => x.decisive))
        revokeReasons.set(r.code, (revokeReasons.get(r.code) ?? 0) + 1);
  }
  return {
    dormant: {
      planted: dormant.size,
      allRevoked: dormant.size - dormantMissed.length,
      missed: dormantMissed.map(String),
    },
    outliers: { planted: outliers.size, revoked: found.size, missed: [...outliers].filter((k) => !found.has(k)) },
    clean: { items: clean.length, keep: clean.filter((i) => i.recommendation === 'keep').length, byKind },
    revokeReasons,
  };
}

async function run(people: number, seed: number): Promise<Score> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-reviews-'));
  const { b, instanceId } = await syncedBackend(dir, people, seed);
  try {
    const truth = generateInstance({ seed, people }).groundTruth;
    const now = new Date(`${truth.now.replace(' ', 'T')}Z`).toISOString();
    const t0 = performance.now();
    const campaign = await ok<CampaignDetail>(
      b.invoke('reviews:create', {
        instanceId,
        name: 'Bench: everyone',
        scope: {},
        itemKinds: ['role', 'assignment', 'access'],
        stages: [{ name: 'Administrator', reviewers: 'administrator' }],
        dueOn: now.slice(0, 10),
        defaultDecision: 'keep',
        recurrence: 'none',
        now,
      }),
    );
    const ms = performance.now() - t0;
    const items = await allItems(b, campaign.id);
    return { people, seed, items: items.length, ms, ...score(items, truth) };
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (n: number, of: number) => (of === 0 ? 'n/a' : `${((n / of) * 100).toFixed(1)}%`);

async function main() {
  const results: Score[] = [];
  for (const c of CASES) {
    process.stderr.write(`reviews bench: ${c.people} people, seed ${c.seed}...\n`);
    results.push(await run(c.people, c.seed));
  }
  console.log('\nAccess review recommendations against the sandbox ground truth (campaign over everyone, all kinds)\n');
  console.log(
    'people  seed   items  create ms  dormant all revoked  outliers revoked  no planted problem: keep  (role / assignment / access)',
  );
  for (const r of results) {
    const k = (kind: string) => pct(r.clean.byKind[kind]?.keep ?? 0, r.clean.byKind[kind]?.items ?? 0);
    console.log(
      `${String(r.people).padStart(6)}  ${String(r.seed).padStart(4)}  ${String(r.items).padStart(6)}  ${r.ms.toFixed(0).padStart(9)}  ` +
        `${`${r.dormant.allRevoked}/${r.dormant.planted}`.padStart(19)}  ${`${r.outliers.revoked}/${r.outliers.planted}`.padStart(16)}  ` +
        `${`${r.clean.keep}/${r.clean.items} = ${pct(r.clean.keep, r.clean.items)}`.padStart(24)}  (${k('role')} / ${k('assignment')} / ${k('access')})`,
    );
  }
  console.log('\nDecisive reasons of the revocations among items with no planted problem:');
  for (const r of results)
    console.log(
      `  ${r.people}:${r.seed}  ${[...r.revokeReasons.entries()].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`,
    );
  const missed = results.flatMap((r) => [
    ...r.dormant.missed.map((m) => `dormant ${m}`),
    ...r.outliers.missed.map((m) => `outlier ${m}`),
  ]);
  if (missed.length) console.log(`\nMissed: ${missed.join(', ')}`);
}

await main();
