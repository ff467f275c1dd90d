/**
 * Expectation-maximisation for the Fellegi-Sunter model, with no labels: the candidate pairs are
 * a mixture of matches (agreement levels drawn from m) and non-matches (drawn from u). u stays as
 * measured on random pairs; EM estimates m and the share of matches lambda. Identical agreement
 * patterns are counted once with a weight, so an iteration costs the number of distinct patterns.
 * A small Dirichlet prior on m (a few pseudo-pairs) keeps m sensible when a run has few matches.
 * The match class must look like matches: see `labelled`.
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
  /** Starting share of matches; small, so EM starts near "matches are the pairs that agree". */
  initialLambda?: number;
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
    6: [0.75, 0.06, 0.06, 0.05, 0.04, 0.04],
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

/** Normalized rows of `counts`. */
function normalize(counts: number[][]): number[][] {
  return counts.map((row) => {
    const sum = row.reduce((x, y) => x + y, 0);
    return row.map((n) => n / sum);
  });
}

function maxChange(a: number[][], b: number[][]): number {
  let change = 0;
  a.forEach((row, f) => row.forEach((x, l) => (change = Math.max(change, Math.abs(x - b[f]![l]!)))));
  return change;
}

/**
 * The labelling constraint: in the match class a field agrees at its best level at least as often
 * as among the candidates' non-matches, and disagrees outright no more often. With few true
 * matches among many candidates, the likeliest two-class split is otherwise "shares the field a
 * blocking pass used" (e.g. the same given name, every other field different); a field whose
 * estimate breaks the constraint is held at the prior for the round, so no such class can form.
 */
function labelled(m: number[][], u: number[][], prior: number[][]): number[][] {
  return m.map((row, f) => {
    const last = row.length - 1;
    return row[0]! < u[f]![0]! || row[last]! > u[f]![last]! ? prior[f]!.slice() : row;
  });
}

/**
 * EM over the candidate pairs. The non-matches among candidates are not like random pairs (each
 * shares at least one blocking key), so inside EM they get their own distribution, started from
 * the random-pair u and re-estimated each round; with u held at the random-pair values instead,
 * the "match" class drifts to absorb the non-matches that share a key. Only m and lambda are
 * returned: the scoring uses the random-pair u with the prior for any two records.
 */
export function runEm(patterns: Pattern[], u: number[][], options: EmOptions): EmResult {
  const alpha = options.priorWeight ?? 10;
  const tolerance = options.tolerance ?? 1e-6;
  const prior = u.map((row) => priorM(row.length));
  let m = prior.map((row) => row.slice());
  let uc = u.map((row) => row.slice());
  let lambda = options.initialLambda ?? 0.05;
  let iterations = 0;
  while (iterations < options.iterations) {
    iterations += 1;
    const logM = m.map((row) => row.map(Math.log));
    const post = posteriors(
      patterns,
      logM,
      uc.map((row) => row.map(Math.log)),
      lambda,
    );
    const mCounts = prior.map((row) => row.map((p) => alpha * p));
    const uCounts = u.map((row) => row.map((p) => alpha * p));
    let matched = 0;
    let total = 0;
    patterns.forEach(({ gamma, count }, p) => {
      const w = count * post[p]!;
      matched += w;
      total += count;
      for (let f = 0; f < gamma.length; f += 1) {
        if (gamma[f] === MISSING) continue;
        mCounts[f]![gamma[f]!]! += w;
        uCounts[f]![gamma[f]!]! += count - w;
      }
    });
    const nextU = normalize(uCounts);
    const nextM = labelled(normalize(mCounts), nextU, prior);
    const nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, matched / total));
    const change = Math.max(Math.abs(nextLambda - lambda), maxChange(nextM, m), maxChange(nextU, uc));
    [m, uc, lambda] = [nextM, nextU, nextLambda];
    if (change < tolerance) break;
  }
  return { m, lambda, iterations };
}
