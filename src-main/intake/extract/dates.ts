/**
 * Dates in any common written form to ISO. A numeric date whose day and month could be either way
 * round (03/04/2027) is decided by the document: its other dates (13/04/2027 can only be day
 * first), then its hints (written-out dates in day-month order, dotted dates, British spellings, a
 * phone's country), and only then, said in a warning and at lower confidence, by the reading that
 * falls soonest after the document's own date. Never silently day-first.
 */
import * as chrono from 'chrono-node';

export type DayOrder = 'dmy' | 'mdy';
export interface DateContext {
  order: DayOrder | null;
  /** How the order was decided, for the warning and the confidence. */
  evidence: 'dates' | 'hints' | null;
  /** The document's own date (an e-mail's, a letter's), ISO, to choose an ambiguous date by. */
  reference: string | null;
}
export interface ReadDate {
  iso: string;
  /** 1 unambiguous, lower when the day/month order had to be decided. */
  certainty: number;
  note?: string;
}

const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g;
const pad = (n: number) => String(n).padStart(2, '0');
const year4 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

export function dateContext(text: string, reference: string | null = null): DateContext {
  let dmy = 0;
  let mdy = 0;
  for (const m of text.matchAll(NUMERIC)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a > 12 && a <= 31 && b <= 12) dmy++;
    else if (b > 12 && b <= 31 && a <= 12) mdy++;
  }
  if (dmy !== mdy) return { order: dmy > mdy ? 'dmy' : 'mdy', evidence: 'dates', reference };
  let hintD = 0;
  let hintM = 0;
  const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
  hintD += (text.match(new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${months})\b`, 'gi')) ?? [])
    .length;
  hintM += (text.match(new RegExp(String.raw`\b(?:${months})\s+\d{1,2}(?:st|nd|rd|th)?,`, 'gi')) ?? []).length;
  hintD += (text.match(/\b\d{1,2}\.\d{1,2}\.\d{4}\b/g) ?? []).length;
  hintD +=
    (text.match(/\b(?:organisation|programme|centre|colleague's|behaviour|licence)\b/gi) ?? []).length > 0 ? 1 : 0;
  hintD += /\+(?:44|61|64|353|33|49|31|32|34|39|91|27)\b/.test(text) ? 1 : 0;
  hintM += /\b(?:MM\/DD|mm\/dd)\b/.test(text) ? 3 : 0;
  hintD += /\b(?:DD\/MM|dd\/mm)\b/.test(text) ? 3 : 0;
  if (hintD !== hintM) return { order: hintD > hintM ? 'dmy' : 'mdy', evidence: 'hints', reference };
  return { order: null, evidence: null, reference };
}

export function readDate(text: string, ctx: DateContext): ReadDate | null {
  const t = text.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]), 1);
  const numeric = new RegExp(`^${NUMERIC.source}$`).exec(t);
  if (numeric) return numericDate(Number(numeric[1]), Number(numeric[3]), year4(numeric[4]!), ctx);
  if (!/\p{L}/u.test(t)) return null;
  const parsed = chrono.en.GB.parse(t, new Date(Date.UTC(2026, 0, 1)))[0];
  if (!parsed || !parsed.start.isCertain('month') || !parsed.start.isCertain('day')) return null;
  const c = parsed.start;
  return valid(c.get('year') ?? 2026, c.get('month') ?? 1, c.get('day') ?? 1, c.isCertain('year') ? 1 : 0.8);
}

function valid(y: number, m: number, d: number, certainty: number, note?: string): ReadDate | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { iso: `${y}-${pad(m)}-${pad(d)}`, certainty, ...(note ? { note } : {}) };
}

function numericDate(a: number, b: number, y: number, ctx: DateContext): ReadDate | null {
  if (a > 12 || b > 12 || a === b) return a > 12 ? valid(y, b, a, 1) : valid(y, a, b, 1);
  const asDmy = valid(y, b, a, 1);
  const asMdy = valid(y, a, b, 1);
  if (ctx.order === 'dmy') return asDmy && { ...asDmy, certainty: ctx.evidence === 'dates' ? 0.95 : 0.85 };
  if (ctx.order === 'mdy') return asMdy && { ...asMdy, certainty: ctx.evidence === 'dates' ? 0.95 : 0.85 };
  const written = `${pad(a)}/${pad(b)}/${y}`;
  const [first, second] = [asMdy, asDmy].filter((d): d is ReadDate => d !== null);
  if (!first || !second) return null;
  const ref = ctx.reference;
  const soonest =
    ref && first.iso >= ref && (second.iso < ref || first.iso <= second.iso)
      ? first
      : ref && second.iso >= ref
        ? second
        : first;
  const other = soonest === first ? second : first;
  return {
    ...soonest,
    certainty: 0.5,
    note: `${written} could be ${soonest.iso} or ${other.iso}: nothing in the document says which is day and which is month${ref ? `; read as the one soonest after the document's date` : `; read month first`}. Check it.`,
  };
}
