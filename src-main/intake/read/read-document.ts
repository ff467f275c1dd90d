/**
 * Routes a document to its reader by its sniffed type, then extracts the fields of each record.
 * Scans and images go to the intake worker for OCR; an e-mail's attachments are read in turn.
 */
import type { IntakeFormat, IntakeMapping, IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';
import { extractFields } from '../extract/extract-fields';
import { mailFields } from '../extract/mail-fields';
import type { IntakeWorker } from '../worker/worker-client';
import { mailText, readEml, readMsg, type Mail } from './email';
import { csvRows, listRecords, xlsxRows } from './lists';
import { readDocx, textPage } from './office';
import { sniff } from './sniff';
import { layoutText } from './text-layout';

export interface ReadInput {
  name: string;
  bytes: Uint8Array;
  mappings: IntakeMapping[];
  worker: IntakeWorker;
}

/** What was read from one document (and its attachments), before it is stored. */
export interface Read {
  name: string;
  bytes: Uint8Array;
  format: IntakeFormat;
  pages: IntakePage[];
  records: IntakeRecord[];
  warnings: string[];
  attachments: Read[];
}

/** A page with less text than this is treated as a scan (a stray page number is not text). */
const MIN_TEXT_CHARS = 20;

const unknownType = (name: string) =>
  new AppError(
    'VALIDATION',
    `${name}: this type of file is not one intake reads. Use a PDF, an image (PNG, JPEG, TIFF), a Word document (.docx), an e-mail (.eml, .msg), a text file or a CSV/XLSX list.`,
  );

const noText = (name: string) =>
  new AppError(
    'VALIDATION',
    `${name}: no text could be read (the scan looks blank or too faint). Scan it again at 300 dpi, or type the details in.`,
  );

export async function readDocument(input: ReadInput, depth = 0): Promise<Read> {
  const { name, bytes, mappings } = input;
  const kind = sniff(name, bytes);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const done = (format: IntakeFormat, pages: IntakePage[], records?: IntakeRecord[], warnings: string[] = []) => {
    const read = records ? { fields: {}, warnings: [] } : extractFields(pages, mappings);
    return {
      name,
      bytes,
      format,
      pages,
      records: records ?? [{ fields: read.fields }],
      warnings: [...warnings, ...read.warnings],
      attachments: [],
    };
  };
  if (kind === 'empty') throw new AppError('VALIDATION', `${name} is empty (0 bytes): nothing to read.`);
  if (kind === 'pdf') return readPdf(input, done);
  if (kind === 'png' || kind === 'jpeg' || kind === 'tiff') {
    const pages = await input.worker.call('ocrImage', { bytes, kind });
    if (!pages.some((p) => p.text.trim())) throw noText(name);
    return done('image', pages, undefined, ocrWarnings(pages));
  }
  if (kind === 'zip' && ext === 'xlsx') {
    const { page, records } = listRecords(await xlsxRows(name, bytes), mappings);
    return done('xlsx', [layoutText(page)], records);
  }
  if (kind === 'zip') return done('docx', (await readDocx(name, bytes)).map(layoutText));
  if (kind === 'ole') {
    if (ext !== 'msg' && !looksLikeMsg(bytes)) throw unknownType(name);
    return readMail(input, await readMsg(name, bytes), 'msg', depth);
  }
  const text = () => new TextDecoder('utf-8').decode(bytes);
  if (kind === 'csv') {
    const { page, records } = listRecords(csvRows(name, text()), mappings);
    return done('csv', [layoutText(page)], records);
  }
  if (kind === 'eml') return readMail(input, await readEml(name, bytes), 'eml', depth);
  if (kind === 'text') {
    if (!text().trim()) throw new AppError('VALIDATION', `${name} has no text in it: nothing to read.`);
    return done('text', [layoutText(textPage(text()))]);
  }
  throw unknownType(name);
}

type Done = (format: IntakeFormat, pages: IntakePage[], records?: IntakeRecord[], warnings?: string[]) => Read;

async function readPdf(input: ReadInput, done: Done): Promise<Read> {
  const pages = await input.worker.call('readPdf', { name: input.name, bytes: input.bytes });
  const scanned = pages.filter((p) => p.text.replace(/\s/g, '').length < MIN_TEXT_CHARS).map((p) => p.number);
  if (scanned.length === 0) return done('pdf', pages);
  const read = await input.worker.call('ocrPdf', { bytes: input.bytes, pages: scanned });
  const merged = pages.map((p) => read.find((r) => r.number === p.number && r.text.trim()) ?? p);
  if (!merged.some((p) => p.text.trim())) throw noText(input.name);
  return done(scanned.length === pages.length ? 'pdf-scan' : 'pdf', merged, undefined, ocrWarnings(read));
}

function ocrWarnings(pages: IntakePage[]): string[] {
  return pages
    .filter((p) => p.ocr && p.ocr.confidence < 0.75)
    .map(
      (p) =>
        `Page ${p.number} was hard to read (OCR confidence ${Math.round((p.ocr?.confidence ?? 0) * 100)}%): check its fields against the page.`,
    );
}

/** An OLE file is an Outlook message when it has the message property streams. */
function looksLikeMsg(bytes: Uint8Array): boolean {
  const probe = new TextDecoder('utf-16le').decode(bytes.subarray(0, Math.min(bytes.byteLength, 65536)));
  return probe.includes('__substg1.0_');
}

async function readMail(input: ReadInput, mail: Mail, format: 'eml' | 'msg', depth: number): Promise<Read> {
  const page = layoutText(textPage(mailText(mail)));
  const attachments: Read[] = [];
  const warnings: string[] = [];
  for (const a of mail.attachments) {
    if (depth > 0) break;
    try {
      attachments.push(await readDocument({ ...input, name: a.name, bytes: a.bytes }, depth + 1));
    } catch (error) {
      warnings.push(`Attachment ${a.name} was not read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const read = mailFields(mail, page, attachments, input.mappings);
  const all = [...read.warnings, ...warnings];
  return {
    name: input.name,
    bytes: input.bytes,
    format,
    pages: [page],
    records: read.records,
    warnings: all,
    attachments,
  };
}
