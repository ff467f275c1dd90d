/**
 * One incoming person against a prebuilt index of many (the mirror): the blocking keys of every
 * record in Maps and the sort keys in sorted arrays, so a lookup is a few Map reads and binary
 * searches, then the scoring of a few dozen candidates. The model is trained once when the index
 * is built (EM on a sample of the index's own candidate pairs) unless one is passed in.
 */
import { candidatePairs } from './blocking';
import { KEY_PASSES, SORT_PASSES } from './blocking-keys';
import { activeComparisons, comparePair } from './comparisons';
import { seededRandom, termFrequencies } from './estimate-u';
import { explainPair, pairWeight, type Model } from './model';
import { prepareRecord, type Prepared } from './prepare';
import { trainModel } from './train';
import { thresholdsSchema, type Explanation, type Outcome, type ResolveRecord, type Thresholds } from './types';

export interface MirrorIndex {
  records: Prepared[];
  model: Model;
  blocks: Map<string, number[]>;
  sorted: { keys: string[]; ids: Int32Array }[];
  maxBlockSize: number;
  window: number;
}

export interface IndexOptions {
  model?: Model;
  /** Records sampled from the index to train the model on (all, if fewer). */
  trainingSample?: number;
  maxBlockSize?: number;
  window?: number;
  seed?: number;
}

function trainOnSample(records: Prepared[], sample: number, seed: number): Model {
  const random = seededRandom(seed);
  const picked = records.length <= sample ? records : records.filter(() => random() < sample / records.length);
  const comparisons = activeComparisons(picked);
  const pairs = candidatePairs({
    records: picked,
    leftCount: picked.length,
    mode: 'dedupe',
    maxBlockSize: 120,
    window: 6,
  });
  const { model } = trainModel({
    comparisons,
    records: picked,
    leftCount: picked.length,
    mode: 'dedupe',
    pairs,
    randomPairs: 60_000,
    seed,
    emIterations: 40,
  });
  return model;
}

function sortPass(records: Prepared[], keysOf: (r: Prepared) => string[]) {
  const keyed: [string, number][] = [];
  records.forEach((r, i) => {
    const [key] = keysOf(r);
    if (key) keyed.push([key, i]);
  });
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { keys: keyed.map((k) => k[0]), ids: Int32Array.from(keyed, (k) => k[1]) };
}

export function buildIndex(input: ResolveRecord[], options: IndexOptions = {}): MirrorIndex {
  const records = input.map(prepareRecord);
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const pass of KEY_PASSES)
      for (const key of pass.keys(r)) {
        const block = blocks.get(key);
        if (block) block.push(i);
        else blocks.set(key, [i]);
      }
  });
  const trained = options.model ?? trainOnSample(records, options.trainingSample ?? 10_000, options.seed ?? 1);
  // The prior for one incoming record against one indexed record: it is at most one of them.
  const model: Model = {
    ...trained,
    lambda: 1 / Math.max(2, records.length),
    tf: termFrequencies(trained.comparisons, records),
    tfFloor: 1 / Math.max(1, records.length),
  };
  return {
    records,
    model,
    blocks,
    sorted: SORT_PASSES.map((pass) => sortPass(records, pass.keys)),
    maxBlockSize: options.maxBlockSize ?? 1000,
    window: options.window ?? 6,
  };
}

export interface Candidate {
  id: string;
  probability: number;
  outcome: Outcome;
  why: Explanation;
}

function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lookup(index: MirrorIndex, r: Prepared): Set<number> {
  const found = new Set<number>();
  for (const pass of KEY_PASSES)
    for (const key of pass.keys(r)) {
      const block = index.blocks.get(key);
      if (block && block.length <= index.maxBlockSize) for (const i of block) found.add(i);
    }
  SORT_PASSES.forEach((pass, p) => {
    const [key] = pass.keys(r);
    if (!key) return;
    const { keys, ids } = index.sorted[p]!;
    const at = lowerBound(keys, key);
    for (let q = Math.max(0, at - index.window); q < Math.min(keys.length, at + index.window); q += 1)
      found.add(ids[q]!);
  });
  return found;
}

export function outcomeOf(probability: number, thresholds: Thresholds): Outcome {
  return probability >= thresholds.same ? 'same' : probability >= thresholds.review ? 'review' : 'new';
}

/** The best candidates for one incoming record, best first, each with its outcome and why. */
export function matchOne(
  record: ResolveRecord,
  index: MirrorIndex,
  options: { thresholds?: Partial<Thresholds>; limit?: number } = {},
): { outcome: Outcome; candidates: Candidate[] } {
  const thresholds = thresholdsSchema.parse({ same: 0.5, review: 0.05, ...options.thresholds });
  const incoming = prepareRecord(record);
  const gamma = new Uint8Array(index.model.comparisons.length);
  // Weights first (cheap), explanations only for the few candidates returned.
  const candidates = [...lookup(index, incoming)]
    .map((i) => {
      comparePair(index.model.comparisons, incoming, index.records[i]!, gamma);
      return { i, weight: pairWeight(index.model, gamma, incoming) };
    })
    .sort((a, b) => b.weight - a.weight)
    .slice(0, options.limit ?? 5)
    .map(({ i }) => {
      const scored = explainPair(index.model, incoming, index.records[i]!);
      return { id: index.records[i]!.id, ...scored, outcome: outcomeOf(scored.probability, thresholds) };
    });
  return { outcome: candidates[0]?.outcome ?? 'new', candidates };
}
