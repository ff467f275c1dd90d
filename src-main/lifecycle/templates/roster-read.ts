/**
 * A roster as rows: a CSV or XLSX file read by intake's list readers, or names and e-mails pasted
 * one a line ("Ana Rivera <ana@example.org>", "Rivera, Ana; ana@example.org", tab-separated).
 * Headers are mapped by the entity-resolution engine's column names (first name, surname, e-mail,
 * organization, title; a "name" column is split). A row without a usable name or e-mail, or
 * repeating an e-mail of an earlier row, is kept with its error: it is shown, never planned.
 */
import { headerKey, mapColumns } from '../../ai/resolve/column-mapping';
import { validation } from '../../errors/app-error';
import { splitName } from '../../intake/extract/normalize';
import { csvRows, xlsxRows } from '../../intake/read/lists';

export interface ReadRow {
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  organization: string | null;
  title: string | null;
  error: string | null;
}

const EMAIL = /^[^\s@<>,;"']+@[^\s@<>,;"']+\.[^\s@<>,;"']+$/;
const EMAIL_IN = /[^\s@<>,;"'()]+@[^\s@<>,;"'()]+\.[^\s@<>,;"'()]+/;
const NAME_HEADERS = new Set(['name', 'fullname', 'reviewer', 'reviewername', 'person', 'contact']);

export async function readRoster(source: { name: string; text?: string | undefined; base64?: string | undefined }) {
  if (source.base64 !== undefined) {
    if (!/\.xlsx$/i.test(source.name)) throw validation(`${source.name}: only an .xlsx workbook is read as a file.`);
    return fromTable(await xlsxRows(source.name, Buffer.from(source.base64, 'base64')));
  }
  const text = (source.text ?? '').replace(/^\uFEFF/, '');
  if (!text.trim()) throw validation('The list is empty: give a CSV or XLSX file, or paste names and e-mails.');
  const first = (text.split(/\r?\n/).find((l) => l.trim()) ?? '').split(/[,;\t]/).map(headerKey);
  const hasHeader = first.some((h) => h === 'email' || h === 'emailaddress' || h === 'mail');
  return hasHeader ? fromTable(csvRows(source.name, text)) : { rows: fromPasted(text), ignored: [] as string[] };
}

function fromTable(table: string[][]): { rows: ReadRow[]; ignored: string[] } {
  const header = table[0] ?? [];
  const mapping = mapColumns(header);
  const column = (field: string) => [...mapping.fields].find(([, f]) => f === field)?.[0];
  const nameColumn = header.findIndex((h) => NAME_HEADERS.has(headerKey(h)));
  const [given, surname, email, org, title] = ['given_name', 'surname', 'email', 'organization', 'title'].map(column);
  if (email === undefined) throw validation('The list has no e-mail column (a header named "email" or "e-mail").');
  const ignored = mapping.ignored.filter((h) => header.indexOf(h) !== nameColumn);
  const rows: ReadRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => !c?.trim())) return;
    const cell = (c: number | undefined) => (c === undefined ? '' : (cells[c] ?? '').trim());
    let firstName = cell(given);
    let lastName = cell(surname);
    if ((!firstName || !lastName) && nameColumn >= 0) {
      const split = splitName(cell(nameColumn));
      if (split) [firstName, lastName] = [firstName || split.first, lastName || split.last];
    }
    rows.push(
      checked({
        line: i + 2,
        firstName,
        lastName,
        email: cell(email),
        organization: cell(org) || null,
        title: cell(title) || null,
      }),
    );
  });
  return { rows: withDuplicates(rows), ignored };
}

function fromPasted(text: string): ReadRow[] {
  const rows: ReadRow[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const email = EMAIL_IN.exec(line)?.[0] ?? '';
    const rest = line
      .replace(email, ' ')
      .replace(/[<>()"\t;]|,\s*$/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/,$/, '');
    const split = splitName(rest);
    rows.push(
      checked({
        line: i + 1,
        firstName: split?.first ?? '',
        lastName: split?.last ?? rest,
        email: email || line,
        organization: null,
        title: null,
      }),
    );
  });
  return withDuplicates(rows);
}

function checked(r: Omit<ReadRow, 'error'>): ReadRow {
  const at = `Line ${r.line}`;
  let error: string | null = null;
  if (!r.email) error = `${at}: no e-mail address.`;
  else if (!EMAIL.test(r.email)) error = `${at}: “${r.email}” is not an e-mail address.`;
  else if (!r.firstName || !r.lastName)
    error = `${at}: a first and a last name are needed (“${`${r.firstName} ${r.lastName}`.trim()}”).`;
  return { ...r, email: r.email.toLowerCase() === r.email ? r.email : r.email.trim(), error };
}

function withDuplicates(rows: ReadRow[]): ReadRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const key = r.email.trim().toLowerCase();
    const earlier = seen.get(key);
    if (!r.error && earlier !== undefined)
      return { ...r, error: `Line ${r.line}: the same e-mail as line ${earlier}.` };
    if (!seen.has(key)) seen.set(key, r.line);
    return r;
  });
}
