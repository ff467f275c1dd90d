/**
 * Normalization of single values before they are compared: case, diacritics, punctuation,
 * nicknames, e-mail local parts, phone digits, dates (with the day and month kept apart so a swap
 * can be recognised) and address tokens. Every function returns '' for a value that carries no
 * information, which the engine treats as missing.
 */
import { canonicalGivenName } from './nicknames';

/** Letters that NFD does not split into a base letter and a mark. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, no diacritics, letters/digits/spaces only, single spaces. */
export function plainText(value: string | undefined): string {
  if (!value) return '';
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (c) => FOLDS[c] ?? c)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that say nothing about which person a name is. */
const NAME_NOISE = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'jr', 'sr', 'ii', 'iii', 'phd', 'md']);

/** A name without titles and punctuation; apostrophes and hyphens join ("o'brien" -> "obrien"). */
export function normalizeName(value: string | undefined): string {
  const joined = (value ?? '').replace(/['’`-]/g, '');
  return plainText(joined)
    .split(' ')
    .filter((w) => w && !NAME_NOISE.has(w))
    .join(' ');
}

/** A given name in its canonical form: the first word, nicknames mapped to the full name. */
export function normalizeGivenName(value: string | undefined): string {
  const words = normalizeName(value).split(' ');
  return words[0] ? canonicalGivenName(words[0]) : '';
}

/**
 * An e-mail address compared by its meaning: lower case, no "+tag", and for Gmail no dots in the
 * local part (Gmail ignores them), googlemail.com as gmail.com.
 */
export function normalizeEmail(value: string | undefined): { address: string; local: string } {
  const raw = (value ?? '').trim().toLowerCase();
  const at = raw.lastIndexOf('@');
  if (at <= 0) return { address: '', local: plainText(raw).replace(/ /g, '') };
  let local = raw.slice(0, at).split('+')[0] ?? '';
  let domain = raw.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return { address: `${local}@${domain}`, local };
}

/** Digits only, the national number: the last 9 digits, so +61 2 ..., 02 ... and 2 ... agree. */
export function normalizePhone(value: string | undefined): string {
  const digits = (value ?? '').replace(/\D/g, '');
  if (digits.length < 6) return '';
  return digits.slice(-9);
}

/** Letters and digits of an identifier (SSN, employee number): punctuation and case dropped. */
export function normalizeIdentifier(value: string | undefined): string {
  return plainText(value).replace(/ /g, '');
}
