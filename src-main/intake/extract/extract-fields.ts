/**
 * The local engine: fields from page text. Label/value layouts first ("Label: value" lines, label
 * and value in neighbouring table cells, a header row over a row of values, a label above its
 * value), then prose, then signatures and loose evidence (any e-mail address). Each field keeps
 * its page and character range; text that addresses the AI is only ever read as the fields it
 * states.
 *
 * A field's confidence is the product of what it rests on: how it was found (the layout), how
 * well its label matched, how clean its value is (a valid phone, an unambiguous date) and, on a
 * scan, how sure OCR was of its words.
 */
import type { IntakeField, IntakeMapping, IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { dateContext, readDate, type DateContext } from './dates';
import { handleLabelled } from './layout-fields';
import { buildLabelIndex } from './lexicon';
import { phoneCountry, readPhone, splitRoles, stripHonorific, toEmail } from './normalize';
import { proseFields } from './prose';
import { signatureFields } from './signature-fields';

type Fields = IntakeRecord['fields'];

/** What a value is read against: the document's date order and country, and where notes go. */
export interface ReadContext {
  dates: DateContext;
  country: ReturnType<typeof phoneCountry>;
  warnings: string[];
}
const PLAIN: ReadContext = { dates: { order: null, evidence: null, reference: null }, country: 'CA', warnings: [] };

/** How a value was found: the first factor of its confidence. */
export const LAYOUT = {
  sameLine: 0.97,
  cells: 0.97,
  headerRow: 0.93,
  above: 0.9,
  runIn: 0.85,
  list: 0.98,
  fullName: 0.92,
} as const;

export function sourceOf(page: IntakePage, start: number, end: number): IntakeField['source'] {
  const items = page.items.filter((i) => i.box && i.end > start && i.start < end);
  if (items.length === 0) return { page: page.number, start, end };
  const xs = items.map((i) => i.box!);
  const x = Math.min(...xs.map((b) => b.x));
  const y = Math.min(...xs.map((b) => b.y));
  const box = {
    x,
    y,
    w: Math.max(...xs.map((b) => b.x + b.w)) - x,
    h: Math.max(...xs.map((b) => b.y + b.h)) - y,
  };
  return { page: page.number, start, end, box };
}

/** The mean OCR confidence of the words in [start, end), or 1 for text that was not OCR'd. */
function ocrCertainty(page: IntakePage, start: number, end: number): number {
  const words = (page.items as { start: number; end: number; confidence?: number }[]).filter(
    (i) => i.confidence !== undefined && i.end > start && i.start < end,
  );
  return words.length ? words.reduce((s, w) => s + w.confidence!, 0) / words.length : 1;
}

/** Sets a field from raw text at [start,end) on a page, normalized; keeps the more confident value. */
export function put(
  fields: Fields,
  name: string,
  raw: string,
  at: { page: IntakePage; start: number },
  conf: number,
  ctx: ReadContext = PLAIN,
) {
  const read = normalizeValue(name, raw, ctx);
  if (!read || read.value === '' || (Array.isArray(read.value) && read.value.length === 0)) return;
  const offset = at.page.text.indexOf(raw.trim(), at.start);
  const start = offset >= 0 ? offset : at.start;
  const end = start + raw.trim().length;
  const confidence = Math.round(conf * read.certainty * ocrCertainty(at.page, start, end) * 100) / 100;
  const existing = fields[name as keyof Fields];
  if (existing && existing.confidence >= confidence) return;
  fields[name as keyof Fields] = { value: read.value, confidence, source: sourceOf(at.page, start, end) };
  if (read.note) ctx.warnings.push(read.note);
}

const HONORIFIC_ONLY = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev)\.?$/i;

function normalizeValue(
  name: string,
  raw: string,
  ctx: ReadContext,
): { value: string | string[]; certainty: number; note?: string } | null {
  const v = raw.trim().replace(/\s+/g, ' ');
  const sure = (value: string | null | string[], certainty = 1) => (value === null ? null : { value, certainty });
  switch (name) {
    case 'email':
      return sure(toEmail(v));
    case 'phone': {
      const p = readPhone(v, ctx.country);
      return p && { value: p.e164, certainty: p.certainty };
    }
    case 'startDate': {
      const d = readDate(v.replace(/[.,;]$/, ''), ctx.dates);
      return d && { value: d.iso, certainty: d.certainty, ...(d.note ? { note: d.note } : {}) };
    }
    case 'requestedRoles':
      return sure(splitRoles(raw));
    case 'managerName':
    case 'firstName':
    case 'lastName': {
      const n = stripHonorific(v).replace(/[,;.]$/, '');
      if (!/\p{L}/u.test(n) || /[@\d]/.test(n) || n.split(' ').length > 5) return null;
      return sure(n, /^\p{Lu}/u.test(n) ? 1 : 0.9);
    }
    case 'title':
      return HONORIFIC_ONLY.test(v) ? null : sure(v.replace(/[,;]$/, ''));
    default:
      return sure(v.replace(/[,;]$/, ''));
  }
}

/** Any e-mail address in the content, when no labelled one was found: weak evidence. */
function looseEvidence(pages: IntakePage[], fields: Fields, skipFrom: number) {
  if (fields.email) return;
  for (const [i, page] of pages.entries()) {
    const re = /[A-Za-z0-9._%+'-]+ ?@ ?[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
    re.lastIndex = i === 0 ? skipFrom : 0;
    const m = re.exec(page.text);
    if (m) return put(fields, 'email', m[0], { page, start: m.index }, 0.5);
  }
}

export interface ExtractOptions {
  /** Lines at the top of the first page that are not the document's content (an e-mail's headers). */
  skipLines?: number;
  /** The document's own date (ISO), to decide an ambiguous numeric date. */
  reference?: string | null;
}

export function extractFields(
  pages: IntakePage[],
  mappings: IntakeMapping[],
  options: ExtractOptions = {},
): IntakeRecord & { warnings: string[] } {
  const index = buildLabelIndex(mappings);
  const all = pages.map((p) => p.text).join('\n');
  const ctx: ReadContext = {
    dates: dateContext(all, options.reference ?? null),
    country: phoneCountry(all),
    warnings: [],
  };
  const fields: Fields = {};
  const { skipFrom } = handleLabelled(pages, index, fields, ctx, options.skipLines ?? 0);
  proseFields(pages, fields, ctx, skipFrom);
  signatureFields(pages, fields, ctx);
  looseEvidence(pages, fields, skipFrom);
  return { fields, warnings: [...new Set(ctx.warnings)] };
}
