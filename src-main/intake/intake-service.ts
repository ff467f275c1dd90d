/**
 * Intake: reads a document offline (its type sniffed from its bytes, not its name) into pages of
 * positioned text and the fields of one or more new users, each with confidence and source, and
 * keeps it: the bytes under the data folder (content-addressed), what was read in a row, so the
 * review screen can show any page with its highlights later. A document that cannot be read is
 * refused with a plain message and nothing is kept. OCR and page pictures run in a worker thread.
 */
import { readFile as readFileFs, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  INTAKE_MAX_FILE_BYTES,
  type IntakeMapping,
  type IntakePageImage,
  type IntakeResult,
} from '../../src-preload/contract';
import type { DB } from '../db/open';
import { AppError, notFound } from '../errors/app-error';
import type { Logger } from '../log/logger';
import { createBlobStore, sha256Of } from './blobs';
import { getDocument, inTransaction, saveDocument } from './documents-store';
import { readDocument, type Read } from './read/read-document';
import { sniff } from './read/sniff';
import { getMappings, setMappings } from './store';
import { createIntakeWorker, type IntakeWorker } from './worker/worker-client';

export interface IntakeService {
  /** Reads and keeps a document; the result carries its documentId. */
  read(input: { name: string; bytes: Uint8Array }): Promise<IntakeResult>;
  /** Reads a file by path (desk), refusing one over the size limit before reading a byte of it. */
  readFile(path: string): Promise<IntakeResult>;
  document(documentId: string): IntakeResult;
  page(documentId: string, page: number): Promise<IntakePageImage>;
  mappings(): IntakeMapping[];
  setMappings(mappings: IntakeMapping[]): IntakeMapping[];
  close(): Promise<void>;
}

export interface IntakeServiceDeps {
  db: DB | null;
  /** Where the documents' bytes are kept (the data folder's intake/); null keeps nothing. */
  blobDir: string | null;
  logger?: Logger;
  /** The worker for OCR and pictures (tests may share one). */
  worker?: IntakeWorker;
}

/** The long side of a page picture, in pixels: sharp on a laptop screen, light to send. */
const PAGE_PIXELS = 1600;

export function tooLargeMessage(size: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `This file is ${mb(size)}; intake reads documents up to ${mb(INTAKE_MAX_FILE_BYTES)}. Split it or export the pages that matter.`;
}

export const documentIdOf = (sha256: string) => `doc_${sha256.slice(0, 24)}`;

function toResult(read: Read): IntakeResult & { sha256: string } {
  const sha256 = sha256Of(read.bytes);
  const attachments = read.attachments.map(toResult);
  return {
    documentId: documentIdOf(sha256),
    sha256,
    file: read.name,
    format: read.format,
    pages: read.pages,
    records: read.records,
    fields: read.records[0]?.fields ?? {},
    ...(attachments.length ? { attachments: attachments.map(({ sha256: _, ...a }) => a) } : {}),
    warnings: read.warnings,
  };
}

export function createIntakeService(deps: IntakeServiceDeps): IntakeService {
  const { db, logger } = deps;
  const blobs = createBlobStore(deps.blobDir);
  const worker = deps.worker ?? createIntakeWorker(logger);
  const mappings = () => (db ? getMappings(db) : []);
  const keep = (read: Read, parentId: string | null, now: string) => {
    const result = toResult(read);
    blobs.put(result.sha256, read.bytes);
    const { sha256, ...wire } = result;
    if (db) {
      const doc = { id: wire.documentId, sha256, name: read.name, format: read.format, size: read.bytes.byteLength };
      saveDocument(db, { ...doc, result: wire, parentId }, now);
    }
    read.attachments.forEach((a) => keep(a, wire.documentId, now));
    return wire;
  };
  const read = async ({ name, bytes }: { name: string; bytes: Uint8Array }) => {
    if (bytes.byteLength > INTAKE_MAX_FILE_BYTES) throw new AppError('VALIDATION', tooLargeMessage(bytes.byteLength));
    const started = Date.now();
    const done = await readDocument({ name, bytes, mappings: mappings(), worker });
    let result!: IntakeResult;
    if (db) inTransaction(db, () => (result = keep(done, null, new Date().toISOString())));
    else result = keep(done, null, new Date().toISOString());
    logger?.debug('intake read', { format: result.format, pages: result.pages.length, ms: Date.now() - started });
    return result;
  };
  const stored = (documentId: string) => {
    const doc = db ? getDocument(db, documentId) : null;
    if (!doc) throw notFound(`Document ${documentId}`);
    return doc;
  };
  return {
    read,
    async readFile(path) {
      const info = await stat(path).catch(() => null);
      if (!info || !info.isFile()) throw new AppError('NOT_FOUND', `No file at ${basename(path)}: check the name.`);
      if (info.size > INTAKE_MAX_FILE_BYTES) throw new AppError('VALIDATION', tooLargeMessage(info.size));
      return read({ name: basename(path), bytes: new Uint8Array(await readFileFs(path)) });
    },
    document: (documentId) => stored(documentId).result,
    async page(documentId, number) {
      const doc = stored(documentId);
      const page = doc.result.pages.find((p) => p.number === number);
      if (!page) throw notFound(`Page ${number} of ${doc.name}`);
      let image;
      if (page.view === 'text' || !page.view) image = await worker.call('renderText', { page, maxPixels: PAGE_PIXELS });
      else {
        const bytes = blobs.get(doc.sha256);
        if (!bytes) throw new AppError('NOT_FOUND', `The file of ${doc.name} is no longer in the data folder.`);
        const kind = sniff(doc.name, bytes);
        image =
          kind === 'png' || kind === 'jpeg' || kind === 'tiff'
            ? await worker.call('renderImage', { bytes, kind, page, maxPixels: PAGE_PIXELS })
            : await worker.call('renderPdf', { bytes, page, maxPixels: PAGE_PIXELS });
      }
      const { png, ...size } = image;
      return { documentId, page: number, ...size, png: Buffer.from(png).toString('base64') };
    },
    mappings,
    setMappings(list) {
      if (!db) throw new AppError('UNAVAILABLE', 'No database is open to keep the mappings.');
      return setMappings(db, list);
    },
    close: () => worker.close(),
  };
}
