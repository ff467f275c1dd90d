/**
 * The two batch operations: `dedupe` finds the records of one set that are the same entity, and
 * `link` finds the records of a left set that are the same as records of a right set. Both block,
 * train the model on the run's own data by EM, score the candidates, and cluster without chaining;
 * matches are the pairs inside the predicted clusters (for a link: the left-right pairs).
 */
import { performance } from 'node:perf_hooks';
import { candidatePairs } from './blocking';
import { clusterRecords, type Edge, type PairProbe } from './cluster';
import { activeComparisons, comparePair } from './comparisons';
import { explainPair, householdOnly, pairWeight, probabilityOf, summarizeModel, type Model } from './model';
import { prepareRecord, type Prepared } from './prepare';
import { trainModel } from './train';
import {
  resolveOptionsSchema,
  type ResolveOptions,
  type ResolveRecord,
  type ResolveResult,
  type ScoredPair,
} from './types';

/** Odds of 1000:1 against: two people, even when a cluster's average would allow the merge. */
const CANNOT_LINK_BELOW = 1e-3;

export function dedupe(records: ResolveRecord[], options: ResolveOptions = {}): ResolveResult {
  return run(records, [], 'dedupe', options);
}

export function link(left: ResolveRecord[], right: ResolveRecord[], options: ResolveOptions = {}): ResolveResult {
  return run(left, right, 'link', options);
}

function probeFor(model: Model, records: Prepared[]) {
  const gamma = new Uint8Array(model.comparisons.length);
  return (i: number, j: number): PairProbe => {
    comparePair(model.comparisons, records[i]!, records[j]!, gamma);
    const probability = probabilityOf(pairWeight(model, gamma, records[i]!));
    return { probability, cannotLink: householdOnly(model, gamma) || probability < CANNOT_LINK_BELOW };
  };
}

interface Scored {
  pairs: readonly [number, number][];
  probabilities: number[];
  mode: 'dedupe' | 'link';
  leftCount: number;
}

/** The pairs inside the clusters (for a link, left-right ones) and the candidates left for review. */
function collect(model: Model, records: Prepared[], groups: number[][], scored: Scored, reviewAt: number) {
  const clusterOf = new Int32Array(records.length);
  groups.forEach((g, c) => g.forEach((x) => (clusterOf[x] = c)));
  const explain = (i: number, j: number): ScoredPair => ({
    left: records[i]!.id,
    right: records[j]!.id,
    ...explainPair(model, records[i]!, records[j]!),
  });
  const crosses = (i: number, j: number) => scored.mode === 'dedupe' || (i < scored.leftCount && j >= scored.leftCount);
  const matches: ScoredPair[] = [];
  for (const g of groups)
    for (let x = 0; x < g.length; x += 1)
      for (let y = x + 1; y < g.length; y += 1) {
        const [i, j] = [Math.min(g[x]!, g[y]!), Math.max(g[x]!, g[y]!)];
        if (crosses(i, j)) matches.push(explain(i, j));
      }
  const review: ScoredPair[] = [];
  scored.pairs.forEach(([i, j], p) => {
    if (scored.probabilities[p]! >= reviewAt && clusterOf[i] !== clusterOf[j]) review.push(explain(i, j));
  });
  return { matches, review };
}

/** Nothing to compare: every record its own entity. */
function nothingToCompare(left: ResolveRecord[], right: ResolveRecord[]): ResolveResult {
  const millis = { prepare: 0, block: 0, train: 0, score: 0, cluster: 0 };
  return {
    matches: [],
    review: [],
    clusters: [...left, ...right].map((r) => [r.id]),
    model: { fields: [], lambda: 0 },
    stats: {
      records: left.length + right.length,
      candidatePairs: 0,
      reductionRatio: 1,
      lambdaCandidates: 0,
      lambda: 0,
      emIterations: 0,
      millis,
    },
  };
}

function run(left: ResolveRecord[], right: ResolveRecord[], mode: 'dedupe' | 'link', options: ResolveOptions) {
  const opts = resolveOptionsSchema.parse(options);
  if (mode === 'dedupe' ? left.length < 2 : left.length === 0 || right.length === 0)
    return nothingToCompare(left, right);
  const t0 = performance.now();
  const records = [...left, ...right].map(prepareRecord);
  const comparisons = activeComparisons(records);
  const t1 = performance.now();
  const blocking = { records, leftCount: left.length, mode, maxBlockSize: opts.maxBlockSize, window: opts.window };
  const pairs = candidatePairs(blocking);
  const t2 = performance.now();
  const trained = trainModel({ comparisons, records, leftCount: left.length, mode, pairs, ...opts });
  const { model, gammas } = trained;
  const t3 = performance.now();
  const k = comparisons.length;
  const probabilities = pairs.map(([i], p) =>
    probabilityOf(pairWeight(model, gammas.subarray(p * k, p * k + k), records[i]!)),
  );
  const edges: Edge[] = [];
  pairs.forEach(([i, j], p) => {
    if (probabilities[p]! >= opts.thresholds.same) edges.push({ i, j, probability: probabilities[p]! });
  });
  const t4 = performance.now();
  const groups = clusterRecords(records.length, edges, opts.thresholds.same, probeFor(model, records));
  const { matches, review } = collect(
    model,
    records,
    groups,
    { pairs, probabilities, mode, leftCount: left.length },
    opts.thresholds.review,
  );
  const t5 = performance.now();
  const n = records.length;
  const allPairs = mode === 'dedupe' ? (n * (n - 1)) / 2 : left.length * right.length;
  return {
    matches,
    review,
    clusters: groups.map((g) => g.map((x) => records[x]!.id)),
    model: summarizeModel(model),
    stats: {
      records: n,
      candidatePairs: pairs.length,
      reductionRatio: allPairs ? 1 - pairs.length / allPairs : 0,
      lambdaCandidates: trained.lambdaCandidates,
      lambda: model.lambda,
      emIterations: trained.iterations,
      millis: { prepare: t1 - t0, block: t2 - t1, train: t3 - t2, score: t4 - t3, cluster: t5 - t4 },
    },
  } satisfies ResolveResult;
}
