/**
 * CSV cells made safe for spreadsheets, and the exact inverse for files that come back.
 *
 * A cell that begins with =, +, -, @, a tab or a carriage return is read by Excel, LibreOffice
 * and Google Sheets as a formula (HYPERLINK can leak other cells to a web address, DDE can run
 * commands). Such a cell gets a leading single quote (OWASP's advice), which the spreadsheet
 * shows as text. So that an import can undo exactly what the export did, a cell that already
 * begins with quotes followed by one of those characters gets one more quote too: the mapping is
 * then one-to-one, and `restoreCsvCell(neutralizeCsvCell(x)) === x` for every string.
 */
import { stringify } from 'csv-stringify/sync';

/** Quotes (possibly none) then a character a spreadsheet starts a formula with. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** The cell as a spreadsheet will take it as text. Numbers and booleans are not formulas. */
export function neutralizeCsvCell(value: CsvValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeCsvCell` exactly (for a cell read back from one of our exports). */
export function restoreCsvCell(value: string): string {
  return NEUTRALIZED.test(value) ? value.slice(1) : value;
}

/** Every CSV the app writes goes through here: each cell neutralized, then RFC 4180 quoting. */
export function toSafeCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows.map((row) => row.map(neutralizeCsvCell)));
}
