/** Text PDFs with pdfjs-dist (legacy build, no eval): each page's text and every item's position. */
import type { IntakePage } from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';
import { layoutPage } from './layout';

interface PdfItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export async function readPdfText(name: string, bytes: Uint8Array): Promise<IntakePage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const n = (error as { name?: string }).name;
    if (n === 'PasswordException')
      throw new AppError(
        'VALIDATION',
        `${name}: This PDF is password-protected. Save an unprotected copy and drop that.`,
      );
    throw new AppError(
      'VALIDATION',
      `${name} is not a readable PDF (it may be damaged or truncated). Export it again and retry.`,
    );
  }
  try {
    const pages: IntakePage[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, 50); n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      pages.push(pdfPage(n, view.width, view.height, content.items as PdfItem[]));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

function pdfPage(number: number, width: number, height: number, raw: PdfItem[]): IntakePage {
  const placed = raw.map((i) => {
    const h = i.height || Math.abs(i.transform[3] ?? 10);
    return { str: i.str, box: { x: i.transform[4]!, y: height - i.transform[5]! - h, w: i.width, h } };
  });
  return { ...layoutPage(number, width, height, placed, { cellGap: 0.6, words: false }), view: 'pdf' };
}
