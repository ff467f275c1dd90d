/**
 * How the browse screens write numbers, times and SmartSimple dates. SmartSimple sends dates as
 * `YYYY-MM-DD HH:MM:SS` in the server's time; we show them as sent (minutes, no seconds) rather
 * than convert them, because the instance's time zone is not known here.
 */

const NUMBER = new Intl.NumberFormat('en-US');
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatNumber = (n: number): string => NUMBER.format(n);

/** "1 person", "3 people"; `plural` defaults to the singular plus "s". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
];

/** "just now", "3 min. ago", "2 days ago" for an ISO time (our own clock, e.g. when a sync ended). */
export function ago(iso: string, now = Date.now()): string {
  let value = (Date.parse(iso) - now) / 1000;
  if (Number.isNaN(value)) return iso;
  if (Math.abs(value) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return RELATIVE.format(Math.round(value), unit);
    value /= size;
  }
  return RELATIVE.format(Math.round(value), 'year');
}

/** "25 Nov 2026, 18:11" in local time, for an ISO time. */
export const dayTime = (iso: string): string => DAY_TIME.format(new Date(iso));
/** "14:05" in local time. */
export const clock = (iso: string): string => CLOCK.format(new Date(iso));

/** A SmartSimple date as sent, without seconds; empty or missing is null. */
export function wireDateText(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.length > 16 ? value.slice(0, 16) : value;
}

/** Days from a SmartSimple date to now (its calendar date against today's), null when empty. */
export function daysSince(value: string | null | undefined, now = new Date()): number | null {
  if (!value) return null;
  const t = Date.parse(value.slice(0, 10) + 'T00:00:00Z');
  if (Number.isNaN(t)) return null;
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.max(0, Math.round((today - t) / 86_400_000));
}

/** "today", "yesterday", "12 days ago", "3 months ago" for a SmartSimple date. */
export function wireDateAgo(value: string | null | undefined, now = new Date()): string | null {
  const days = daysSince(value, now);
  if (days === null) return null;
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.round(days / 30.4)} months ago`;
  return `${Math.round(days / 365)} years ago`;
}

/** A date `days` before today as SmartSimple writes it (`YYYY-MM-DD`), for date filters. */
export function wireDateDaysAgo(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Milliseconds as "45 s", "3 min", "1 h 20 min". */

/** How long something took, in the words main's messages use too. */
export { formatDuration as duration } from '../../src-preload/shared/format-duration';
