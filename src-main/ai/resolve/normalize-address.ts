/**
 * Address tokens in one spelling: lower case, no punctuation, the usual abbreviations expanded
 * (st -> street, rd -> road, apt -> apartment), so "12 Smith St." and "12 smith street" agree.
 * Organization names lose their legal-form words (Inc, Ltd, Pty) for the same reason.
 */
import { plainText } from './normalize';

const ADDRESS_WORDS: Record<string, string> = {
  st: 'street',
  str: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  blvd: 'boulevard',
  dr: 'drive',
  ln: 'lane',
  ct: 'court',
  crt: 'court',
  pl: 'place',
  cres: 'crescent',
  cr: 'crescent',
  hwy: 'highway',
  pde: 'parade',
  tce: 'terrace',
  cct: 'circuit',
  cl: 'close',
  sq: 'square',
  apt: 'apartment',
  ste: 'suite',
  fl: 'floor',
  bldg: 'building',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  mt: 'mount',
};

export function normalizeAddress(value: string | undefined): string {
  return plainText(value)
    .split(' ')
    .filter(Boolean)
    .map((w) => ADDRESS_WORDS[w] ?? w)
    .join(' ');
}

const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'pty',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'bv',
  'the',
]);

export function normalizeOrganization(value: string | undefined): string {
  return plainText((value ?? '').replace(/&/g, ' and '))
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(' ');
}
