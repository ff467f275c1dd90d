/**
 * A document without pages of its own (DOCX, e-mail, plain text, a list) laid out on a page so the
 * review screen can show it and draw highlights: every word an item with a box on a fixed-pitch
 * grid, long lines wrapped, tabs to the next stop. The text itself is not changed.
 */
import type { IntakePage, IntakeTextItem } from '../../../src-preload/contract';

const CHAR = 6.6;
const LINE = 15;
const MARGIN = 40;
const COLUMNS = 96;
const TAB = 8;
const MAX_ROWS = 4000;

export function layoutText(page: IntakePage): IntakePage {
  const items: IntakeTextItem[] = [];
  let row = 0;
  let at = 0;
  for (const line of page.text.split('\n')) {
    let col = 0;
    let pos = 0;
    for (const m of line.matchAll(/[^\s]+/g)) {
      for (; pos < m.index; pos++) col = line[pos] === '\t' ? (Math.floor(col / TAB) + 1) * TAB : col + 1;
      const str = m[0];
      if (col > 0 && col + str.length > COLUMNS) {
        row++;
        col = 0;
      }
      items.push({
        str,
        start: at + m.index,
        end: at + m.index + str.length,
        box: { x: MARGIN + col * CHAR, y: MARGIN + row * LINE, w: Math.min(str.length, COLUMNS) * CHAR, h: LINE - 2 },
      });
      col += str.length;
      pos = m.index + str.length;
    }
    at += line.length + 1;
    row++;
    if (row > MAX_ROWS) break;
  }
  return {
    ...page,
    items,
    view: 'text',
    width: MARGIN * 2 + COLUMNS * CHAR,
    height: MARGIN * 2 + Math.max(row, 20) * LINE,
  };
}
