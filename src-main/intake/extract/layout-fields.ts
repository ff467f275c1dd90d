/**
 * Label/value layouts, in the ways forms put them: "Label: value" (or a wide gap, or a bar) in one
 * line or table cell; a label cell beside its value cell; a header row of labels over a row of
 * values; a label on its own line above its value. A line's cells are its tab-separated parts
 * (a PDF's or a scan's wide gaps, a table's columns).
 */
import type { IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { LAYOUT, put, type ReadContext } from './extract-fields';
import { matchLabel, type LabelMatch } from './lexicon';
import { splitName } from './normalize';

type Fields = IntakeRecord['fields'];
export interface Cell {
  page: IntakePage;
  text: string;
  start: number;
}
export interface Line extends Cell {
  cells: Cell[];
}

export function linesOf(page: IntakePage, skip = 0): Line[] {
  const out: Line[] = [];
  let at = 0;
  page.text.split('\n').forEach((raw, n) => {
    if (n >= skip && raw.trim()) {
      const cells: Cell[] = [];
      let c = 0;
      for (const part of raw.split('\t')) {
        const lead = part.length - part.trimStart().length;
        if (part.trim()) cells.push({ page, text: part.trim(), start: at + c + lead });
        c += part.length + 1;
      }
      const lead = raw.length - raw.trimStart().length;
      out.push({ page, text: raw.trim(), start: at + lead, cells });
    }
    at += raw.length + 1;
  });
  return out;
}

const SEP = /^(.{1,48}?)\s*(?:[:：]|\s{2,}|\|)\s*(.+)$/;

/** A cell that is a label and nothing else ("Family name", "E-mail:"). */
function labelOnly(index: Map<string, string>, text: string): LabelMatch | null {
  return matchLabel(index, text);
}

/** A cell that reads as a label, not a value that merely ends in a label's word ("Agente de programme"). */
function isLabel(index: Map<string, string>, text: string): boolean {
  return (matchLabel(index, text)?.quality ?? 0) >= 0.95 || labelled(index, text) !== null;
}

/** "Label: value" in one cell. */
function labelled(
  index: Map<string, string>,
  text: string,
): { match: LabelMatch; label: string; value: string } | null {
  const m = SEP.exec(text);
  if (!m) return null;
  const match = matchLabel(index, m[1]!);
  return match ? { match, label: m[1]!, value: m[2]! } : null;
}

function assign(fields: Fields, match: LabelMatch, value: string, at: Cell, layout: number, ctx: ReadContext) {
  const v = value.replace(/^[_.\s]+$|_{3,}/g, '').trim();
  if (!v) return;
  if (match.field === 'fullName') {
    const split = splitName(v);
    if (!split) return;
    const conf = LAYOUT.fullName * layout * match.quality;
    put(fields, 'firstName', split.first, at, conf, ctx);
    put(
      fields,
      'lastName',
      split.last,
      { page: at.page, start: at.text.lastIndexOf(split.last) + at.start },
      conf,
      ctx,
    );
    return;
  }
  put(fields, match.field, v, at, layout * match.quality, ctx);
}

/** A header row of labels over a row of values, matched by column (by position where there are boxes). */
function headerRow(lines: Line[], i: number, index: Map<string, string>, fields: Fields, ctx: ReadContext): boolean {
  const head = lines[i]!;
  const next = lines[i + 1];
  if (head.cells.length < 2 || !next || next.page !== head.page) return false;
  const labels = head.cells.map((c) => labelOnly(index, c.text));
  if (labels.filter(Boolean).length < Math.max(2, head.cells.length - 1)) return false;
  if (next.cells.some((c) => isLabel(index, c.text))) return false;
  const x = (c: Cell) => head.page.items.find((it) => it.start <= c.start && it.end > c.start)?.box?.x;
  // The same number of cells: column by column. Otherwise (an empty cell) by the nearest position.
  const byIndex =
    next.cells.length === head.cells.length || head.page.view === 'text' || head.cells.some((c) => x(c) === undefined);
  next.cells.forEach((cell, n) => {
    const cx = x(cell);
    const col =
      byIndex || cx === undefined
        ? n
        : head.cells.reduce(
            (best, c, k) => (Math.abs(x(c)! - cx) < Math.abs(x(head.cells[best]!)! - cx) ? k : best),
            0,
          );
    const match = labels[col];
    if (match) assign(fields, match, cell.text, cell, LAYOUT.headerRow, ctx);
  });
  return true;
}

function cellPairs(line: Line, index: Map<string, string>, fields: Fields, ctx: ReadContext) {
  for (let k = 0; k < line.cells.length; k++) {
    const cell = line.cells[k]!;
    const inCell = labelled(index, cell.text);
    if (inCell) {
      // A list ("Roles: [x] Reviewer   [x] Report Viewer") runs on over the cells that follow it.
      let value = inCell.value;
      while (inCell.match.field === 'requestedRoles' && line.cells[k + 1] && !isLabel(index, line.cells[k + 1]!.text))
        value += `\t${line.cells[++k]!.text}`;
      assign(fields, inCell.match, value, cell, LAYOUT.sameLine, ctx);
      continue;
    }
    const match = labelOnly(index, cell.text);
    const value = line.cells[k + 1];
    if (match && value && !isLabel(index, value.text)) {
      assign(fields, match, value.text, value, LAYOUT.cells, ctx);
      k++;
    }
  }
}

const FREE_TEXT = new Set([
  'firstName',
  'lastName',
  'fullName',
  'title',
  'organization',
  'department',
  'program',
  'managerName',
]);

/**
 * A label run into its value with no separator ("Given name(s) Siobhan": a table whose gap was too
 * narrow to see, an OCR line). Only a short line, only an exact label; a free-text field needs a
 * label of two words or more, the others a value that reads as their kind (a date, an e-mail).
 */
function runIn(line: Line, index: Map<string, string>, fields: Fields, ctx: ReadContext) {
  if (line.cells.length !== 1) return;
  const words = line.text.split(' ');
  if (words.length < 2 || words.length > 9) return;
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const label = words.slice(0, n).join(' ');
    const match = matchLabel(index, label);
    if (!match || match.quality < 0.97) continue;
    if (FREE_TEXT.has(match.field) && (n < 2 || words.length - n > 5)) return;
    const value = words.slice(n).join(' ');
    const at = { page: line.page, text: value, start: line.start + line.text.indexOf(value, label.length) };
    return assign(fields, match, value, at, LAYOUT.runIn, ctx);
  }
}

/**
 * Every labelled layout on the pages; returns where the content starts on the first page (after
 * skipped lines), so prose and loose evidence skip the same lines.
 */
export function handleLabelled(
  pages: IntakePage[],
  index: Map<string, string>,
  fields: Fields,
  ctx: ReadContext,
  skipLines: number,
): { skipFrom: number } {
  const lines = pages.flatMap((p, n) => linesOf(p, n === 0 ? skipLines : 0));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (headerRow(lines, i, index, fields, ctx)) {
      i++;
      continue;
    }
    cellPairs(line, index, fields, ctx);
    if (!labelled(index, line.text)) runIn(line, index, fields, ctx);
    const alone = line.cells.length === 1 ? labelOnly(index, line.text) : null;
    const next = lines[i + 1];
    if (alone && next && next.page === line.page && !isLabel(index, next.cells[0]!.text)) {
      assign(fields, alone, next.cells[0]!.text, next.cells[0]!, LAYOUT.above, ctx);
      i++;
    }
  }
  const first = pages[0];
  const skipFrom = first ? first.text.split('\n').slice(0, skipLines).join('\n').length : 0;
  return { skipFrom };
}
