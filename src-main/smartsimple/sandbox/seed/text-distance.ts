/** Edit distances and typos for the planted near-duplicate contacts. */
import type { Rng } from './prng';

/**
 * Levenshtein distance, giving up (returning max + 1) once it is certainly above `max`. The
 * generator calls it many times with max 2, so the early exits matter more than elegance.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      curr[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] ?? 0;
}

const VOWELS = 'aeiou';

/**
 * One human typo in `word`: a swapped pair, a dropped letter, a doubled letter or a wrong vowel.
 * Always returns something different from `word` (falls back to appending a letter).
 */
export function typo(word: string, rng: Rng): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const kind = rng.int(0, 3);
    const i = rng.int(1, Math.max(1, word.length - 2));
    let out = word;
    if (kind === 0 && word.length >= 3)
      out = word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    else if (kind === 1 && word.length >= 4) out = word.slice(0, i) + word.slice(i + 1);
    else if (kind === 2) out = word.slice(0, i) + (word[i] ?? '') + word.slice(i);
    else {
      const positions = [...word]
        .map((c, k) => (k > 0 && VOWELS.includes(c.toLowerCase()) ? k : -1))
        .filter((k) => k > 0);
      if (positions.length > 0) {
        const k = rng.pick(positions);
        const current = (word[k] ?? 'a').toLowerCase();
        const replacement = rng.pick([...VOWELS].filter((v) => v !== current));
        out = word.slice(0, k) + replacement + word.slice(k + 1);
      }
    }
    if (out !== word) return out;
  }
  return `${word}e`;
}

/** The e-mail local part people get from their names: lower case, letters and one dot. */
export function emailLocalPart(first: string, last: string): string {
  const clean = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
  return `${clean(first)}.${clean(last)}`;
}

/** Full-name form used for every similarity rule (case-insensitive). */
export function fullNameKey(first: string, last: string): string {
  return `${first} ${last}`.toLowerCase();
}

/**
 * For each word of a list, the other words within edit distance 2 (itself included). Lets the
 * generator check a new name against an organization's members with a few set lookups instead of
 * comparing it with every member.
 */
export function nearWords(list: readonly string[]): Map<string, string[]> {
  const near = new Map<string, string[]>();
  for (const a of list) near.set(a.toLowerCase(), [a.toLowerCase()]);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = (list[i] ?? '').toLowerCase();
      const b = (list[j] ?? '').toLowerCase();
      if (editDistance(a, b, 2) <= 2) {
        near.get(a)?.push(b);
        near.get(b)?.push(a);
      }
    }
  }
  return near;
}
