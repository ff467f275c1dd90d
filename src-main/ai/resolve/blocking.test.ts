import { describe, expect, it } from 'vitest';
import { candidatePairs } from './blocking';
import { prepareRecord } from './prepare';
import { syntheticPeople, truePairCount } from './synthetic-people';

describe('blocking', () => {
  const records = syntheticPeople(1500, 3);
  const prepared = records.map(prepareRecord);
  const input = {
    records: prepared,
    leftCount: prepared.length,
    mode: 'dedupe' as const,
    maxBlockSize: 120,
    window: 6,
  };

  it('keeps at least 99.5% of the true pairs while comparing a small share of all pairs', () => {
    const pairs = candidatePairs(input);
    const found = pairs.filter(([i, j]) => records[i]!.entity === records[j]!.entity).length;
    const all = (records.length * (records.length - 1)) / 2;
    expect(found / truePairCount(records)).toBeGreaterThanOrEqual(0.995);
    expect(pairs.length / all).toBeLessThan(0.05);
  });

  it('pairs only left with right records in a linkage, each pair once', () => {
    const pairs = candidatePairs({ ...input, mode: 'link', leftCount: 700 });
    expect(pairs.every(([i, j]) => i < 700 && j >= 700)).toBe(true);
    expect(new Set(pairs.map(([i, j]) => `${i},${j}`)).size).toBe(pairs.length);
  });
});
