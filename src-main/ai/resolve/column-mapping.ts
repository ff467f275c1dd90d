/**
 * Maps CSV headers to the engine's canonical fields. Headers are compared after lower-casing and
 * dropping everything but letters and digits, so "First Name", "first_name" and "FIRSTNAME" are
 * one header. An override map (header -> field, or null to ignore) wins over the built-in names;
 * the id column is a label and is never mapped to a feature.
 */
import { type CanonicalField } from './types';

const VARIANTS: Record<CanonicalField, string[]> = {
  given_name: ['given_name', 'given', 'givenname', 'first_name', 'first', 'firstname', 'forename', 'fname'],
  surname: ['surname', 'last_name', 'last', 'lastname', 'family_name', 'familyname', 'lname'],
  email: ['email', 'e_mail', 'email_address', 'mail'],
  phone: ['phone', 'phone_number', 'telephone', 'tel', 'mobile', 'cell', 'phone1'],
  date_of_birth: ['date_of_birth', 'dob', 'birth_date', 'birthdate', 'birthday', 'born'],
  street_number: ['street_number', 'street_no', 'house_number', 'number'],
  address_1: ['address_1', 'address1', 'address', 'street', 'street_address', 'address_line_1'],
  address_2: ['address_2', 'address2', 'address_line_2', 'unit', 'building'],
  suburb: ['suburb', 'city', 'town', 'locality'],
  postcode: ['postcode', 'post_code', 'zip', 'zipcode', 'zip_code', 'postal_code'],
  state: ['state', 'province', 'region', 'county'],
  identifier: [
    'soc_sec_id',
    'ssn',
    'social_security_number',
    'employee_number',
    'employee_id',
    'id_number',
    'national_id',
    'identifier',
  ],
  organization: ['organization', 'organisation', 'company', 'org', 'employer', 'company_name'],
  title: ['title', 'job_title', 'position', 'role'],
  department: ['department', 'dept', 'division', 'team'],
};

/** Lower-case letters and digits only: the form headers are compared in. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, CanonicalField>();
for (const [field, names] of Object.entries(VARIANTS) as [CanonicalField, string[]][]) {
  for (const name of names) BY_KEY.set(headerKey(name), field);
}

export interface ColumnMapping {
  /** Column index -> canonical field, for the columns that are features. */
  fields: Map<number, CanonicalField>;
  /** The column that labels each row, if any. */
  idColumn: number | null;
  /** Headers neither mapped nor the id, so the caller can say which columns were left out. */
  ignored: string[];
}

export interface MappingOptions {
  /** The label column (e.g. rec_id); never a feature. */
  id?: string;
  /** Header -> canonical field, or null to leave a column out. Compared like the headers. */
  overrides?: Record<string, CanonicalField | null>;
}

export function mapColumns(headers: string[], options: MappingOptions = {}): ColumnMapping {
  const overrides = new Map(Object.entries(options.overrides ?? {}).map(([h, f]) => [headerKey(h), f]));
  const idKey = options.id === undefined ? null : headerKey(options.id);
  const fields = new Map<number, CanonicalField>();
  const taken = new Set<CanonicalField>();
  const ignored: string[] = [];
  let idColumn: number | null = null;
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (key === idKey) {
      idColumn = column;
      return;
    }
    const field = overrides.has(key) ? overrides.get(key) : BY_KEY.get(key);
    // The first column for a field wins: two "phone" columns would otherwise overwrite each other.
    if (field && !taken.has(field)) {
      fields.set(column, field);
      taken.add(field);
    } else ignored.push(header);
  });
  if (idKey !== null && idColumn === null) throw new Error(`No column named "${options.id}" for the record id`);
  return { fields, idColumn, ignored };
}
