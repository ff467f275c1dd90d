/** Values to their canonical form: ISO dates (chrono-node), E.164 phones, checked e-mails, names. */
import * as chrono from 'chrono-node';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function toIsoDate(text: string): string | null {
  const t = text.trim();
  if (ISO.test(t)) return t;
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    // Day first unless the first number cannot be a day-month pair that way (12/31/2027).
    const [d, m] = b > 12 ? [b, a] : [a, b];
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    return `${numeric[3]}-${pad(m)}-${pad(d)}`;
  }
  const parsed = chrono.en.GB.parse(t, new Date(Date.UTC(2026, 0, 1)))[0];
  if (!parsed || !parsed.start.isCertain('month') || !parsed.start.isCertain('day')) return null;
  const c = parsed.start;
  const year = c.get('year') ?? 2026;
  return `${year}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
}

export function toE164(text: string): string | null {
  const cleaned = text.replace(/\(0\)/g, '').trim();
  const parsed = parsePhoneNumberFromString(cleaned, 'CA') ?? parsePhoneNumberFromString(cleaned, 'GB');
  return parsed && parsed.isPossible() ? parsed.number : null;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$/;
export function toEmail(text: string): string | null {
  const t = text
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/[<>.,;]+$/g, '')
    .replace(/^</, '');
  return EMAIL.test(t) ? t.toLowerCase() : null;
}

const HONORIFIC = /^(?:(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev)\.?\s+)+/i;
export function stripHonorific(name: string): string {
  return name.replace(HONORIFIC, '').replace(/\s+/g, ' ').trim();
}

/** Splits "Jane Roe", "Roe, Jane" or "Jean-Luc van der Berg" into given and family names. */
export function splitName(full: string): { first: string; last: string } | null {
  const name = stripHonorific(full).replace(/,?\s+(?:phd|md|jr\.?|sr\.?)$/i, '');
  const comma = /^([^,]+),\s*(.+)$/.exec(name);
  if (comma) return { first: comma[2]!.trim(), last: comma[1]!.trim() };
  const parts = name.split(' ').filter(Boolean);
  if (parts.length < 2) return null;
  let i = parts.length - 1;
  while (i > 1 && /^(van|von|de|der|del|da|di|la|le|du|dos|bin|al)$/i.test(parts[i - 1]!)) i--;
  return { first: parts.slice(0, i).join(' '), last: parts.slice(i).join(' ') };
}

export function splitRoles(text: string): string[] {
  return text
    .split(/[;,\n]|\s+and\s+|•/)
    .map((s) => s.replace(/^[-*\s]+/, '').trim())
    .filter((s) => s.length > 0 && s.length < 80);
}
