/**
 * The People list as a CSV: the columns shown, in their order, with the values in the words the
 * list uses (access "User", type "External"), every cell neutralized against spreadsheet formulas.
 * The name column becomes two (last name, first name) so a spreadsheet can sort and filter on each.
 */
import {
  ACCESS_TYPE_WORDS,
  PEOPLE_COLUMN_LABELS,
  USER_TYPE_WORDS,
  type PeopleColumnId,
  type PersonRow,
} from '../../src-preload/contract';
import { toSafeCsv, type CsvValue } from '../export/csv-cell';

const accessWords = (p: PersonRow): string => {
  const access = p.accessType ? (ACCESS_TYPE_WORDS[p.accessType] ?? `Type ${p.accessType}`) : '';
  const admin = p.userType && p.userType !== '10' ? USER_TYPE_WORDS[p.userType] : undefined;
  return admin ? `${access} (${admin})` : access;
};

const CELLS: Record<Exclude<PeopleColumnId, 'name'>, (p: PersonRow) => CsvValue> = {
  email: (p) => p.email,
  organization: (p) => p.organization,
  department: (p) => p.department,
  access: accessWords,
  status: (p) => (p.removed ? 'Removed' : p.status),
  kind: (p) => (p.isExternal ? 'External' : 'Internal'),
  lastLogin: (p) => p.lastLogin,
  title: (p) => p.title,
  id: (p) => p.id,
  lastUpdated: (p) => p.lastUpdated,
};

export function peopleCsv(rows: readonly PersonRow[], columns: readonly PeopleColumnId[]): string {
  const header = columns.flatMap((c) => (c === 'name' ? ['Last name', 'First name'] : [PEOPLE_COLUMN_LABELS[c]]));
  const body = rows.map((p) => columns.flatMap((c) => (c === 'name' ? [p.lastName, p.firstName] : [CELLS[c](p)])));
  return toSafeCsv([header, ...body]);
}
