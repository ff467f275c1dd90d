/**
 * An evidence document as CSV: the rows of its one section as they are, or of several sections
 * with the section's heading in a first column. Every cell goes through the spreadsheet guard
 * (a cell beginning with = + - @ tab or CR is neutralized: export/csv-cell.ts).
 */
import type { EvidenceDocument } from '../../src-preload/contract/evidence';
import { toSafeCsv, type CsvValue } from '../export/csv-cell';

export function renderCsv(doc: EvidenceDocument): string {
  const sections = doc.sections;
  if (sections.length === 1) {
    const { columns, rows } = sections[0]!.table;
    return toSafeCsv([columns, ...rows]);
  }
  const columns = [...new Set(sections.flatMap((s) => s.table.columns))];
  const rows: CsvValue[][] = [['section', ...columns]];
  for (const s of sections)
    for (const r of s.table.rows) rows.push([s.heading, ...columns.map((c) => r[s.table.columns.indexOf(c)] ?? null)]);
  return toSafeCsv(rows);
}
