/**
 * Candidate pairs from the blocking passes: records that share a key in any pass, plus neighbours
 * in the sorted-neighbourhood passes. A key shared by too many records (a common surname code,
 * the empty street) is skipped: it would cost many comparisons and tell little. Dedupe pairs
 * records of one set; linkage pairs only a left record with a right record.
 */
import { KEY_PASSES, SORT_PASSES } from './blocking-keys';
import { type Prepared } from './prepare';

export interface BlockingInput {
  /** Left records then right records; for a dedupe, `leftCount` is the whole length. */
  records: readonly Prepared[];
  leftCount: number;
  mode: 'dedupe' | 'link';
  maxBlockSize: number;
  window: number;
}

/** Pairs as numbers i * n + j (i < j) in a Set: no duplicates across passes, little memory. */
export class PairSet {
  readonly codes = new Set<number>();
  constructor(
    private readonly n: number,
    private readonly input: BlockingInput,
  ) {}

  add(i: number, j: number): void {
    const [a, b] = i < j ? [i, j] : [j, i];
    if (a === b) return;
    if (this.input.mode === 'link' && !(a < this.input.leftCount && b >= this.input.leftCount)) return;
    this.codes.add(a * this.n + b);
  }

  pairs(): [number, number][] {
    return [...this.codes].map((c) => [Math.floor(c / this.n), c % this.n]);
  }
}

function addKeyPasses(input: BlockingInput, set: PairSet): void {
  for (const pass of KEY_PASSES) {
    const blocks = new Map<string, number[]>();
    input.records.forEach((r, i) => {
      for (const key of pass.keys(r)) {
        const block = blocks.get(key);
        if (block) block.push(i);
        else blocks.set(key, [i]);
      }
    });
    for (const block of blocks.values()) {
      if (block.length < 2 || block.length > input.maxBlockSize) continue;
      for (let x = 0; x < block.length; x += 1)
        for (let y = x + 1; y < block.length; y += 1) set.add(block[x]!, block[y]!);
    }
  }
}

function addSortPasses(input: BlockingInput, set: PairSet): void {
  for (const pass of SORT_PASSES) {
    const keyed: [string, number][] = [];
    input.records.forEach((r, i) => {
      const [key] = pass.keys(r);
      if (key) keyed.push([key, i]);
    });
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    for (let p = 0; p < keyed.length; p += 1)
      for (let q = p + 1; q < Math.min(keyed.length, p + input.window); q += 1) set.add(keyed[p]![1], keyed[q]![1]);
  }
}

export function candidatePairs(input: BlockingInput): [number, number][] {
  const set = new PairSet(input.records.length, input);
  addKeyPasses(input, set);
  addSortPasses(input, set);
  return set.pairs();
}
