import { describe, expect, it } from 'vitest';
import { activeComparisons } from './comparisons';
import { priorM } from './em';
import { buildIndex, matchOne } from './mirror-index';
import { explainPair, HOUSEHOLD_CAP, type Model } from './model';
import { prepareRecord } from './prepare';
import { dedupe, link } from './resolve';
import { type ResolveRecord } from './types';
import { duplicate, person, syntheticPeople } from './synthetic-people';
import { seededRandom } from './estimate-u';

/** Organizations: names with and without their legal form, in other case, the phone reformatted. */
function organizations(): ResolveRecord[] {
  const random = seededRandom(3);
  const words =
    'apex blue cedar delta eagle falcon granite harbor iron jade kestrel lumen maple north orbit pine'.split(' ');
  const kinds = 'holdings consulting foundation trust services partners labs group institute society'.split(' ');
  const forms = ['Pty Ltd', 'Inc', 'Ltd', 'LLC', ''];
  const pick = (xs: string[]) => xs[Math.floor(random() * xs.length)]!;
  const out: ResolveRecord[] = [];
  for (let e = 0; e < 300; e += 1) {
    const name = `${pick(words)} ${pick(words)} ${pick(kinds)}`;
    const phone = `02 ${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    const fields = { organization: `${name} ${pick(forms)}`, phone, postcode: String(2000 + e) };
    out.push({ id: `o${e}`, fields });
    if (random() < 0.4) {
      const again = { ...fields, organization: `${name.toUpperCase()} ${pick(forms)}`, phone: `+61${phone.slice(1)}` };
      out.push({ id: `o${e}-again`, fields: again });
    }
  }
  return out;
}

describe('resolve', () => {
  it('answers for sets too small to compare', () => {
    expect(dedupe([]).clusters).toEqual([]);
    expect(dedupe([{ id: 'a', fields: { surname: 'x' } }]).clusters).toEqual([['a']]);
    expect(link([{ id: 'a', fields: {} }], []).matches).toEqual([]);
  });

  it('deduplicates organizations: legal form, case and phone format do not matter', () => {
    const records = organizations();
    const result = dedupe(records);
    const truth = records.filter((r) => r.id.endsWith('-again')).length;
    const correct = result.matches.filter((m) => m.left.split('-')[0] === m.right.split('-')[0]).length;
    expect(correct).toBeGreaterThan(truth * 0.97);
    expect(correct).toBeGreaterThan(result.matches.length * 0.97);
  });

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
    const records = syntheticPeople(1500, 9);
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
