import { describe, expect, it } from 'vitest';
import { clusterRecords, type PairProbe } from './cluster';
import { dedupe } from './resolve';
import { syntheticPeople } from './synthetic-people';
import { type ResolveRecord } from './types';

const HOME = { street_number: '12', address_1: 'wattle street', suburb: 'ryde', postcode: '2112', state: 'nsw' };

/** A family at one address: same surname and address, their own given names, dates and numbers. */
const FAMILY: ResolveRecord[] = [
  {
    id: 'robert',
    fields: { ...HOME, given_name: 'Robert', surname: 'Quenby', date_of_birth: '19700301', identifier: '4410021' },
  },
  {
    id: 'rebecca',
    fields: { ...HOME, given_name: 'Rebecca', surname: 'Quenby', date_of_birth: '19720815', identifier: '5520934' },
  },
  {
    id: 'peter',
    fields: { ...HOME, given_name: 'Peter', surname: 'Quenby', date_of_birth: '20011120', identifier: '6630417' },
  },
  // Close to Robert and to Rebecca alike: no date of birth, no number, an initial.
  { id: 'r-initial', fields: { ...HOME, given_name: 'R', surname: 'Quenby' } },
  {
    id: 'robert-again',
    fields: { ...HOME, given_name: 'Bob', surname: 'Quenby', date_of_birth: '19700301', identifier: '4410021' },
  },
];

describe('clustering', () => {
  it('does not chain a family at one address into one person', () => {
    const result = dedupe([...syntheticPeople(600, 11), ...FAMILY]);
    const clusterOf = (id: string) => result.clusters.find((c) => c.includes(id))!;
    expect(clusterOf('robert')).toContain('robert-again');
    for (const [a, b] of [
      ['robert', 'rebecca'],
      ['robert', 'peter'],
      ['rebecca', 'peter'],
    ] as const)
      expect(clusterOf(a)).not.toContain(b);
  });

  it('splits a component whose only link is an ambiguous record', () => {
    // 0-1 and 1-2 are matches, 0-2 is certainly two people: connected components would give {0,1,2}.
    const probability: Record<string, number> = { '0,1': 0.99, '1,2': 0.9, '0,2': 0.0001 };
    const probe = (i: number, j: number): PairProbe => {
      const p = probability[`${i},${j}`] ?? 0;
      return { probability: p, cannotLink: p < 0.001 };
    };
    const edges = [
      { i: 0, j: 1, probability: 0.99 },
      { i: 1, j: 2, probability: 0.9 },
    ];
    const clusters = clusterRecords(3, edges, 0.5, probe).map((c) => c.sort());
    expect(clusters).toContainEqual([0, 1]);
    expect(clusters).toContainEqual([2]);
  });
});
