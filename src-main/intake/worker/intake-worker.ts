/**
 * The intake worker thread: OCR and page pictures, so the main process never waits on them. One
 * request at a time arrives as {id, task, args}; the answer is {id, result} or {id, error}.
 */
import { parentPort, threadId } from 'node:worker_threads';
import type { IntakePage } from '../../../src-preload/contract';
import { readPdfText } from '../read/pdf';
import { closeOcr } from './ocr';
import {
  ocrImage,
  ocrPdfPages,
  renderImagePage,
  renderPdfPage,
  renderTextPage,
  type ImageKind,
  type PageImage,
} from './tasks';

export interface WorkerTasks {
  /** A PDF's text with positions (pdfjs), off the main thread like everything pdfjs does. */
  readPdf: { args: { name: string; bytes: Uint8Array }; result: IntakePage[] };
  ocrPdf: { args: { bytes: Uint8Array; pages: number[] }; result: IntakePage[] };
  ocrImage: { args: { bytes: Uint8Array; kind: ImageKind }; result: IntakePage[] };
  renderPdf: { args: { bytes: Uint8Array; page: IntakePage; maxPixels: number }; result: PageImage };
  renderImage: { args: { bytes: Uint8Array; kind: ImageKind; page: IntakePage; maxPixels: number }; result: PageImage };
  renderText: { args: { page: IntakePage; maxPixels: number }; result: PageImage };
  /** The worker's thread id (tests check the work is not done on the main thread). */
  whoami: { args: Record<string, never>; result: { threadId: number } };
  close: { args: Record<string, never>; result: null };
}
export type TaskName = keyof WorkerTasks;

const run: { [K in TaskName]: (args: WorkerTasks[K]['args']) => Promise<WorkerTasks[K]['result']> } = {
  readPdf: ({ name, bytes }) => readPdfText(name, bytes),
  ocrPdf: ({ bytes, pages }) => ocrPdfPages(bytes, pages),
  ocrImage: ({ bytes, kind }) => ocrImage(bytes, kind),
  renderPdf: ({ bytes, page, maxPixels }) => renderPdfPage(bytes, page, maxPixels),
  renderImage: ({ bytes, kind, page, maxPixels }) => renderImagePage(bytes, kind, page, maxPixels),
  renderText: async ({ page, maxPixels }) => renderTextPage(page, maxPixels),
  whoami: async () => ({ threadId }),
  close: async () => (await closeOcr(), null),
};

let queue = Promise.resolve();
parentPort?.on('message', (m: { id: number; task: TaskName; args: never }) => {
  queue = queue.then(async () => {
    try {
      const result = await run[m.task](m.args);
      parentPort?.postMessage({ id: m.id, result });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      // An AppError keeps its code across the thread boundary (a damaged PDF stays a VALIDATION error).
      const code = (e as { code?: unknown }).code;
      parentPort?.postMessage({ id: m.id, error: { name: e.name, message: e.message, code } });
    }
  });
});
