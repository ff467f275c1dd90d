/** Values to their canonical form: ISO dates (chrono-node), E.164 phones, checked e-mails, names. */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number in E.164, with how sure: 1 when valid for its country, 0.8 when only possible.
 * A number without a country code is read in the document's country when it has one (a +44
 * elsewhere in it), else as North American.
 */
export function readPhone(text: string, country: CountryCode = 'CA'): { e164: string; certainty: number } | null {
  const cleaned = text
    .replace(/\(0\)/g, '')
    .replace(/\s*(?:x|ext\.?)\s*\d+$/i, '')
    .trim();
  if ((cleaned.match(/\d/g) ?? []).length < 7) return null;
  const parsed = parsePhoneNumberFromString(cleaned, country);
  if (!parsed || !parsed.isPossible()) return null;
  return { e164: parsed.number, certainty: parsed.isValid() ? 1 : 0.8 };
}

/** The country a document's phones point to (its first +NN number), for the numbers without one. */
export function phoneCountry(text: string): CountryCode {
  for (const m of text.matchAll(/\+\d[\d ().-]{6,18}\d/g)) {
    const c = parsePhoneNumberFromString(m[0])?.country;
    if (c) return c;
  }
  return 'CA';
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$/;
export function toEmail(text: string): string | null {
  const t = text
    .trim()
    .replace(/^mailto:/i, '')
    // OCR may part an address at its @ or dots: "sipho.nkosi @ubuntu-edu.example.org".
    .replace(/\s*([@.])\s*/g, '$1')
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

const CHECKED = /(?:\[[xX✓✔]\]|☒|☑|✔|✓)\s*([^[☐☒☑✔✓]+)/g;

/** Requested roles as written: a list, or only the ticked boxes of a checkbox list. */
export function splitRoles(text: string): string[] {
  if (/\[[ xX✓✔]?\]|[☐☒☑]/.test(text)) return [...text.matchAll(CHECKED)].map((m) => m[1]!.trim()).filter(Boolean);
  return text
    .split(/[;,\n]|\s+and\s+|•/)
    .map((s) => s.replace(/^[-*\s]+/, '').trim())
    .filter((s) => s.length > 0 && s.length < 80);
}
