/**
 * Dates of birth as YYYYMMDD digits with the parts kept, so that the comparators can tell an exact
 * match from a day and month swapped (a US/European mix-up) or one digit off. Day-first is assumed
 * for an ambiguous d/m/y date; the swap level catches the other reading. A date with an impossible
 * month or day (a typo) is kept as digits: it still agrees with its source up to one edit.
 */
export interface NormalDate {
  digits: string;
  year: string;
  month: string;
  day: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: string): string {
  return n.padStart(2, '0');
}

function make(year: string, month: string, day: string): NormalDate {
  const y = year.padStart(4, '0');
  const m = pad(month);
  const d = pad(day);
  return { digits: `${y}${m}${d}`, year: y, month: m, day: d };
}

function monthNumber(word: string): string | null {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : String(i + 1);
}

/** Three numeric parts in some order: year first, or day/month first with the year last. */
function fromParts(a: string, b: string, c: string): NormalDate | null {
  if (a.length === 4) return make(a, b, c);
  if (c.length !== 4) return null;
  // d/m/y unless the first part cannot be a month's day-first reading (m/d/y with day > 12).
  if (Number(b) > 12 && Number(a) <= 12) return make(c, a, b);
  return make(c, b, a);
}

export function normalizeDate(value: string | undefined): NormalDate | null {
  const raw = (value ?? '').trim();
  if (!raw) return null;
  if (/^\d{8}$/.test(raw)) {
    const head = Number(raw.slice(0, 4));
    // YYYYMMDD is the common compact form; DDMMYYYY when the first four cannot be a year.
    if (head >= 1800 && head <= 2199) return make(raw.slice(0, 4), raw.slice(4, 6), raw.slice(6, 8));
    return make(raw.slice(4, 8), raw.slice(2, 4), raw.slice(0, 2));
  }
  const numeric = raw.split(/[^0-9]+/).filter(Boolean);
  const named = raw.match(/[A-Za-z]{3,}/);
  if (named && numeric.length === 2) {
    const month = monthNumber(named[0]);
    const [x = '', y = ''] = numeric;
    if (month) return x.length === 4 ? make(x, month, y) : make(y, month, x);
  }
  if (numeric.length === 3) {
    const [a = '', b = '', c = ''] = numeric;
    return fromParts(a, b, c);
  }
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 6 ? { digits, year: digits.slice(0, 4), month: '', day: '' } : null;
}

/** The same date with day and month exchanged (as digits), or null if it would be the same. */
export function swapDayMonth(date: NormalDate): string | null {
  if (!date.month || date.month === date.day) return null;
  return `${date.year}${date.day}${date.month}`;
}
