/**
 * CSV trouble in the administrator's words: what is wrong, on which line and in which column,
 * and what to do next. Never the parser's own text (it names its internals), never the bytes.
 */
import { validation } from '../../errors/app-error';

const RESAVE = 'Open the file in a spreadsheet and save it as CSV again.';

/** Text that is not a CSV at all: NUL bytes or many undecodable characters (a workbook, an image). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (ch === '\uFFFD' || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.02;
}

export const NOT_A_CSV =
  'This file is not a CSV: it looks like a binary file (a workbook, a PDF or an image). In the spreadsheet, choose Save as, then "CSV (comma delimited)", and pick that file.';

/** The parser's error as a sentence, with its line and column when it knows them. */
export function plainCsvError(e: unknown, header: (key: string) => string = (k) => k): ReturnType<typeof validation> {
  const err = (e ?? {}) as { code?: unknown; lines?: unknown; column?: unknown };
  const line = typeof err.lines === 'number' ? err.lines : null;
  const field = typeof err.column === 'string' || typeof err.column === 'number' ? header(String(err.column)) : null;
  const at = line !== null ? `Line ${line}: ` : '';
  const inField = field !== null ? ` in the field "${field}"` : '';
  let what: string;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      what = `a quote opened${inField} is never closed.`;
      break;
    case 'CSV_INVALID_CLOSING_QUOTE':
      what = `a quoted value${inField} has text right after its closing quote.`;
      break;
    case 'INVALID_OPENING_QUOTE':
      what = `a quote appears in the middle of the value${inField}.`;
      break;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      what = 'this row has a different number of columns from the header.';
      break;
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      what = `a quoted value${inField} has text right after its closing quote.`;
      break;
    default:
      what = 'this line cannot be read as CSV.';
  }
  const message = `${at}${at ? what : what.charAt(0).toUpperCase() + what.slice(1)} ${RESAVE}`;
  return validation(message, { line, field });
}
