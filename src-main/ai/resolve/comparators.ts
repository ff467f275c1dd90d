/**
 * The similarity functions behind the comparison levels: Jaro-Winkler (@skyra/jaro-winkler) for
 * names and words, edit distance (fastest-levenshtein) for codes and numbers where a typo is one
 * character, and token-set agreement for fields whose words get reordered.
 */
import { jaroWinkler } from '@skyra/jaro-winkler';
import { distance } from 'fastest-levenshtein';
import { type Text } from './prepare';

/** A level index meaning "one side is missing": such a field adds no evidence either way. */
export const MISSING = 255;

export function jw(a: Text, b: Text): number {
  return jaroWinkler(a.chars, b.chars);
}

/**
 * Text agreement in four levels: 0 exact, 1 close (JW >= close, or the same words in another
 * order), 2 somewhat close (JW >= somewhat), 3 different.
 */
export function textLevel(a: Text, b: Text, close = 0.92, somewhat = 0.8): number {
  if (!a.v || !b.v) return MISSING;
  if (a.v === b.v) return 0;
  if (a.sorted === b.sorted) return 1;
  const s = jw(a, b);
  if (s >= close) return 1;
  if (s >= somewhat || tokenOverlap(a.words, b.words) >= 0.5) return 2;
  return 3;
}

/** Edit-distance levels: 0 exact, k for k edits up to `max`, max + 1 beyond. */
export function editLevel(a: string, b: string, max: number): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return Math.min(distance(a, b), max + 1);
}

/** Shared words over the words of the shorter side (so a dropped word still counts as overlap). */
export function tokenOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length < 2 && b.length < 2) return 0;
  // Arrays of a few words: a scan is cheaper than building a Set for every pair.
  let shared = 0;
  for (const w of b) if (a.includes(w)) shared += 1;
  return shared / Math.min(a.length, b.length);
}
