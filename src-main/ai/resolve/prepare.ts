/**
 * A record made ready for comparison, once: every field normalized, split into characters for the
 * Jaro-Winkler comparator (which would otherwise split both strings on every call), and the
 * phonetic codes and sorted tokens the blocking passes and comparators share.
 */
import { doubleMetaphone } from 'double-metaphone';
import { normalizeAddress, normalizeOrganization } from './normalize-address';
import { normalizeDate, type NormalDate } from './normalize-date';
import {
  normalizeEmail,
  normalizeGivenName,
  normalizeIdentifier,
  normalizeName,
  normalizePhone,
  plainText,
} from './normalize';
import { type ResolveRecord } from './types';

/** A normalized text value with what the comparators need; `v` is '' when missing. */
export interface Text {
  v: string;
  chars: string[];
  /** Words sorted, so "smith john" and "john smith" agree as token sets. */
  sorted: string;
  words: string[];
}

export interface Prepared {
  id: string;
  given: Text;
  /** The given name as written (no nickname mapping): what an e-mail local part is spelled from. */
  givenWritten: string;
  surname: Text;
  /** Double Metaphone codes (primary, alternate) of each name; '' when missing. */
  givenCodes: [string, string];
  surnameCodes: [string, string];
  dob: NormalDate | null;
  identifier: string;
  email: string;
  emailLocal: string;
  phone: string;
  streetNumber: string;
  address1: Text;
  address2: Text;
  suburb: Text;
  postcode: string;
  state: string;
  organization: Text;
  title: Text;
  department: Text;
}

function text(v: string): Text {
  const words = v ? v.split(' ') : [];
  return { v, chars: [...v], sorted: words.length > 1 ? [...words].sort().join(' ') : v, words };
}

function codes(name: string): [string, string] {
  if (!name) return ['', ''];
  const [primary, alternate] = doubleMetaphone(name.replace(/ /g, ''));
  return [primary, alternate];
}

export function prepareRecord(record: ResolveRecord): Prepared {
  const f = record.fields;
  const given = normalizeGivenName(f.given_name);
  const surname = normalizeName(f.surname);
  const email = normalizeEmail(f.email);
  return {
    id: record.id,
    given: text(given),
    givenWritten: normalizeName(f.given_name),
    surname: text(surname),
    givenCodes: codes(given),
    surnameCodes: codes(surname),
    dob: normalizeDate(f.date_of_birth),
    identifier: normalizeIdentifier(f.identifier),
    email: email.address,
    emailLocal: email.local,
    phone: normalizePhone(f.phone),
    streetNumber: plainText(f.street_number).replace(/ /g, ''),
    address1: text(normalizeAddress(f.address_1)),
    address2: text(normalizeAddress(f.address_2)),
    suburb: text(plainText(f.suburb)),
    postcode: plainText(f.postcode).replace(/ /g, ''),
    state: plainText(f.state),
    organization: text(normalizeOrganization(f.organization)),
    title: text(plainText(f.title)),
    department: text(plainText(f.department)),
  };
}
