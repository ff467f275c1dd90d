/**
 * Positioned runs of text (PDF text items, OCR words) to a page's text in reading order: rows by
 * baseline top to bottom, left to right; a wide gap becomes a tab (a table cell or a form's value
 * column), a narrow one a space. Every item keeps its character range in the text and its box.
 */
import type { IntakeBox, IntakePage, IntakeTextItem } from '../../../src-preload/contract';

export interface PlacedText {
  str: string;
  box: IntakeBox;
  /** OCR word confidence, 0-1. */
  confidence?: number;
}

export function layoutPage(
  number: number,
  width: number,
  height: number,
  placed: PlacedText[],
  /**
   * A gap wider than this many text heights is a new cell (PDF runs are whole phrases, OCR gives
   * words); OCR words are always at least a space apart.
   */
  options: { cellGap: number; words: boolean } = { cellGap: 1.5, words: true },
): IntakePage & { items: (IntakeTextItem & { confidence?: number })[] } {
  const rows: PlacedText[][] = [];
  for (const b of placed.filter((p) => p.str.trim() !== '').sort((a, c) => a.box.y - c.box.y || a.box.x - c.box.x)) {
    const row = rows.find(
      (r) => Math.abs(centre(r[0]!) - centre(b)) < Math.max(2, Math.min(r[0]!.box.h, b.box.h) * 0.5),
    );
    if (row) row.push(b);
    else rows.push([b]);
  }
  let text = '';
  const items: (IntakeTextItem & { confidence?: number })[] = [];
  rows.sort((a, b) => centre(a[0]!) - centre(b[0]!));
  for (const row of rows) {
    row.sort((a, b) => a.box.x - b.box.x);
    const h = median(row.map((b) => b.box.h));
    row.forEach((b, i) => {
      if (i > 0) {
        const prev = row[i - 1]!;
        const gap = b.box.x - (prev.box.x + prev.box.w);
        const spaced = /\s$/.test(prev.str) || /^\s/.test(b.str);
        text += gap > h * options.cellGap ? '\t' : !spaced && (options.words || gap > h * 0.08) ? ' ' : '';
      }
      const item: IntakeTextItem & { confidence?: number } = {
        str: b.str,
        start: text.length,
        end: text.length + b.str.length,
        box: b.box,
      };
      if (b.confidence !== undefined) item.confidence = b.confidence;
      items.push(item);
      text += b.str;
    });
    text += '\n';
  }
  return { number, width, height, text, items };
}

const centre = (p: PlacedText) => p.box.y + p.box.h / 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 10;
}
