/**
 * The postal address as one comparison. Street number, street, second line, suburb, postcode and
 * state are not independent: two records with the same street and number almost always share the
 * suburb, postcode and state too, and so do the several people of one household. Counting each
 * field's agreement as separate evidence would add the same fact up five times; one comparison
 * with levels from "same address" down to "same state only" counts it once, with u measured on
 * random pairs and, for the same address, the frequency of that address among the records.
 */
import { editLevel, MISSING, textLevel } from './comparators';
import { type Prepared } from './prepare';

export const ADDRESS_LEVELS = [
  'same address',
  'same street address, other locality',
  'same street and locality, other number or line',
  'same locality',
  'same state',
  'different',
] as const;

function hasStreet(r: Prepared): boolean {
  return r.address1.v !== '' || r.address2.v !== '';
}

function hasLocality(r: Prepared): boolean {
  return r.postcode !== '' || r.suburb.v !== '';
}

export function hasAddress(r: Prepared): boolean {
  return hasStreet(r) || hasLocality(r) || r.state !== '';
}

/** Agreement of a line: 0 same or close, 1 somewhat, 2 different, MISSING when a side lacks it. */
function lineAgreement(a: Prepared['address1'], b: Prepared['address1']): number {
  const level = textLevel(a, b, 0.9, 0.75);
  return level === MISSING ? MISSING : level <= 1 ? 0 : level === 2 ? 1 : 2;
}

/** The street (first line, or the second if a side has no first), and whether the number agrees. */
function streetAgreement(a: Prepared, b: Prepared): { street: number; number: boolean } {
  const first = lineAgreement(a.address1, b.address1);
  const street = first !== MISSING ? first : lineAgreement(a.address2, b.address2);
  return { street, number: a.streetNumber !== '' && editLevel(a.streetNumber, b.streetNumber, 0) === 0 };
}

function localityAgrees(a: Prepared, b: Prepared): boolean {
  if (a.postcode && a.postcode === b.postcode) return true;
  return textLevel(a.suburb, b.suburb) <= 1;
}

export function addressLevel(a: Prepared, b: Prepared): number {
  if (!hasAddress(a) || !hasAddress(b)) return MISSING;
  const locality = hasLocality(a) && hasLocality(b) ? localityAgrees(a, b) : null;
  const { street, number } = hasStreet(a) && hasStreet(b) ? streetAgreement(a, b) : { street: MISSING, number: false };
  if (street === 0 && number) {
    // The second line is looked at only here, where it decides between the top two levels.
    const second = lineAgreement(a.address2, b.address2);
    if ((second === MISSING || second === 0) && locality !== false) return 0;
    if (locality === false) return 1;
  }
  if (street !== MISSING && street <= 1 && locality !== false) return 2;
  if (locality) return 3;
  if (a.state && a.state === b.state) return 4;
  return 5;
}

/** The address in one string, for the frequency of the exact address among the records. */
export function addressKey(r: Prepared): string {
  return [r.streetNumber, r.address1.v, r.address2.v, r.suburb.v, r.postcode].join('|');
}
