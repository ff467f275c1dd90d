/** Routes a document to its reader by its sniffed type, then extracts the fields of each record. */
import type {
  IntakeFormat,
  IntakeMapping,
  IntakePage,
  IntakeRecord,
  IntakeResult,
} from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';
import { extractFields } from '../extract/extract-fields';
import { csvRows, listRecords, xlsxRows } from './lists';
import { readDocx, textPage } from './office';
import { readPdfText } from './pdf';
import { sniff } from './sniff';

export interface ReadInput {
  name: string;
  bytes: Uint8Array;
  mappings: IntakeMapping[];
}

function result(
  name: string,
  format: IntakeFormat,
  pages: IntakePage[],
  records: IntakeRecord[],
  warnings: string[] = [],
): IntakeResult {
  return { file: name, format, pages, records, fields: records[0]?.fields ?? {}, warnings };
}

export async function readDocument(input: ReadInput): Promise<IntakeResult> {
  const { name, bytes, mappings } = input;
  const kind = sniff(name, bytes);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (kind === 'empty') throw new AppError('VALIDATION', `${name} is empty (0 bytes): nothing to read.`);
  if (kind === 'pdf') {
    const pages = await readPdfText(name, bytes);
    if (!pages.some((p) => p.text.trim()))
      throw new AppError(
        'VALIDATION',
        `${name}: no text found (a scanned PDF; OCR of scans is not available in this build).`,
      );
    return result(name, 'pdf', pages, [extractFields(pages, mappings)]);
  }
  if (kind === 'zip' && ext === 'xlsx') {
    const { page, records } = listRecords(await xlsxRows(name, bytes), mappings);
    return result(name, 'xlsx', [page], records);
  }
  if (kind === 'zip') {
    const pages = await readDocx(name, bytes);
    return result(name, 'docx', pages, [extractFields(pages, mappings)]);
  }
  const text = () => new TextDecoder('utf-8').decode(bytes);
  if (kind === 'csv') {
    const { page, records } = listRecords(csvRows(name, text()), mappings);
    return result(name, 'csv', [page], records);
  }
  if (kind === 'text' || kind === 'eml') {
    const pages = [textPage(text())];
    return result(name, kind === 'eml' ? 'eml' : 'text', pages, [extractFields(pages, mappings)]);
  }
  throw new AppError(
    'VALIDATION',
    `${name}: this type of file is not one intake reads. Use a PDF, a DOCX, an e-mail, a text file or a CSV/XLSX list.`,
  );
}
