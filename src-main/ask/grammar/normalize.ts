/**
 * The first step of reading a question: contractions spelled out, punctuation that carries no
 * meaning dropped, and the words, lower case without accents, with their original spelling kept
 * beside them (a capital letter helps tell the department "Programs" from the word "programs").
 */
import { fold } from './lexicon';

export interface Token {
  /** Folded, lower case. */
  word: string;
  /** As the question wrote it. */
  raw: string;
}

const CONTRACTIONS: [RegExp, string][] = [
  [/\b(ca)n['’]?t\b/gi, '$1n not'],
  [/\b(can)not\b/gi, '$1 not'],
  [/\b(w)on['’]?t\b/gi, '$1ill not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|could|would|should)n['’]?t\b/gi, '$1 not'],
  [/\b(who|what|that|there|it)['’]s\b/gi, '$1 is'],
  [/\b(i|we|they|you)['’]ve\b/gi, '$1 have'],
];

/** Contractions spelled out, quotes dropped; the case is kept. */
export function expandContractions(question: string): string {
  let s = question.replace(/[“”"]/g, ' ');
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  return s;
}

/**
 * Words, keeping what the grammar reads inside them: times (23:00), dates (2026-11-03, 11/3/2026),
 * addresses (10.0.0.1), hyphenated words (sign-in), "N+" (as "N plus"); a possessive 's is dropped.
 */
export function tokenize(text: string): string[] {
  return text
    .replace(/&/g, ' and ')
    .replace(/(\d)\.(?=\d)/g, '$1·')
    .replace(/(\d)\+/g, '$1 plus ')
    .replace(/[^\p{L}\p{N}·:'’/_\- ]+/gu, ' ')
    .replace(/·/g, '.')
    .split(/\s+/)
    .map((w) => w.replace(/^['’\-/]+|['’\-/:]+$/g, '').replace(/['’]s$/, ''))
    .filter(Boolean);
}

/** The question's tokens, each folded and with its original spelling. */
export function tokensOf(question: string): Token[] {
  return tokenize(expandContractions(question))
    .map((raw) => ({ raw, word: fold(raw).replace(/’/g, "'") }))
    .filter((t) => t.word !== '');
}
