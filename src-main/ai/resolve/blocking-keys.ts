/**
 * The blocking keys: cheap values two records of one person are likely to share even after typos.
 * Several passes, each on different fields, so that a pair missed by one (a typo in the surname)
 * is caught by another (the same date of birth). Name keys use Double Metaphone codes and are
 * order-free, so a given name and surname entered the wrong way round still meet.
 */
import { type Prepared } from './prepare';

export interface KeyPass {
  name: string;
  keys(r: Prepared): string[];
}

function nameCodes(codes: [string, string]): string[] {
  return [...new Set(codes.filter(Boolean))];
}

function pairKeys(xs: string[], ys: string[], tag: string): string[] {
  const out: string[] = [];
  for (const x of xs) for (const y of ys) if (x && y) out.push(`${tag}:${x}|${y}`);
  return out;
}

function unorderedNameKeys(r: Prepared): string[] {
  const out: string[] = [];
  for (const g of nameCodes(r.givenCodes))
    for (const s of nameCodes(r.surnameCodes)) out.push(g < s ? `n:${g}|${s}` : `n:${s}|${g}`);
  return out;
}

function anyNameCodes(r: Prepared): string[] {
  return [...nameCodes(r.givenCodes), ...nameCodes(r.surnameCodes)];
}

function one(tag: string, value: string | null | undefined): string[] {
  return value ? [`${tag}:${value}`] : [];
}

export const KEY_PASSES: readonly KeyPass[] = [
  { name: 'identifier', keys: (r) => one('id', r.identifier) },
  { name: 'email', keys: (r) => one('e', r.email) },
  { name: 'email local part', keys: (r) => (r.emailLocal.length >= 4 ? one('el', r.emailLocal) : []) },
  { name: 'phone', keys: (r) => one('p', r.phone) },
  { name: 'date of birth', keys: (r) => one('d', r.dob?.digits) },
  {
    name: 'date of birth, day and month in either order',
    keys: (r) => (r.dob?.month ? one('dm', [r.dob.year, ...[r.dob.month, r.dob.day].sort()].join('')) : []),
  },
  { name: 'names (phonetic, either order)', keys: unorderedNameKeys },
  { name: 'a name (phonetic) and birth year', keys: (r) => pairKeys(anyNameCodes(r), [r.dob?.year ?? ''], 'ny') },
  { name: 'a name (phonetic) and postcode', keys: (r) => pairKeys(anyNameCodes(r), [r.postcode], 'np') },
  { name: 'postcode and street number', keys: (r) => pairKeys([r.postcode], [r.streetNumber], 'ps') },
  {
    name: 'street number and street',
    keys: (r) => pairKeys([r.streetNumber], [r.address1.v.slice(0, 5)], 'sa'),
  },
  { name: 'organization', keys: (r) => one('o', r.organization.sorted) },
];

/** Sort keys for the sorted-neighbourhood passes: neighbours in sort order are compared. */
export const SORT_PASSES: readonly KeyPass[] = [
  { name: 'sorted: surname, given name', keys: (r) => one('', r.surname.v && `${r.surname.v} ${r.given.v}`) },
  { name: 'sorted: given name, surname', keys: (r) => one('', r.given.v && `${r.given.v} ${r.surname.v}`) },
  { name: 'sorted: identifier', keys: (r) => one('', r.identifier) },
  { name: 'sorted: date of birth, surname', keys: (r) => one('', r.dob && `${r.dob.digits} ${r.surname.v}`) },
  { name: 'sorted: street, number', keys: (r) => one('', r.address1.v && `${r.address1.v} ${r.streetNumber}`) },
  { name: 'sorted: organization', keys: (r) => one('', r.organization.v) },
];
