/** Times as an administrator reads them: "3 minutes ago (25 Nov, 18:11)". */

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const ABSOLUTE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 365],
];

export function relativeTime(iso: string, now = Date.now()): string {
  let value = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size)
      return unit === 'second' && Math.abs(value) < 45 ? 'just now' : RELATIVE.format(Math.round(value), unit);
    value /= size;
  }
  return RELATIVE.format(Math.round(value), 'year');
}

export function whenTested(iso: string, now = Date.now()): string {
  return `${relativeTime(iso, now)} (${ABSOLUTE.format(new Date(iso))})`;
}

export function clockTime(iso: string): string {
  return CLOCK.format(new Date(iso));
}
