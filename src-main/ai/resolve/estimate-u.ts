/**
 * The u probabilities (how often two different records agree at each level by chance), measured
 * on random pairs: nearly all random pairs are non-matches, so no labels are needed. Also the
 * value frequencies that replace u at the exact level for names and places (agreeing on "smith"
 * is weaker evidence than agreeing on "zbignieski").
 */
import { comparePair, type Comparison } from './comparisons';
import { MISSING } from './comparators';
import { type Prepared } from './prepare';

/** A small, seeded generator (mulberry32), so that a run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), t | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * u[field][level] from `samples` random pairs (left x right; for a dedupe both are the same set
 * and a record is never paired with itself). Half a pair is added to every level so that a level
 * never seen by chance gets a small u instead of zero (an infinite weight).
 */
export function estimateU(
  comparisons: readonly Comparison[],
  left: readonly Prepared[],
  right: readonly Prepared[],
  samples: number,
  seed: number,
): number[][] {
  const random = seededRandom(seed);
  const counts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0.5));
  const gamma = new Uint8Array(comparisons.length);
  for (let s = 0; s < samples; s += 1) {
    const i = Math.floor(random() * left.length);
    const j = Math.floor(random() * right.length);
    if (left === right && i === j) continue;
    comparePair(comparisons, left[i]!, right[j]!, gamma);
    for (let f = 0; f < comparisons.length; f += 1) if (gamma[f] !== MISSING) counts[f]![gamma[f]!]! += 1;
  }
  return counts.map((row) => {
    const total = row.reduce((x, y) => x + y, 0);
    return row.map((n) => n / total);
  });
}

/** For each comparison with a term-frequency value: value -> share of the records that have it. */
export function termFrequencies(
  comparisons: readonly Comparison[],
  records: readonly Prepared[],
): (Map<string, number> | null)[] {
  return comparisons.map((c) => {
    if (!c.tfValue) return null;
    const counts = new Map<string, number>();
    let total = 0;
    for (const r of records) {
      const v = c.tfValue(r);
      if (!v) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      total += 1;
    }
    for (const [v, n] of counts) counts.set(v, n / total);
    return counts;
  });
}
