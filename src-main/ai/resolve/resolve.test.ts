import { describe, expect, it } from 'vitest';
import { activeComparisons } from './comparisons';
import { priorM } from './em';
import { buildIndex, matchOne } from './mirror-index';
import { explainPair, HOUSEHOLD_CAP, type Model } from './model';
import { prepareRecord } from './prepare';
import { link } from './resolve';
import { duplicate, person, syntheticPeople } from './synthetic-people';
import { seededRandom } from './estimate-u';

describe('resolve', () => {
  it('links a left set to a right set without labels', () => {
    const records = syntheticPeople(800, 21);
    const dups = records.filter((r) => r.id.includes('-dup'));
    const originals = records.filter((r) => !r.id.includes('-dup'));
    const result = link(originals, dups);
    const correct = result.matches.filter((m) => m.right.startsWith(`${m.left}-dup`)).length;
    expect(correct / dups.length).toBeGreaterThan(0.97);
    expect(correct / result.matches.length).toBeGreaterThan(0.97);
    const why = result.matches[0]!.why;
    expect(why.fields.map((f) => f.field)).toContain('given_name');
    expect(why.prior).toBeLessThan(0);
  });

  it('holds a pair whose personal fields all differ below the household cap', () => {
    const home = { street_number: '12', address_1: 'wattle street', suburb: 'ryde', postcode: '2112' };
    const a = prepareRecord({
      id: 'a',
      fields: { ...home, given_name: 'Robert', surname: 'Quenby', date_of_birth: '19700301' },
    });
    const b = prepareRecord({
      id: 'b',
      fields: { ...home, given_name: 'Rebecca', surname: 'Quenby', date_of_birth: '19720815' },
    });
    const comparisons = activeComparisons([a, b]);
    // A model that trusts agreement on surname and address a great deal.
    const model: Model = {
      comparisons,
      m: comparisons.map((c) => priorM(c.levels.length)),
      u: comparisons.map((c) => c.levels.map((_, l) => (l === c.levels.length - 1 ? 0.99 : 0.0001))),
      tf: comparisons.map(() => null),
      tfFloor: 1e-4,
      lambda: 0.01,
    };
    const family = explainPair(model, a, b);
    expect(family.probability).toBeLessThanOrEqual(HOUSEHOLD_CAP + 1e-9);
    expect(family.why.capped).toMatch(/household/);
    const same = explainPair(
      model,
      a,
      prepareRecord({ id: 'c', fields: { ...home, given_name: 'Bob', surname: 'Quenby', date_of_birth: '19700301' } }),
    );
    expect(same.probability).toBeGreaterThan(0.9);
    expect(same.why.capped).toBeUndefined();
  });

  it('finds one incoming person in a prebuilt index, and calls a stranger new', () => {
    const records = syntheticPeople(3000, 9);
    const index = buildIndex(records);
    const random = seededRandom(77);
    const source = records.find((r) => !r.id.includes('-dup'))!;
    const incoming = duplicate(source, 9, random);
    const found = matchOne(incoming, index);
    expect(found.candidates[0]!.id).toBe(source.id);
    expect(found.outcome).toBe('same');
    expect(found.candidates[0]!.why.fields.find((f) => f.field === 'surname')).toBeDefined();
    const stranger = matchOne(person(99_999, random), index);
    expect(stranger.outcome).not.toBe('same');
  });
});
