/**
 * bench/entity-resolution: the engine on the three Febrl data sets (dedupe), on linkage tasks cut
 * from them (originals on the left, duplicates on the right), and one incoming person against a
 * 100,000-person mirror. rec_id is the row label and the answer key only, never a feature.
 * Prints precision, recall and F1 at the engine's default threshold, blocking recall (pairs
 * completeness), pairs compared, wall time (reading the CSV included) and the run's CPU time (the
 * machine may be shared: CPU time says what the run itself cost); a calibration table; then
 * matchOne p50/p95. Asserts nothing.
 * BENCH_MIRROR sets the mirror size, BENCH_QUERIES the number of incoming people,
 * FEBRL_DIR the folder of dataset{1,2,3}.csv (default: shared/datasets/febrl one or two folders up).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { candidatePairs } from '../src-main/ai/resolve/blocking';
import { seededRandom } from '../src-main/ai/resolve/estimate-u';
import { buildIndex, dedupe, link, matchOne, readRecordsCsv, type ResolveRecord } from '../src-main/ai/resolve';
import { prepareRecord } from '../src-main/ai/resolve/prepare';
import { resolveOptionsSchema } from '../src-main/ai/resolve/types';

const MIRROR = Number(process.env.BENCH_MIRROR ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2_000);

function febrlDir(): string {
  const candidates = [process.env.FEBRL_DIR, '../shared/datasets/febrl', '../../shared/datasets/febrl'];
  for (const c of candidates) if (c && existsSync(join(c, 'dataset1.csv'))) return resolve(c);
  throw new Error('Febrl data not found: set FEBRL_DIR to the folder with dataset1.csv');
}

const entity = (id: string): string => id.split('-')[1] ?? id;
const pairKey = (a: string, b: string): string => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

/** All pairs of records with the same rec-<k>, optionally only left-right ones. */
function truePairs(records: ResolveRecord[], isLeft?: (id: string) => boolean): Set<string> {
  const groups = new Map<string, string[]>();
  for (const r of records) groups.set(entity(r.id), [...(groups.get(entity(r.id)) ?? []), r.id]);
  const out = new Set<string>();
  for (const g of groups.values())
    for (let i = 0; i < g.length; i += 1)
      for (let j = i + 1; j < g.length; j += 1)
        if (!isLeft || isLeft(g[i]!) !== isLeft(g[j]!)) out.add(pairKey(g[i]!, g[j]!));
  return out;
}

function blockingRecall(left: ResolveRecord[], right: ResolveRecord[], truth: Set<string>): number {
  const o = resolveOptionsSchema.parse({});
  const records = [...left, ...right].map(prepareRecord);
  const mode = right.length ? 'link' : 'dedupe';
  const leftCount = left.length;
  const pairs = candidatePairs({ records, leftCount, mode, maxBlockSize: o.maxBlockSize, window: o.window });
  return pairs.filter(([i, j]) => truth.has(pairKey(records[i]!.id, records[j]!.id))).length / truth.size;
}

/** The records of a Febrl file and the seconds it took to read and map them. */
function readTimed(path: string): { records: ResolveRecord[]; readSeconds: number } {
  const start = performance.now();
  const { records } = readRecordsCsv(path, { id: 'rec_id' });
  return { records, readSeconds: (performance.now() - start) / 1000 };
}

function report(name: string, left: ResolveRecord[], right: ResolveRecord[], truth: Set<string>, readSeconds: number) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = right.length ? link(left, right) : dedupe(left);
  const seconds = readSeconds + (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const predicted = new Set(result.matches.map((m) => pairKey(m.left, m.right)));
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp += 1;
  const precision = predicted.size ? tp / predicted.size : 1;
  const recall = tp / truth.size;
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  const cells = [
    name.padEnd(27),
    String(left.length + right.length).padStart(6),
    String(truth.size).padStart(6),
    precision.toFixed(4).padStart(9),
    recall.toFixed(4).padStart(7),
    f1.toFixed(4).padStart(7),
    blockingRecall(left, right, truth).toFixed(4).padStart(15),
    result.stats.candidatePairs.toLocaleString('en').padStart(9),
    `${seconds.toFixed(2)} s`.padStart(7),
    `${cpuSeconds.toFixed(2)} s`.padStart(7),
  ];
  console.log(cells.join(' |'));
  calibration.push(`${name.trim()}: ${calibrationLine([...result.matches, ...result.review], truth)}`);
}

const calibration: string[] = [];
const BANDS = [0.05, 0.5, 0.9, 0.99, 1.000001];

/** Scored pairs per probability band and the share of them that are true: is p what it says? */
function calibrationLine(pairs: { left: string; right: string; probability: number }[], truth: Set<string>): string {
  return BANDS.slice(0, -1)
    .map((low, b) => {
      const inBand = pairs.filter((p) => p.probability >= low && p.probability < BANDS[b + 1]!);
      const hits = inBand.filter((p) => truth.has(pairKey(p.left, p.right))).length;
      const share = inBand.length ? (hits / inBand.length).toFixed(3) : '-';
      return `[${low}, ${Math.min(1, BANDS[b + 1]!)}) ${inBand.length} pairs, ${share} true`;
    })
    .join('; ');
}

function febrlRuns(dir: string): void {
  console.log(`bench/entity-resolution: Febrl data sets, default thresholds (same >= 0.5), no labels at run time`);
  console.log(
    '  run                       | records |  true | precision | recall |     F1 | blocking recall |  compared |   time |    cpu',
  );
  for (const n of [1, 2, 3]) {
    const { records, readSeconds } = readTimed(join(dir, `dataset${n}.csv`));
    report(`  dataset${n} dedupe`, records, [], truePairs(records), readSeconds);
  }
  for (const n of [1, 2, 3]) {
    const { records, readSeconds } = readTimed(join(dir, `dataset${n}.csv`));
    const isLeft = (id: string): boolean => id.endsWith('-org');
    const left = records.filter((r) => isLeft(r.id));
    const right = records.filter((r) => !isLeft(r.id));
    report(`  dataset${n} link org->dup`, left, right, truePairs(records, isLeft), readSeconds);
  }
  console.log('\n  calibration of the scored pairs (matches and review) by predicted probability:');
  for (const line of calibration) console.log(`  ${line}`);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** A typo: one character replaced, dropped, or two swapped. */
function typo(value: string, random: () => number): string {
  if (value.length < 2) return value;
  const at = Math.floor(random() * (value.length - 1));
  const kind = random();
  if (kind < 0.4) return value.slice(0, at) + ALPHABET[Math.floor(random() * 26)] + value.slice(at + 1);
  if (kind < 0.7) return value.slice(0, at) + value.slice(at + 1);
  return value.slice(0, at) + value[at + 1] + value[at] + value.slice(at + 2);
}

/** A copy of a person with one to three edits (typos, a dropped field, a swapped day/month). */
function edited(r: ResolveRecord, id: string, random: () => number): ResolveRecord {
  const fields = { ...r.fields };
  const keys = Object.keys(fields) as (keyof typeof fields)[];
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e += 1) {
    const key = keys[Math.floor(random() * keys.length)]!;
    const value = fields[key] ?? '';
    const roll = random();
    if (roll < 0.2) delete fields[key];
    else if (key === 'date_of_birth' && roll < 0.4)
      fields[key] = value.slice(0, 4) + value.slice(6, 8) + value.slice(4, 6);
    else fields[key] = typo(value, random);
  }
  return { id, fields };
}

/** Synthetic people: each field drawn from a different Febrl record, so they are new people. */
function syntheticMirror(pool: ResolveRecord[], size: number, random: () => number): ResolveRecord[] {
  const pick = () => pool[Math.floor(random() * pool.length)]!.fields;
  const people: ResolveRecord[] = [];
  for (let i = 0; i < size; i += 1) {
    if (i > 0 && random() < 0.05) {
      people.push(edited(people[Math.floor(random() * i)]!, `m${i}`, random));
      continue;
    }
    const address = pick();
    const dob = `${1930 + Math.floor(random() * 80)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const fields = { ...address, given_name: pick().given_name, surname: pick().surname, date_of_birth: dob };
    people.push({
      id: `m${i}`,
      fields: { ...fields, identifier: String(1_000_000 + Math.floor(random() * 8_999_999)) },
    });
  }
  return people;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function mirrorRun(dir: string): void {
  const random = seededRandom(42);
  const pool = [1, 2, 3].flatMap((n) => readRecordsCsv(join(dir, `dataset${n}.csv`), { id: 'rec_id' }).records);
  const mirror = syntheticMirror(pool, MIRROR, random);
  const t0 = performance.now();
  const index = buildIndex(mirror);
  const buildSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let found = 0;
  let knownQueries = 0;
  let falseSame = 0;
  for (let q = 0; q < QUERIES; q += 1) {
    const known = q % 2 === 0;
    const source = known ? mirror[Math.floor(random() * mirror.length)]! : syntheticMirror(pool, 1, random)[0]!;
    const incoming = known ? edited(source, 'incoming', random) : source;
    const start = performance.now();
    const result = matchOne(incoming, index);
    times.push(performance.now() - start);
    if (known) {
      knownQueries += 1;
      if (result.candidates[0]?.id === source.id && result.outcome === 'same') found += 1;
    } else if (result.outcome === 'same') falseSame += 1;
  }
  times.sort((a, b) => a - b);
  console.log(
    `\n  one incoming person vs a ${MIRROR.toLocaleString('en')}-person mirror: index built in ${buildSeconds.toFixed(1)} s; ${QUERIES} lookups`,
  );
  console.log(
    `  matchOne p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`,
  );
  console.log(
    `  edited copies found as 'same' at rank 1: ${found}/${knownQueries}; new people called 'same': ${falseSame}/${QUERIES - knownQueries}`,
  );
}

const dir = febrlDir();
febrlRuns(dir);
mirrorRun(dir);
