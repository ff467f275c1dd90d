/** CSV and XLSX lists: one record a row, headers mapped to fields by the same label lexicon. */
import { parse } from 'csv-parse/sync';
import type { IntakeMapping, IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';
import { put } from '../extract/extract-fields';
import { buildLabelIndex, fieldForLabel } from '../extract/lexicon';
import { splitName } from '../extract/normalize';

export function csvRows(name: string, text: string): string[][] {
  try {
    const delimiter = (text.split('\n')[0] ?? '').includes('\t')
      ? '\t'
      : (text.split('\n')[0] ?? '').split(';').length > (text.split('\n')[0] ?? '').split(',').length
        ? ';'
        : ',';
    return parse(text.replace(/^\uFEFF/, ''), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch {
    throw new AppError('VALIDATION', `${name} is not a readable CSV list (check its quotes and separators).`);
  }
}

export async function xlsxRows(name: string, bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', `${name} is not a readable XLSX workbook. Save it again from Excel and retry.`);
  }
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : typeof v === 'object' && v && 'text' in v
            ? String((v as { text: unknown }).text)
            : v == null
              ? ''
              : String(v);
    });
    rows.push(cells.map((c) => c ?? ''));
  });
  return rows;
}

/** One page of tab-separated rows (so the screen can show it) and one record per data row. */
export function listRecords(
  rows: string[][],
  mappings: IntakeMapping[],
): { page: IntakePage; records: IntakeRecord[] } {
  const index = buildLabelIndex(mappings);
  const lines = rows.map((r) => r.join('\t'));
  const text = lines.join('\n') + '\n';
  const page: IntakePage = { number: 1, width: 0, height: 0, text, items: [] };
  const header = rows[0] ?? [];
  const fields = header.map((h) => fieldForLabel(index, h) ?? (/^(full )?name$/i.test(h.trim()) ? 'fullName' : null));
  const records: IntakeRecord[] = [];
  let at = (lines[0]?.length ?? 0) + 1;
  for (const row of rows.slice(1)) {
    const record: IntakeRecord = { fields: {} };
    let col = at;
    row.forEach((cell, i) => {
      const f = fields[i];
      if (f === 'fullName') {
        const s = splitName(cell);
        if (s) put(record.fields, 'firstName', s.first, { page, start: col }, 0.95);
        if (s) put(record.fields, 'lastName', s.last, { page, start: col + cell.lastIndexOf(s.last) }, 0.95);
      } else if (f && cell.trim()) put(record.fields, f, cell, { page, start: col }, 0.98);
      col += cell.length + 1;
    });
    at += lines[records.length + 1]!.length + 1;
    if (Object.keys(record.fields).length) records.push(record);
  }
  return { page, records };
}
