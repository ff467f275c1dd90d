/**
 * Expectation-maximisation for the Fellegi-Sunter model, with no labels: the candidate pairs are
 * a mixture of matches (agreement levels drawn from m) and non-matches (drawn from u). u stays as
 * measured on random pairs; EM estimates m and the share of matches lambda. Identical agreement
 * patterns are counted once with a weight, so an iteration costs the number of distinct patterns.
 * A small Dirichlet prior on m (a few pseudo-pairs) keeps m sensible when a run has few matches.
 */
import { MISSING } from './comparators';

export interface Pattern {
  gamma: Uint8Array;
  count: number;
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
}

export interface EmOptions {
  iterations: number;
  /** Pseudo-pairs of the prior on m; data outweigh it as soon as there are a few dozen matches. */
  priorWeight?: number;
  tolerance?: number;
}

/** Distinct agreement patterns with how often each occurs. */
export function countPatterns(gammas: Iterable<Uint8Array>): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const gamma of gammas) {
    const key = String.fromCharCode(...gamma);
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { gamma: gamma.slice(), count: 1 });
  }
  return [...byKey.values()];
}

/** The default belief about m before the data speak: mostly the best level, rarely the worst. */
export function priorM(levelCount: number): number[] {
  const shapes: Record<number, number[]> = {
    1: [1],
    2: [0.95, 0.05],
    3: [0.85, 0.1, 0.05],
    4: [0.8, 0.1, 0.06, 0.04],
    5: [0.78, 0.08, 0.06, 0.05, 0.03],
  };
  return shapes[levelCount] ?? new Array<number>(levelCount).fill(1 / levelCount);
}

function posteriors(patterns: Pattern[], logM: number[][], logU: number[][], lambda: number): Float64Array {
  const out = new Float64Array(patterns.length);
  const priorLogOdds = Math.log(lambda) - Math.log(1 - lambda);
  patterns.forEach(({ gamma }, p) => {
    let logOdds = priorLogOdds;
    for (let f = 0; f < gamma.length; f += 1) {
      const g = gamma[f]!;
      if (g !== MISSING) logOdds += logM[f]![g]! - logU[f]![g]!;
    }
    out[p] = 1 / (1 + Math.exp(-Math.max(-500, Math.min(500, logOdds))));
  });
  return out;
}

export function runEm(patterns: Pattern[], u: number[][], options: EmOptions): EmResult {
  const alpha = options.priorWeight ?? 10;
  const tolerance = options.tolerance ?? 1e-6;
  const prior = u.map((row) => priorM(row.length));
  let m = prior.map((row) => row.slice());
  let lambda = 0.5;
  const logU = u.map((row) => row.map(Math.log));
  let iterations = 0;
  while (iterations < options.iterations) {
    iterations += 1;
    const post = posteriors(
      patterns,
      m.map((row) => row.map(Math.log)),
      logU,
      lambda,
    );
    const counts = prior.map((row) => row.map((p) => alpha * p));
    let matched = 0;
    let total = 0;
    patterns.forEach(({ gamma, count }, p) => {
      const w = count * post[p]!;
      matched += w;
      total += count;
      for (let f = 0; f < gamma.length; f += 1) if (gamma[f] !== MISSING) counts[f]![gamma[f]!]! += w;
    });
    const next = counts.map((row) => {
      const sum = row.reduce((x, y) => x + y, 0);
      return row.map((n) => n / sum);
    });
    const nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, matched / total));
    const change = Math.max(
      Math.abs(nextLambda - lambda),
      ...next.flatMap((row, f) => row.map((x, l) => Math.abs(x - m[f]![l]!))),
    );
    m = next;
    lambda = nextLambda;
    if (change < tolerance) break;
  }
  return { m, lambda, iterations };
}
