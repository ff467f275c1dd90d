/**
 * Synthetic people for the engine's tests: independent persons drawn from small name and place
 * lists, and duplicates made from them with typos and dropped fields, with a seeded generator
 * so a failing test fails the same way every time. `entity` is the answer key, never a feature.
 */
import { seededRandom } from './estimate-u';
import { type ResolveRecord } from './types';

const GIVEN = (
  'james mary john patricia robert jennifer michael linda william elizabeth david barbara richard susan joseph ' +
  'jessica thomas sarah charles karen daniel nancy matthew lisa anthony betty mark margaret donald sandra steven ' +
  'ashley paul kimberly andrew emily joshua donna kenneth michelle kevin dorothy brian carol george amanda edward ' +
  'melissa ronald deborah timothy stephanie jason rebecca jeffrey sharon ryan laura jacob cynthia gary kathleen'
).split(' ');
const SURNAMES = (
  'smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson ' +
  'anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson ' +
  'walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell ' +
  'mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris'
).split(' ');
const STREETS = (
  'wattle acacia banksia bottlebrush cedar eucalypt fig grevillea hakea ironbark jarrah kurrajong lilly maple ' +
  'norfolk oak palm quandong red gum sassafras tallow waratah'
).split(' ');
const SUBURBS = 'ryde hornsby parramatta penrith blacktown liverpool bankstown manly mosman chatswood epping'.split(
  ' ',
);

export interface SyntheticRecord extends ResolveRecord {
  entity: number;
}

function pick<T>(xs: readonly T[], random: () => number): T {
  return xs[Math.floor(random() * xs.length)]!;
}

export function person(entity: number, random: () => number): SyntheticRecord {
  const suburb = Math.floor(random() * SUBURBS.length);
  const dob = `${1930 + Math.floor(random() * 70)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  return {
    id: `p${entity}`,
    entity,
    fields: {
      given_name: pick(GIVEN, random),
      surname: pick(SURNAMES, random),
      date_of_birth: dob,
      street_number: String(1 + Math.floor(random() * 200)),
      address_1: `${pick(STREETS, random)} street`,
      suburb: SUBURBS[suburb]!,
      postcode: String(2000 + suburb * 7),
      state: 'nsw',
      identifier: String(1_000_000 + Math.floor(random() * 8_999_999)),
    },
  };
}

function typo(value: string, random: () => number): string {
  if (value.length < 3) return value;
  const at = 1 + Math.floor(random() * (value.length - 2));
  return random() < 0.5 ? value.slice(0, at) + value.slice(at + 1) : value.slice(0, at) + 'x' + value.slice(at + 1);
}

export function duplicate(source: SyntheticRecord, n: number, random: () => number): SyntheticRecord {
  const fields = { ...source.fields };
  const keys = Object.keys(fields) as (keyof typeof fields)[];
  for (let e = 0; e < 2; e += 1) {
    const key = pick(keys, random);
    if (random() < 0.25) delete fields[key];
    else fields[key] = typo(fields[key] ?? '', random);
  }
  return { id: `${source.id}-dup${n}`, entity: source.entity, fields };
}

/** `people` persons, a duplicate for a third of them, shuffled. */
export function syntheticPeople(people: number, seed: number): SyntheticRecord[] {
  const random = seededRandom(seed);
  const out: SyntheticRecord[] = [];
  for (let e = 0; e < people; e += 1) {
    const p = person(e, random);
    out.push(p);
    if (random() < 0.33) out.push(duplicate(p, 0, random));
  }
  return out.sort(() => random() - 0.5);
}

export function truePairCount(records: SyntheticRecord[]): number {
  const sizes = new Map<number, number>();
  for (const r of records) sizes.set(r.entity, (sizes.get(r.entity) ?? 0) + 1);
  let pairs = 0;
  for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}
