/**
 * Trains the model for one run, with no labels: u from random pairs, the term frequencies from the
 * records, then m and the share of matches among the candidates by EM on the candidate pairs. The
 * prior for any two records follows from that share: expected matches over all possible pairs.
 */
import { comparePair, type Comparison } from './comparisons';
import { countPatterns, runEm } from './em';
import { estimateU, termFrequencies } from './estimate-u';
import { type Model } from './model';
import { type Prepared } from './prepare';

export interface TrainInput {
  comparisons: Comparison[];
  /** Left records then right records (a dedupe: just the records, leftCount = length). */
  records: readonly Prepared[];
  leftCount: number;
  mode: 'dedupe' | 'link';
  pairs: readonly [number, number][];
  randomPairs: number;
  seed: number;
  emIterations: number;
}

export interface Trained {
  model: Model;
  /** The candidates' agreement levels, row p for pair p (kept so scoring need not compare again). */
  gammas: Uint8Array;
  lambdaCandidates: number;
  iterations: number;
}

export function compareAll(
  comparisons: Comparison[],
  records: readonly Prepared[],
  pairs: readonly [number, number][],
) {
  const k = comparisons.length;
  const gammas = new Uint8Array(pairs.length * k);
  pairs.forEach(([i, j], p) => comparePair(comparisons, records[i]!, records[j]!, gammas.subarray(p * k, p * k + k)));
  return gammas;
}

export function trainModel(input: TrainInput): Trained {
  const { comparisons, records, leftCount } = input;
  const left = records.slice(0, leftCount);
  const right = input.mode === 'dedupe' ? left : records.slice(leftCount);
  const u = estimateU(comparisons, left, right, input.randomPairs, input.seed);
  const k = comparisons.length;
  const gammas = compareAll(comparisons, records, input.pairs);
  const rows = function* () {
    for (let p = 0; p < input.pairs.length; p += 1) yield gammas.subarray(p * k, p * k + k);
  };
  const em = runEm(countPatterns(rows()), u, { iterations: input.emIterations });
  const allPairs =
    input.mode === 'dedupe' ? (left.length * (left.length - 1)) / 2 : left.length * Math.max(1, right.length);
  const expectedMatches = em.lambda * input.pairs.length;
  const lambda = Math.min(0.5, Math.max(1 / Math.max(2, allPairs), expectedMatches / Math.max(1, allPairs)));
  const model: Model = {
    comparisons,
    m: em.m,
    u,
    tf: termFrequencies(comparisons, records),
    tfFloor: 1 / Math.max(1, records.length),
    lambda,
  };
  return { model, gammas, lambdaCandidates: em.lambda, iterations: em.iterations };
}
