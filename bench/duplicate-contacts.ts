/**
 * bench/duplicate-contacts: the duplicate-contacts report (entity resolution over the people of
 * an instance) scored against the sandbox's planted near-duplicates, at two sizes. The people are
 * the seed's own records, mapped as the mirror maps them (names, e-mail, phone, title,
 * organization, department): the report sees what it would see after a sync. Prints, asserts nothing.
 *
 * Sizes: DUP_BENCH_PEOPLE (comma separated, default 2000,10000), DUP_BENCH_SEED (default 7).
 */
import { dedupe } from '../src-main/ai/resolve';
import { mirrorPersonRecord } from '../src-main/ai/resolve/mirror-records';
import { generateInstance } from '../src-main/smartsimple/sandbox/seed/generate';

const SIZES = (process.env.DUP_BENCH_PEOPLE ?? '2000,10000').split(',').map(Number);
const SEED = Number(process.env.DUP_BENCH_SEED ?? 7);

function score(people: number): string {
  const { data, groundTruth } = generateInstance({ people, seed: SEED });
  const companies = new Map(data.companies.map((c) => [c.id, c.name]));
  const live = data.people.filter((p) => !p.deleted);
  const records = live.map((p) =>
    mirrorPersonRecord({ ...p, organization: companies.get(p.companyId) ?? null, department: p.department }),
  );
  const started = performance.now();
  const result = dedupe(records);
  const seconds = (performance.now() - started) / 1000;
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const truth = new Set(groundTruth.nearDuplicates.map((d) => key(d.originalId, d.duplicateId)));
  const found = new Set(result.matches.map((m) => key(m.left, m.right)));
  const hits = [...found].filter((k) => truth.has(k)).length;
  const precision = found.size === 0 ? 1 : hits / found.size;
  const recall = truth.size === 0 ? 1 : hits / truth.size;
  const review = result.review.filter((m) => truth.has(key(m.left, m.right))).length;
  return `  ${String(people).padStart(6)} | ${String(live.length).padStart(6)} | ${String(truth.size).padStart(7)} | ${String(found.size).padStart(5)} | ${precision.toFixed(3).padStart(9)} | ${recall.toFixed(3).padStart(6)} | ${String(review).padStart(14)} | ${seconds.toFixed(2)} s`;
}

console.log('bench/duplicate-contacts: planted near-duplicate contacts, default thresholds (same >= 0.5)');
console.log('  people |   live | planted | found | precision | recall | planted in review | time');
for (const n of SIZES) console.log(score(n));
console.log('  targets: recall >= 0.9 at precision >= 0.9');
