/**
 * Time in a question: windows ("last 30 days", "past two weeks", "since October 1", "in November
 * 2026", "yesterday", "before September 1", "between 2026-10-01 and 2026-10-15"), hours ("between
 * 23:00 and 05:00 UTC", "at night") and weekdays ("on weekends"). Relative windows are computed
 * here from `now` (an input, so answers are deterministic); chrono-node reads the absolute dates.
 * Each phrase found is replaced in the text by a placeholder (`tw0`, `th0`, `td0`) the grammar reads.
 */
import * as chrono from 'chrono-node';
import type { AskWindow } from '../../../src-preload/contract/ask';
import { NUMBER_WORDS } from './numbers';

export interface TimeFinds {
  text: string;
  windows: AskWindow[];
  /** What introduced each window: since / before / in / last / next / between / ago. */
  windowWords: string[];
  /**
   * For a window read as the past that could mean the future ("in 30 days", "within 2 weeks"):
   * the future reading, which an expiry question takes. Index as `windows`.
   */
  future: (AskWindow | null)[];
  hours: { from: number; to: number }[];
  weekdays: number[][];
}

const DAY = 86_400_000;
const UNITS: Record<string, number> = { day: 1, week: 7, fortnight: 14 };
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_RE = `((?:${MONTH_RE}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?)|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+\\d{4})?)|(?:\\d{4}-\\d{2}-\\d{2})|(?:\\d{1,2}/\\d{1,2}/\\d{4}))`;

export function stampOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
const startOfDay = (ms: number) => Math.floor(ms / DAY) * DAY;

export function numberOf(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return word === 'a' || word === 'an' ? 1 : (NUMBER_WORDS[word] ?? null);
}

function monthIndex(word: string): number {
  return MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3)));
}

/** An absolute day (chrono-node), the most recent one not after `now` when the year is left out. */
function parseDay(phrase: string, now: number): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(phrase.trim());
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const first = chrono.parse(phrase, new Date(now), { forwardDate: false })[0];
  if (!first) return null;
  const c = first.start;
  const year = c.isCertain('year') ? c.get('year') : null;
  const month = (c.get('month') ?? 1) - 1;
  const day = c.get('day') ?? 1;
  let ms = Date.UTC(year ?? new Date(now).getUTCFullYear(), month, day);
  if (year === null && ms > now) ms = Date.UTC(new Date(now).getUTCFullYear() - 1, month, day);
  return ms;
}

function monthWindow(year: number, month: number): AskWindow {
  return { from: stampOf(Date.UTC(year, month, 1)), to: stampOf(Date.UTC(year, month + 1, 1)) };
}

type Match = RegExpMatchArray;
interface Rule {
  re: RegExp;
  make: (m: Match, now: number) => AskWindow | null;
  /** The future reading of the same words, where there is one. */
  future?: (m: Match, now: number) => AskWindow | null;
  word: (m: Match) => string;
}

const W = (from: number | null, to: number | null): AskWindow => ({
  from: from === null ? null : stampOf(from),
  to: to === null ? null : stampOf(to),
});

function monthsBack(now: number, n: number): number {
  const d = new Date(now);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - n,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

function lastN(m: Match, now: number): AskWindow | null {
  const n = numberOf(m[1] ?? '');
  if (n === null) return null;
  return W(back(now, n, m[2] ?? 'day'), null);
}

function pointRule(m: Match, now: number): AskWindow | null {
  const day = parseDay(m[2] ?? '', now);
  if (day === null) return null;
  const w = m[1] ?? '';
  if (w === 'since' || w === 'from' || w === 'as of' || w === 'starting') return W(day, null);
  if (w === 'after') return W(day + DAY, null);
  if (w === 'on') return W(day, day + DAY);
  // "until", "through", "up to", "by" include the day named; "before" and "prior to" do not.
  if (w === 'before' || w === 'prior to') return W(null, day);
  return W(null, day + DAY);
}

/** The moment N units before now. */
function back(now: number, n: number, unit: string): number {
  if (unit === 'month') return monthsBack(now, n);
  if (unit === 'year') return monthsBack(now, 12 * n);
  if (unit === 'hour') return now - n * 3_600_000;
  return now - n * (UNITS[unit] ?? 1) * DAY;
}

/** "90 days ago": before that moment with "more than"/"over", after it with "less than"/"within". */
function ago(m: Match, now: number): AskWindow | null {
  const n = numberOf(m[2] ?? '');
  if (n === null) return null;
  const at = back(now, n, m[3] ?? 'day');
  const how = m[1] ?? '';
  if (/less|fewer|under|within/.test(how)) return W(at, null);
  if (how) return W(null, at);
  // "30 days ago": that day.
  return W(startOfDay(at), startOfDay(at) + DAY);
}

/** "in 30 days", "within 2 weeks": the past here; `future` keeps the other reading. */
function eitherWay(m: Match, now: number): { past: AskWindow; future: AskWindow } | null {
  const n = numberOf(m[1] ?? '');
  if (n === null) return null;
  const unit = m[2] ?? 'day';
  const ahead = unit === 'month' ? 30 * n * DAY : unit === 'year' ? 365 * n * DAY : n * (UNITS[unit] ?? 1) * DAY;
  return { past: W(back(now, n, unit), null), future: W(now, now + ahead) };
}

function inMonth(m: Match, now: number): AskWindow | null {
  const month = monthIndex(m[1] ?? '');
  if (month < 0) return null;
  let year = m[2] ? Number(m[2]) : new Date(now).getUTCFullYear();
  if (!m[2] && Date.UTC(year, month, 1) > now) year -= 1;
  return monthWindow(year, month);
}

/** This calendar week (from Monday), month or year, start to end (the end matters for expiry dates). */
function thisPeriod(m: Match, now: number): AskWindow {
  const d = new Date(now);
  if (m[1] === 'month') return monthWindow(d.getUTCFullYear(), d.getUTCMonth());
  if (m[1] === 'year') return W(Date.UTC(d.getUTCFullYear(), 0, 1), Date.UTC(d.getUTCFullYear() + 1, 0, 1));
  const monday = startOfDay(now) - ((d.getUTCDay() + 6) % 7) * DAY;
  return W(monday, monday + 7 * DAY);
}

/** Next calendar week, month or year. */
function nextPeriod(m: Match, now: number): AskWindow {
  const d = new Date(now);
  if (m[1] === 'month') return monthWindow(d.getUTCFullYear(), d.getUTCMonth() + 1);
  if (m[1] === 'year') return W(Date.UTC(d.getUTCFullYear() + 1, 0, 1), Date.UTC(d.getUTCFullYear() + 2, 0, 1));
  const monday = startOfDay(now) - ((d.getUTCDay() + 6) % 7) * DAY + 7 * DAY;
  return W(monday, monday + 7 * DAY);
}

const UNIT = '(hour|day|week|fortnight|month|year)s?';
const AMOUNT =
  '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)';

const RULES: Rule[] = [
  {
    re: new RegExp(
      `\\b(more than|over|at least|less than|fewer than|under|within)?\\s*${AMOUNT}\\s+${UNIT}\\s+ago\\b`,
      'g',
    ),
    make: ago,
    word: (m) => (m[1] && !/less|fewer|under|within/.test(m[1]) ? 'before' : m[1] ? 'since' : 'in'),
  },
  {
    // "for more than 90 days": as "more than 90 days ago".
    re: new RegExp(`\\b(?:for|in)\\s+(more than|over|at least)\\s+${AMOUNT}\\s+${UNIT}(?!\\s+ago)\\b`, 'g'),
    make: ago,
    word: () => 'before',
  },
  {
    // "since October", "before March 2026": the month's first day (after: the next month's).
    re: new RegExp(
      `\\b(since|from|starting|after|before|until|till|prior to)\\s+${MONTH_RE}(?:\\s+(\\d{4}))?(?!\\s*\\d)\\b`,
      'g',
    ),
    make: (m, now) => {
      const w = inMonth(['', m[2] ?? '', m[3] ?? ''] as unknown as Match, now);
      if (!w?.from || !w.to) return null;
      const start = Date.parse(`${w.from.replace(' ', 'T')}Z`);
      const end = Date.parse(`${w.to.replace(' ', 'T')}Z`);
      if (/before|prior/.test(m[1] ?? '')) return W(null, start);
      if (/until|till/.test(m[1] ?? '')) return W(null, end);
      return W(/after/.test(m[1] ?? '') ? end : start, null);
    },
    word: (m) => (/before|prior|until|till/.test(m[1] ?? '') ? 'before' : 'since'),
  },
  {
    re: new RegExp(`\\b(?:between|from)\\s+${DATE_RE}\\s+(?:and|to|until|through|-)\\s+${DATE_RE}`, 'g'),
    make: (m, now) => {
      const a = parseDay(m[1] ?? '', now);
      const b = parseDay(m[4] ?? '', now);
      return a === null || b === null ? null : W(a, b + DAY);
    },
    word: () => 'between',
  },
  {
    re: /\b(?:in\s+|during\s+|within\s+|over\s+)?(?:the\s+)?(?:last|past|previous|preceding)\s+(\d+|[a-z]+)\s+(hour|day|week|fortnight|month|year)s?\b/g,
    make: lastN,
    word: () => 'last',
  },
  {
    // "the last month" and "the past month" roll back from now; "last month" alone is the calendar month.
    re: /\b(?:in\s+|during\s+|within\s+|over\s+)?(?:the\s+(?:last|past|previous)|past|previous)\s+(day|week|fortnight|month|year)\b/g,
    make: (m, now) => lastN(['', '1', m[1] ?? 'day'] as unknown as Match, now),
    word: () => 'last',
  },
  {
    // "in less than 30 days": within them (the past; `future` the other reading).
    re: /\b(?:in|within)\s+(?:less than|under|fewer than)\s+(\d+|[a-z]+)\s+(day|week|month|year)s?\b/g,
    make: (m, now) => eitherWay(m, now)?.past ?? null,
    future: (m, now) => eitherWay(m, now)?.future ?? null,
    word: () => 'last',
  },
  {
    re: /\b(?:for|in|within)\s+(?:the\s+)?(?!last|past|next)(\d+|[a-z]+)\s+(day|week|month|year)s?\b/g,
    make: (m, now) => eitherWay(m, now)?.past ?? null,
    future: (m, now) => eitherWay(m, now)?.future ?? null,
    word: () => 'last',
  },
  {
    re: /\b(?:in\s+|within\s+|during\s+)?(?:the\s+)?(?:next|coming|following)\s+(\d+|[a-z]+)\s+(day|week|month)s?\b/g,
    make: (m, now) => {
      const n = numberOf(m[1] ?? '');
      if (n === null) return null;
      const days = m[2] === 'month' ? 30 : m[2] === 'week' ? 7 : 1;
      return W(now, now + n * days * DAY);
    },
    word: () => 'next',
  },
  {
    // "before the end of the year": up to the end of this year (month, week).
    re: /\b(before|by|until|till|through)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(week|month|year)\b/g,
    make: (m, now) =>
      W(null, Date.parse(`${thisPeriod(['', m[2] ?? 'year'] as unknown as Match, now).to!.replace(' ', 'T')}Z`)),
    word: () => 'before',
  },
  { re: /\byesterday\b/g, make: (_m, now) => W(startOfDay(now) - DAY, startOfDay(now)), word: () => 'in' },
  { re: /\btoday\b/g, make: (_m, now) => W(startOfDay(now), startOfDay(now) + DAY), word: () => 'in' },
  { re: /\b(?:in\s+|during\s+)?this\s+(week|month|year)\b/g, make: thisPeriod, word: () => 'in' },
  { re: /\b(?:in\s+|during\s+)?next\s+(week|month|year)\b/g, make: nextPeriod, word: () => 'next' },
  {
    re: /\b(?:in\s+|during\s+)?last\s+(week|month|year)\b/g,
    make: (m, now) => {
      const d = new Date(now);
      if (m[1] === 'month') return monthWindow(d.getUTCFullYear(), d.getUTCMonth() - 1);
      if (m[1] === 'year') return W(Date.UTC(d.getUTCFullYear() - 1, 0, 1), Date.UTC(d.getUTCFullYear(), 0, 1));
      const monday = startOfDay(now) - ((d.getUTCDay() + 6) % 7) * DAY;
      return W(monday - 7 * DAY, monday);
    },
    word: () => 'in',
  },
  {
    re: new RegExp(
      `\\b(since|after|from|starting|before|until|till|through|thru|prior to|up to|on|as of|by)\\s+(?:the\\s+)?${DATE_RE}`,
      'g',
    ),
    make: pointRule,
    word: (m) =>
      m[1] === 'on'
        ? 'in'
        : ['after', 'from', 'as of', 'starting'].includes(m[1] ?? '')
          ? 'since'
          : m[1] === 'since'
            ? 'since'
            : 'before',
  },
  {
    re: new RegExp(`\\b(?:in|during|for|of|throughout)\\s+${MONTH_RE}(?:\\s+(\\d{4}))?\\b`, 'g'),
    make: inMonth,
    word: () => 'in',
  },
  {
    re: /\b(?:in|during)\s+(20\d{2})\b/g,
    make: (m) => W(Date.UTC(Number(m[1]), 0, 1), Date.UTC(Number(m[1]) + 1, 0, 1)),
    word: () => 'in',
  },
  { re: /\b(?:since|after)\s+(20\d{2})\b/g, make: (m) => W(Date.UTC(Number(m[1]), 0, 1), null), word: () => 'since' },
  { re: /\bbefore\s+(20\d{2})\b/g, make: (m) => W(null, Date.UTC(Number(m[1]), 0, 1)), word: () => 'before' },
  {
    re: new RegExp(`\\b${DATE_RE}`, 'g'),
    make: (m, now) => {
      const day = parseDay(m[1] ?? '', now);
      return day === null ? null : W(day, day + DAY);
    },
    word: () => 'in',
  },
];

function hour(h: string, ampm: string | undefined): number {
  let n = Number(h);
  if (ampm === 'pm' && n < 12) n += 12;
  if (ampm === 'am' && n === 12) n = 0;
  return n;
}

const HOUR = "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|h|o'clock)?";
const ZONE = '(?:\\s+(?:utc|gmt|z))?(?:\\s+time)?';
const HOUR_RULES: { re: RegExp; make: (m: Match) => { from: number; to: number } }[] = [
  {
    re: new RegExp(`\\b(?:between|from)\\s+${HOUR}\\s+(?:and|to|-)\\s+${HOUR}${ZONE}`, 'g'),
    make: (m) => ({ from: hour(m[1] ?? '0', m[3]), to: hour(m[4] ?? '0', m[6]) }),
  },
  {
    re: new RegExp(`\\b(?:after|later than)\\s+(?=\\d{1,2}(?::\\d{2}|\\s*(?:am|pm)))${HOUR}${ZONE}`, 'g'),
    make: (m) => ({ from: hour(m[1] ?? '0', m[3]), to: 24 }),
  },
  {
    re: new RegExp(`\\b(?:before|earlier than)\\s+(?=\\d{1,2}(?::\\d{2}|\\s*(?:am|pm)))${HOUR}${ZONE}`, 'g'),
    make: (m) => ({ from: 0, to: hour(m[1] ?? '0', m[3]) }),
  },
  {
    // "at 3am", "around 14:00": that hour.
    re: new RegExp(`\\b(?:at|around|about)\\s+(?=\\d{1,2}(?::\\d{2}|\\s*(?:am|pm)))${HOUR}${ZONE}`, 'g'),
    make: (m) => {
      const h = hour(m[1] ?? '0', m[3]);
      return { from: h, to: h + 1 };
    },
  },
  { re: /\b(?:at night|overnight|during the night|in the night|late at night)\b/g, make: () => ({ from: 22, to: 6 }) },
  {
    re: /\b(?:outside|out of|outside of)\s+(?:(?:the|normal|regular|business|office|working|work|usual)\s+)*hours\b|\boff[- ]hours\b|\bafter hours\b/g,
    make: () => ({ from: 18, to: 8 }),
  },
  { re: /\bin the (?:early )?morning\b/g, make: () => ({ from: 6, to: 12 }) },
  { re: /\bin the afternoon\b/g, make: () => ({ from: 12, to: 18 }) },
  { re: /\bin the evening\b/g, make: () => ({ from: 18, to: 22 }) },
];

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_WORD = '(sun|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?)days?';
const WEEKDAY_RULES: { re: RegExp; make: (m: Match) => number[] }[] = [
  { re: /\b(?:(?:on|during|over|at)\s+)?(?:the\s+|a\s+)?weekends?\b/g, make: () => [0, 6] },
  {
    re: /\b(?:(?:on|during)\s+)?(?:the\s+)?(?:weekdays|week days|workdays|working days|business days)\b/g,
    make: () => [1, 2, 3, 4, 5],
  },
  {
    re: new RegExp(`\\b(?:on\\s+(?:a\\s+)?)?${DAY_WORD}\\b(?:\\s*(?:and|or|,)\\s*${DAY_WORD}\\b)?`, 'g'),
    make: (m) =>
      [m[1], m[2]].filter((x): x is string => !!x).map((x) => DAY_NAMES.findIndex((d) => d.startsWith(x.slice(0, 3)))),
  },
];

function replaceAll(text: string, re: RegExp, fn: (m: Match) => string): string {
  return text.replace(re, (...args: unknown[]) => {
    const groups = args.slice(0, -2) as string[];
    return fn(groups as unknown as Match);
  });
}

/** Finds the time phrases of a (normalized, lower-case) question and replaces them by placeholders. */
export function extractTime(question: string, now: number): TimeFinds {
  const input = question.replace(/\bmidnight\b/g, '0:00').replace(/\bnoon\b|\bmidday\b/g, '12:00');
  const found: TimeFinds = { text: ` ${input} `, windows: [], windowWords: [], future: [], hours: [], weekdays: [] };
  for (const rule of HOUR_RULES) {
    found.text = replaceAll(found.text, rule.re, (m) => {
      const h = rule.make(m);
      if (h.from > 23 || h.to > 24) return m[0] ?? '';
      found.hours.push(h);
      return ` th${found.hours.length - 1} `;
    });
  }
  for (const rule of WEEKDAY_RULES) {
    found.text = replaceAll(found.text, rule.re, (m) => {
      found.weekdays.push(rule.make(m));
      return ` td${found.weekdays.length - 1} `;
    });
  }
  for (const rule of RULES) {
    found.text = replaceAll(found.text, rule.re, (m) => {
      const w = rule.make(m, now);
      if (!w) return m[0] ?? '';
      found.windows.push(w);
      found.windowWords.push(rule.word(m));
      found.future.push(rule.future?.(m, now) ?? null);
      return ` tw${found.windows.length - 1} `;
    });
  }
  found.text = found.text.replace(/\s+/g, ' ').trim();
  return found;
}
