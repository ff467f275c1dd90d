import { describe, expect, it } from 'vitest';
import { countPatterns, runEm } from './em';
import { seededRandom } from './estimate-u';

/** Two fields of three levels; matches agree mostly at level 0, non-matches mostly differ. */
function synthetic(matches: number, nonMatches: number): Uint8Array[] {
  const random = seededRandom(5);
  const draw = (probabilities: number[]) => {
    let x = random();
    for (let l = 0; l < probabilities.length; l += 1) if ((x -= probabilities[l]!) < 0) return l;
    return probabilities.length - 1;
  };
  const m = [0.85, 0.1, 0.05];
  const u = [0.02, 0.08, 0.9];
  const out: Uint8Array[] = [];
  for (let i = 0; i < matches; i += 1) out.push(Uint8Array.from([draw(m), draw(m), draw(m)]));
  for (let i = 0; i < nonMatches; i += 1) out.push(Uint8Array.from([draw(u), draw(u), draw(u)]));
  return out;
}

describe('EM', () => {
  it('recovers m above u at agreement and the share of matches, with no labels', () => {
    const patterns = countPatterns(synthetic(1000, 9000));
    const u = [0, 1, 2].map(() => [0.02, 0.08, 0.9]);
    const { m, lambda } = runEm(patterns, u, { iterations: 100 });
    for (const row of m) {
      expect(row[0]!).toBeGreaterThan(0.75);
      expect(row[0]!).toBeGreaterThan(u[0]![0]! * 10);
      expect(row[2]!).toBeLessThan(0.15);
    }
    expect(lambda).toBeGreaterThan(0.08);
    expect(lambda).toBeLessThan(0.12);
  });

  it('counts identical agreement patterns once', () => {
    const patterns = countPatterns([Uint8Array.of(0, 1), Uint8Array.of(0, 1), Uint8Array.of(2, 2)]);
    expect(patterns.map((p) => p.count).sort()).toEqual([1, 2]);
  });
});
