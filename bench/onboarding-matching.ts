/**
 * bench/onboarding-matching: who a dropped document is about, against a mirror of N people, matched
 * in the main thread (as onboarding did before) and in the matching worker (as the app does now),
 * side by side in one run. For each: the first document of a mirror state (the index is built),
 * then the next ones (the index is kept), and the main thread's event-loop delay meanwhile (max,
 * p99), which is what the administrator feels as a frozen app. Asserts nothing.
 * BENCH_PEOPLE sets the mirror sizes (comma-separated, default 1000,5000), BENCH_DOCS the number
 * of documents after the first (default 20).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { seededRandom } from '../src-main/ai/resolve/estimate-u';
import type { MirrorPersonFields } from '../src-main/ai/resolve/mirror-records';
import type { MirrorService } from '../src-main/mirror/mirror-service';
import { inlineMatching, workerMatching, type MatchingSource } from '../src-main/onboarding/matching/matcher';

const SIZES = (process.env.BENCH_PEOPLE ?? '1000,5000').split(',').map(Number);
const DOCS = Number(process.env.BENCH_DOCS ?? 20);

const FIRST =
  'ana bo carla dmitri elif farah goran hana ines jonas kiri lena malik nora omar petra quinn rosa sven tomas'.split(
    ' ',
  );
const LAST =
  'rivera tanaka okafor novak berg costa dubois evans fischer garcia haddad ivanova jensen kowalski lindqvist moreau nakamura osei petrov quint'.split(
    ' ',
  );
const ORGS =
  'Harbour Trust|Riverside Arts Council|Northside Youth Fund|Lakeview Recovery Society|Grants Office|Finance'.split(
    '|',
  );
const TITLES = 'Program Officer|Grant Reviewer|Finance Analyst|Coordinator|Director|Applicant'.split('|');

function mirrorOf(n: number, seed: number): MirrorPersonFields[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const first = pick(FIRST);
    const last = `${pick(LAST)}${i % 7 === 0 ? '' : `-${pick(LAST)}`}`;
    return {
      id: 1000 + i,
      firstName: first[0]!.toUpperCase() + first.slice(1),
      lastName: last[0]!.toUpperCase() + last.slice(1),
      email: `${first}.${last}${i}@example.org`,
      phone: null,
      title: pick(TITLES),
      organization: pick(ORGS),
      department: null,
    };
  });
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function run(source: MatchingSource, people: MirrorPersonFields[], label: string) {
  const mirror = { peopleForMatching: () => people } as unknown as MirrorService;
  const docs = Array.from({ length: DOCS + 1 }, (_, i) => {
    const p = people[(i * 37) % people.length]!;
    return { firstName: p.firstName, lastName: p.lastName, email: i % 2 ? p.email : `other${i}@elsewhere.example` };
  });
  // Timers must get a turn after each document, or a stall is never seen by the histogram.
  const settle = () => new Promise((r) => setTimeout(r, 25));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await settle();
  const t0 = performance.now();
  await source({ mirror }, `bench-${label}`).resolve(docs[0]!);
  const first = performance.now() - t0;
  await settle();
  const times: number[] = [];
  for (const d of docs.slice(1)) {
    const t = performance.now();
    await source({ mirror }, `bench-${label}`).resolve(d);
    times.push(performance.now() - t);
    await settle();
  }
  delay.disable();
  return {
    first,
    next: pct(times, 0.5),
    nextP95: pct(times, 0.95),
    stallMax: delay.max / 1e6,
    stallP99: delay.percentile(99) / 1e6,
  };
}

const f = (n: number) => `${Math.round(n).toLocaleString('en')} ms`.padStart(10);
console.log(`Matching a document's person against the mirror (${DOCS} documents after the first)\n`);
console.log('people   where        first doc (index built)   next docs p50 / p95     main-thread stall: max   p99');
for (const n of SIZES) {
  const people = mirrorOf(n, 7);
  const worker = workerMatching();
  for (const [where, source] of [
    ['main thread', inlineMatching()],
    ['worker', worker],
  ] as const) {
    const r = await run(source, people, `${where}-${n}`);
    console.log(
      `${String(n).padStart(6)}   ${where.padEnd(12)} ${f(r.first)}              ${f(r.next)} / ${f(r.nextP95)}    ${f(r.stallMax)} ${f(r.stallP99)}`,
    );
  }
  await worker.close();
}
