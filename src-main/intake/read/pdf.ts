/** Text PDFs with pdfjs-dist (legacy build, no eval): each page's text and every item's position. */
import type { IntakePage, IntakeTextItem } from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';

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
      pages.push(layout(n, view.width, view.height, content.items as PdfItem[]));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Items in reading order: lines by baseline (top to bottom), left to right, gaps as tabs. */
function layout(number: number, width: number, height: number, raw: PdfItem[]): IntakePage {
  const boxes = raw
    .filter((i) => i.str.trim() !== '')
    .map((i) => {
      const h = i.height || Math.abs(i.transform[3] ?? 10);
      return { str: i.str, box: { x: i.transform[4]!, y: height - i.transform[5]! - h, w: i.width, h } };
    });
  const rows: (typeof boxes)[] = [];
  for (const b of [...boxes].sort((a, c) => a.box.y - c.box.y || a.box.x - c.box.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.box.y - b.box.y) < Math.max(2, b.box.h * 0.4));
    if (row) row.push(b);
    else rows.push([b]);
  }
  let text = '';
  const items: IntakeTextItem[] = [];
  rows.sort((a, b) => a[0]!.box.y - b[0]!.box.y);
  for (const row of rows) {
    row.sort((a, b) => a.box.x - b.box.x);
    row.forEach((b, i) => {
      if (i > 0) {
        const prev = row[i - 1]!;
        const gap = b.box.x - (prev.box.x + prev.box.w);
        text += gap > b.box.h * 1.2 ? '\t' : gap > 0.5 && !/\s$/.test(prev.str) && !/^\s/.test(b.str) ? ' ' : '';
      }
      items.push({ str: b.str, start: text.length, end: text.length + b.str.length, box: b.box });
      text += b.str;
    });
    text += '\n';
  }
  return { number, width, height, text, items };
}
