/**
 * bench/helpdesk-search: the help desk's search box over the guide alone and over the guide plus
 * 10,000 past resolutions (troubleshooter outcomes written by the real checks, and applied plans),
 * side by side in one run: latency per question (p50, p95, max) through the help desk service,
 * and how often the answering guide section is still in the top 3 when the resolutions compete.
 * The target: a search under 20 ms. Asserts nothing.
 *
 *   npx tsx bench/helpdesk-search.ts            BENCH_RESOLUTIONS=10000 BENCH_ROUNDS=5
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DB } from '../src-main/db/open';
import { createInstance } from '../src-main/instances/instances-store';
import { createInstancesService } from '../src-main/instances/instances-service';
import { runChecks } from '../src-main/helpdesk/checks';
import { createHelpdeskService, type HelpdeskService } from '../src-main/helpdesk/helpdesk-service';
import { outcomePassage } from '../src-main/helpdesk/kb/knowledge-base';
import { upsertPassage } from '../src-main/helpdesk/kb/passage-store';
import { HOLDOUT_QUESTIONS } from '../src-main/helpdesk/kb/retrieval-holdout';
import { QUESTIONS } from '../src-main/helpdesk/kb/retrieval-questions';
import type { RoleFacts, Subject } from '../src-main/helpdesk/types';

const RESOLUTIONS = Number(process.env.BENCH_RESOLUTIONS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_MS = 20;

const FIRST = ['Ana', 'Tom', 'Li', 'Maria', 'Sam', 'Priya', 'Jonas', 'Fatima', 'Kofi', 'Elena', 'Hiro', 'Noor'];
const LAST = ['Rivera', 'Okafor', 'Wei', 'Santos', 'Patel', 'Berg', 'Haddad', 'Mensah', 'Petrova', 'Tanaka', 'Khan'];
const PROGRAMS = [
  'Health Equity Grant 2025',
  'Arts Access Fellowship 2024',
  'Rural Water Fund 2026',
  'Youth Futures Award',
];
const ROLES: RoleFacts[] = [
  { id: 1, name: 'Applicant', utaOnly: true, privileged: false, removed: false },
  { id: 2, name: 'Reviewer', utaOnly: true, privileged: false, removed: false },
  { id: 3, name: 'Grants Officer', utaOnly: false, privileged: false, removed: false },
  { id: 4, name: 'Finance Approver', utaOnly: false, privileged: true, removed: false },
];

/** A deterministic subject with one or two causes, the way the troubleshooter would see it. */
function subject(i: number, now: Date): Subject {
  const pick = <T>(xs: readonly T[], k: number) => xs[(i * 7 + k) % xs.length]!;
  const cause = i % 9;
  const external = i % 3 !== 0;
  return {
    person: {
      id: 1_200_000 + i,
      key: i,
      firstName: pick(FIRST, 1),
      lastName: pick(LAST, 2),
      email: `p${i}@example.org`,
      companyId: 100 + (i % 50),
      isExternal: external,
      roleIds: cause === 5 ? [3, 2] : [3],
      accessType: cause === 0 ? '0' : '1',
      userType: '10',
      status: cause === 1 ? 'Pending' : cause === 2 ? 'Inactive' : 'Active',
      accessExpiry: cause === 3 ? '2025-01-31' : null,
      removedAt: null,
    },
    organization: {
      id: 100,
      name: `${pick(LAST, 3)} Foundation`,
      isExternal: external,
      status: 'Active',
      removedAt: null,
    },
    roles: new Map(ROLES.map((r) => [r.id, r])),
    roleSides: new Map([
      [1, { roleId: 1, total: 40, external: 40 }],
      [2, { roleId: 2, total: 20, external: 0 }],
    ]),
    lock:
      cause === 4 ? { action: 'locked', detail: 'too many failed sign-in attempts', at: '2026-10-02 09:00:00' } : null,
    target: {
      kind: 'program',
      program: { id: 300 + (i % 4), name: pick(PROGRAMS, 4), status: cause === 6 ? 'Closed' : 'Open', removedAt: null },
      parts: cause === 7 ? [] : [{ associationId: i, roleId: external ? 1 : 2 }],
      suggestedPart: {
        roleId: external ? 1 : 2,
        name: external ? 'Applicant' : 'Reviewer',
        peers: 12,
        where: 'program',
      },
    },
    now,
    expiryDays: 90,
  };
}

function fillResolutions(db: DB, instanceId: string, n: number): void {
  const now = new Date('2026-11-01T12:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const s = subject(i, now);
      const name = `${s.person.firstName} ${s.person.lastName}`;
      if (i % 4 === 3) {
        upsertPassage(db, {
          instanceId,
          source: 'plan',
          ref: `plan:bench-${i}`,
          title: `Plan: Help desk: ${name} and ${s.target.kind === 'program' ? s.target.program.name : ''}`,
          body: `Help desk, ${name}: Status: Status is Pending. Applied: Change access: Status: "Pending" -> "Active" for ${name}. Assign Applicant on ${PROGRAMS[i % 4]} for ${name}.`,
          names: [name],
          at: now.toISOString(),
        });
        continue;
      }
      const checks = runChecks(s);
      upsertPassage(
        db,
        outcomePassage({
          id: 1_000_000 + i,
          instanceId,
          personId: s.person.id,
          personName: name,
          targetKind: 'program',
          targetId: 300,
          targetName: s.target.kind === 'program' ? s.target.program.name : '',
          checks,
          failed: checks.filter((c) => c.result === 'fail').map((c) => c.id),
          syncedAt: null,
          createdAt: now.toISOString(),
          plan: null,
        }),
      );
    }
  })();
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

function measure(desk: HelpdeskService, instanceId: string) {
  const all = [...QUESTIONS, ...HOLDOUT_QUESTIONS];
  const times: number[] = [];
  // Per question, its best round: what the search costs when the scheduler lets it run.
  const best = all.map(() => Infinity);
  let top3 = 0;
  for (let round = 0; round < ROUNDS; round++) {
    all.forEach(([question, answers], i) => {
      const t0 = performance.now();
      const found = desk.search(instanceId, question, 5);
      const ms = performance.now() - t0;
      times.push(ms);
      best[i] = Math.min(best[i]!, ms);
      if (round === 0) {
        const wanted = [answers].flat().map((a) => `guide:${a}`);
        if (found.passages.slice(0, 3).some((p) => wanted.includes(p.ref))) top3++;
      }
    });
  }
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: Math.max(...times),
    bestP50: percentile(best, 0.5),
    bestP95: percentile(best, 0.95),
    top3,
    questions: all.length,
  };
}

export function benchHelpdeskSearch() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-helpdesk-'));
  const setups = [0, RESOLUTIONS].map((n) => {
    const { db } = openDatabase(path.join(root, `${n}.sqlite`));
    const instanceId = createInstance(
      db,
      { name: `Bench ${n}`, host: 'https://bench.example.org', alias: 'bench', rootCompanyId: '1', apiVersion: 1 },
      {},
    ).id;
    const desk = createHelpdeskService({
      db,
      instances: createInstancesService({ db }),
      ai: { answerQuestion: () => Promise.reject(new Error('not used')) },
      administrator: () => 'bench',
    });
    const guide = desk.indexGuide();
    const t0 = performance.now();
    fillResolutions(db, instanceId, n);
    return { n, db, desk, instanceId, guide: guide.passages, fillMs: performance.now() - t0 };
  });
  for (const s of setups) s.desk.search(s.instanceId, 'warm up the statement cache');
  const results = setups.map((s) => ({ ...s, ...measure(s.desk, s.instanceId) }));
  const [load] = os.loadavg();
  console.log(
    `bench/helpdesk-search: ${ROUNDS} rounds of ${results[0]!.questions} administrator questions through the help desk service, on ${os.cpus().length} cores at load average ${load!.toFixed(1)}`,
  );
  for (const r of results)
    console.log(
      `  guide (${r.guide} passages) + ${r.n.toLocaleString('en')} resolutions: all searches p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, max ${r.max.toFixed(1)} ms; ` +
        `best round per question p50 ${r.bestP50.toFixed(2)} ms, p95 ${r.bestP95.toFixed(2)} ms; answering section in the top 3 for ${r.top3}/${r.questions}${r.n ? ` (indexed in ${(r.fillMs / 1000).toFixed(1)} s)` : ''}`,
    );
  const [base, full] = results as [(typeof results)[0], (typeof results)[0]];
  console.log(
    `  ratio with/without resolutions: p95 ${(full.p95 / base.p95).toFixed(2)}x, best-round p95 ${(full.bestP95 / base.bestP95).toFixed(2)}x`,
  );
  console.log(
    `  under ${TARGET_MS} ms with ${full.n.toLocaleString('en')} resolutions: p95 of all searches ${full.p95 < TARGET_MS ? 'yes' : 'NO'}, p95 of the best rounds ${full.bestP95 < TARGET_MS ? 'yes' : 'NO'}`,
  );
  for (const s of setups) s.db.close();
  fs.rmSync(root, { recursive: true, force: true });
  return { base, full };
}

if (import.meta.url === `file://${process.argv[1]}`) benchHelpdeskSearch();
