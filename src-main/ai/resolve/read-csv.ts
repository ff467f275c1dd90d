/**
 * Reads a CSV file into records for the engine, with the header mapping of column-mapping.ts.
 * Cells are trimmed (Febrl-style files separate with ", "), empty cells are missing values, and
 * rows without an id column are labelled by their line number so results can point back at them.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { mapColumns, type ColumnMapping, type MappingOptions } from './column-mapping';
import { type ResolveRecord } from './types';

export interface CsvRecords {
  records: ResolveRecord[];
  mapping: ColumnMapping;
  headers: string[];
}

export function parseRecordsCsv(text: string, options: MappingOptions = {}): CsvRecords {
  const rows = parse(text, { trim: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as string[][];
  const headers = rows[0] ?? [];
  const mapping = mapColumns(headers, options);
  const records = rows.slice(1).map((row, index): ResolveRecord => {
    const fields: ResolveRecord['fields'] = {};
    for (const [column, field] of mapping.fields) {
      const value = row[column];
      if (value !== undefined && value !== '') fields[field] = value;
    }
    const id = mapping.idColumn === null ? undefined : row[mapping.idColumn];
    return { id: id === undefined || id === '' ? `row-${index + 2}` : id, fields };
  });
  return { records, mapping, headers };
}

export function readRecordsCsv(path: string, options: MappingOptions = {}): CsvRecords {
  return parseRecordsCsv(readFileSync(path, 'utf8'), options);
}
