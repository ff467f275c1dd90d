/**
 * `desk intake FILE [--json]`: read one document as the Onboarding screen does (PDF, scan or
 * image through OCR, DOCX, e-mail with its attachments, text, CSV/XLSX list) and print its
 * fields, each with its value, confidence and source. With --json one object:
 * `{"file", "format", "documentId", "fields": {"<name>": {"value", "confidence", "source"}}}`, plus
 * `records` for a list, `attachments` for an e-mail and `warnings`. A file over the size limit is
 * refused before a byte of it is read; the document is kept in the data folder like a dropped one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { INTAKE_MAX_FILE_BYTES, type IntakeField, type IntakeResult } from '../../../src-preload/contract';
import type { Command, CommandInput } from '../command';
import { CliError, usageError } from '../output';

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Reads a document file through intake:read, refusing it by its size first. */
export async function readIntakeFile(session: CommandInput['session'], file: string): Promise<IntakeResult> {
  const info = fs.statSync(file, { throwIfNoEntry: false });
  if (!info?.isFile()) throw usageError(`No file ${file}.`);
  if (info.size > INTAKE_MAX_FILE_BYTES)
    throw new CliError(
      `${path.basename(file)} is ${mb(info.size)}; intake reads documents up to ${mb(INTAKE_MAX_FILE_BYTES)}. Split it or export the pages that matter.`,
    );
  const base64 = fs.readFileSync(file).toString('base64');
  return session.call('intake:read', { name: path.basename(file), base64 });
}

type Fields = IntakeResult['fields'];
const value = (v: string | string[]) => (Array.isArray(v) ? v.join('; ') : v);
const where = (s: IntakeField['source']) =>
  s ? `${s.attachment ? `${s.attachment} ` : ''}p.${s.page} ${s.start}-${s.end}` : '';

function fieldLines(fields: Fields, indent = '  '): string[] {
  return (Object.entries(fields) as [string, IntakeField][]).map(
    ([k, f]) => `${indent}${k.padEnd(15)} ${value(f.value)}  (${Math.round(f.confidence * 100)}%, ${where(f.source)})`,
  );
}

function human(r: IntakeResult): string {
  const list = r.records.length > 1;
  return [
    `${r.file} (${r.format}, ${r.pages.length} page${r.pages.length === 1 ? '' : 's'})`,
    ...(list
      ? r.records.flatMap((rec, i) => [`Record ${i + 1}:`, ...fieldLines(rec.fields, '    ')])
      : fieldLines(r.fields)),
    ...(r.attachments ?? []).map((a) => `Attachment ${a.file} (${a.format})`),
    ...(Object.keys(r.fields).length === 0 && !list ? ['No fields found.'] : []),
    ...r.warnings.map((w) => `Note: ${w}`),
  ].join('\n');
}

/** What --json prints: the fields (and the records of a list, the attachments of an e-mail), not the page text. */
export function intakeJson(r: IntakeResult): Record<string, unknown> {
  return {
    file: r.file,
    format: r.format,
    documentId: r.documentId,
    fields: r.fields,
    ...(r.records.length > 1 ? { records: r.records.map((x) => x.fields) } : {}),
    ...(r.attachments?.length
      ? {
          attachments: r.attachments.map((a) => ({
            file: a.file,
            format: a.format,
            documentId: a.documentId,
            fields: a.fields,
          })),
        }
      : {}),
    pages: r.pages.map((p) => ({
      number: p.number,
      width: p.width,
      height: p.height,
      view: p.view,
      ...(p.ocr ? { ocr: p.ocr } : {}),
    })),
    warnings: r.warnings,
  };
}

export const intakeCommand: Command = {
  name: 'intake',
  usage: 'intake FILE',
  summary: 'Read a document (PDF, scan, image, DOCX, e-mail, text, CSV/XLSX) and print its fields with their sources.',
  async run({ positionals, out, session }) {
    const file = positionals[0];
    if (!file) throw usageError('Usage: desk intake FILE');
    const read = await readIntakeFile(session, file);
    out.result(intakeJson(read), () => human(read));
  },
};
