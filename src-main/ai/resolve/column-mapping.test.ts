import { describe, expect, it } from 'vitest';
import { mapColumns } from './column-mapping';
import { parseRecordsCsv } from './read-csv';

describe('CSV header mapping', () => {
  it('maps common header variants case-insensitively', () => {
    const headers = ['First Name', 'Last Name', 'E-mail', 'DOB', 'Zip', 'City', 'SSN', 'Employee Number', 'Company'];
    const { fields, ignored } = mapColumns(headers);
    expect([...fields.values()]).toEqual([
      'given_name',
      'surname',
      'email',
      'date_of_birth',
      'postcode',
      'suburb',
      'identifier',
      'organization',
    ]);
    // The second identifier column is left out rather than overwriting the first.
    expect(ignored).toEqual(['Employee Number']);
  });

  it('takes overrides and never uses the id column as a feature', () => {
    const mapping = mapColumns(['ref', 'forename', 'family name', 'notes'], {
      id: 'REF',
      overrides: { notes: 'department', forename: null },
    });
    expect(mapping.idColumn).toBe(0);
    expect([...mapping.fields.entries()]).toEqual([
      [2, 'surname'],
      [3, 'department'],
    ]);
    expect(() => mapColumns(['a'], { id: 'rec_id' })).toThrow(/rec_id/);
  });

  it('reads a Febrl-style file: ", " separators, empty cells missing, the id as label', () => {
    const text =
      'rec_id, given_name, surname, soc_sec_id\nrec-1-org, mitchell, green, 1804974\nrec-1-dup-0, mitchel, , 1804974\n';
    const { records } = parseRecordsCsv(text, { id: 'rec_id' });
    expect(records).toEqual([
      { id: 'rec-1-org', fields: { given_name: 'mitchell', surname: 'green', identifier: '1804974' } },
      { id: 'rec-1-dup-0', fields: { given_name: 'mitchel', identifier: '1804974' } },
    ]);
    expect(parseRecordsCsv('surname\nsmith\n').records[0]!.id).toBe('row-2');
  });
});
