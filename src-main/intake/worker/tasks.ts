/**
 * The intake worker's work, off the main thread: OCR of scanned PDF pages and images, and the
 * pictures of pages the review screen draws highlights on. Box units: PDF points for PDFs (scanned
 * pages too), the image's own pixels for images.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { IntakePage } from '../../../src-preload/contract';
import { layoutPage } from '../read/layout';
import { recognizeWords } from './ocr';
import {
  decodeImages,
  pgmOf,
  despeckle,
  estimateSkew,
  removeRules,
  whitenPaper,
  rasterOf,
  straighten,
  stretchContrast,
  type Raster,
} from './raster';

export type ImageKind = 'png' | 'jpeg' | 'tiff';
export interface PageImage {
  width: number;
  height: number;
  pixelWidth: number;
  pixelHeight: number;
  png: Uint8Array;
}

interface PixelSource {
  width: number;
  height: number;
  getContext(type: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  toBuffer(mime: 'image/png'): Buffer;
}
interface PdfCanvasFactory {
  create(
    w: number,
    h: number,
  ): {
    canvas: PixelSource;
    context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
  };
}

/** Scanned PDF pages are rendered at 180 dpi for OCR: enough for 9 pt type, quick to read. */
const OCR_PDF_SCALE = 2.5;
/**
 * Images narrower than this (a page under about 150 dpi) are enlarged to it: small type reads
 * badly. Wider than OCR_MAX_WIDTH (300 dpi and up) they are reduced: no better read, much slower.
 */
const OCR_MIN_WIDTH = 1400;
const OCR_MAX_WIDTH = 2200;

const require = createRequire(import.meta.url);
const STANDARD_FONTS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

async function openPdf(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: 0,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
}

/**
 * Pages drawn by pdfjs on canvases from its own canvas factory: pdfjs brings its own copy of
 * @napi-rs/canvas, whose paths only its own canvases accept. Pixels cross over as plain data.
 */
async function renderPdf(bytes: Uint8Array, pages: number[], scale: (w: number, h: number) => number) {
  const doc = await openPdf(bytes);
  try {
    const out: { number: number; width: number; height: number; scale: number; canvas: PixelSource }[] = [];
    for (const number of pages) {
      const page = await doc.getPage(number);
      const base = page.getViewport({ scale: 1 });
      const s = scale(base.width, base.height);
      const view = page.getViewport({ scale: s });
      const { canvas, context } = (doc as unknown as { canvasFactory: PdfCanvasFactory }).canvasFactory.create(
        Math.ceil(view.width),
        Math.ceil(view.height),
      );
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as never, canvasContext: context as never, viewport: view }).promise;
      out.push({ number, width: base.width, height: base.height, scale: s, canvas });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** Contrast and straightening as OCR needs them; the same steps give the page's picture later. */
function prepare(r: Raster, enlarge: number, angle?: number) {
  despeckle(r);
  const contrast = stretchContrast(r);
  const rotated = angle ?? estimateSkew(r);
  return { canvas: straighten(r, Math.abs(rotated) >= 0.2 ? rotated : 0, enlarge), contrast, rotated };
}

async function ocrRaster(r: Raster, number: number, units: { width: number; height: number; perPixel: number }) {
  const enlarge =
    r.width < OCR_MIN_WIDTH ? Math.min(3, OCR_MIN_WIDTH / r.width) : r.width > OCR_MAX_WIDTH ? 1700 / r.width : 1;
  const { canvas, contrast, rotated } = prepare(r, enlarge);
  const clean = rasterOf(canvas);
  removeRules(clean);
  whitenPaper(clean);
  const words = await recognizeWords(pgmOf(clean), enlarge / units.perPixel);
  const page = layoutPage(number, units.width, units.height, words);
  const confidences = words.map((w) => w.confidence ?? 0);
  const confidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  const ocr = { confidence: Math.round(confidence * 100) / 100, rotated, contrast, words: words.length };
  return { ...page, view: 'scan' as const, ocr };
}

export async function ocrPdfPages(bytes: Uint8Array, pages: number[]): Promise<IntakePage[]> {
  const out: IntakePage[] = [];
  for (const p of await renderPdf(bytes, pages, () => OCR_PDF_SCALE))
    out.push(
      await ocrRaster(rasterOf(p.canvas), p.number, { width: p.width, height: p.height, perPixel: 1 / p.scale }),
    );
  return out;
}

export async function ocrImage(bytes: Uint8Array, kind: ImageKind): Promise<IntakePage[]> {
  const out: IntakePage[] = [];
  let number = 1;
  for (const r of await decodeImages(bytes, kind))
    out.push(await ocrRaster(r, number++, { width: r.width, height: r.height, perPixel: 1 }));
  return out;
}

function pngOf(canvas: Canvas | PixelSource, width: number, height: number): PageImage {
  return { width, height, pixelWidth: canvas.width, pixelHeight: canvas.height, png: canvas.toBuffer('image/png') };
}

/** A PDF page's picture, at most maxPixels on its long side; a scanned one straightened as OCR read it. */
export async function renderPdfPage(bytes: Uint8Array, page: IntakePage, maxPixels: number): Promise<PageImage> {
  const [p] = await renderPdf(bytes, [page.number], (w, h) => Math.min(3, maxPixels / Math.max(w, h)));
  if (!p) throw new Error(`no page ${page.number}`);
  if (page.view !== 'scan' || !page.ocr) return pngOf(p.canvas, p.width, p.height);
  return pngOf(prepare(rasterOf(p.canvas), 1, page.ocr.rotated ?? 0).canvas, p.width, p.height);
}

export async function renderImagePage(
  bytes: Uint8Array,
  kind: ImageKind,
  page: IntakePage,
  maxPixels: number,
): Promise<PageImage> {
  const r = (await decodeImages(bytes, kind))[page.number - 1];
  if (!r) throw new Error(`no page ${page.number}`);
  const scale = Math.min(1, maxPixels / Math.max(r.width, r.height));
  return pngOf(prepare(r, scale, page.ocr?.rotated ?? 0).canvas, r.width, r.height);
}

/** A document without pages of its own: its words drawn where the text layout put them. */
export function renderTextPage(page: IntakePage, maxPixels: number): PageImage {
  const scale = Math.min(2, maxPixels / Math.max(page.width, page.height));
  const canvas = createCanvas(Math.ceil(page.width * scale), Math.ceil(page.height * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.textBaseline = 'top';
  for (const item of page.items) {
    if (!item.box) continue;
    ctx.font = `${Math.round(item.box.h * 0.8 * scale)}px monospace`;
    ctx.fillText(item.str, item.box.x * scale, (item.box.y + item.box.h * 0.1) * scale, item.box.w * scale);
  }
  return pngOf(canvas, page.width, page.height);
}
