/**
 * The lexicon: the mirror's names (roles, departments, organizations, programs, titles, program
 * assignment roles, people) normalized word by word (lower case, no accents, singular), and the
 * matcher that finds them in a question, exactly or with a small typo (edit distance).
 */
import type { LexiconNames } from '../lexicon-store';

export type Category = 'role' | 'department' | 'organization' | 'program' | 'title' | 'assignmentRole' | 'person';

export interface LexEntry {
  norm: string;
  words: number;
  /** The mirror's spelling per category. */
  names: Partial<Record<Category, string>>;
  personIds?: number[];
}

export interface Lexicon {
  byNorm: Map<string, LexEntry>;
  /** Entries without people, by word count, for fuzzy matching. */
  fuzzy: Map<number, LexEntry[]>;
  maxWords: number;
  utaOnlyRoles: Set<string>;
  statuses: string[];
}

export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes'))
    return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

/** Lower case, accents off, punctuation to spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'");
}

export function normName(name: string): string {
  return fold(name)
    .replace(/'s\b/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map(singular)
    .join(' ');
}

export function buildLexicon(names: LexiconNames): Lexicon {
  const byNorm = new Map<string, LexEntry>();
  const add = (name: string, category: Category, personId?: number) => {
    const norm = normName(name);
    if (!norm) return;
    let entry = byNorm.get(norm);
    if (!entry) {
      entry = { norm, words: norm.split(' ').length, names: {} };
      byNorm.set(norm, entry);
    }
    if (!entry.names[category]) entry.names[category] = name;
    if (personId !== undefined) (entry.personIds ??= []).push(personId);
  };
  for (const r of names.roles) add(r.name, 'role');
  for (const d of names.departments) add(d, 'department');
  for (const o of names.organizations) add(o, 'organization');
  for (const p of names.programs) add(p, 'program');
  for (const t of names.titles) add(t, 'title');
  for (const a of names.assignmentRoles) add(a, 'assignmentRole');
  for (const p of names.people) if (p.first && p.last) add(`${p.first} ${p.last}`, 'person', p.id);
  const fuzzy = new Map<number, LexEntry[]>();
  let maxWords = 1;
  for (const e of byNorm.values()) {
    maxWords = Math.max(maxWords, e.words);
    if (Object.keys(e.names).some((c) => c !== 'person')) {
      const list = fuzzy.get(e.words) ?? [];
      list.push(e);
      fuzzy.set(e.words, list);
    }
  }
  return {
    byNorm,
    fuzzy,
    maxWords: Math.min(maxWords, 8),
    utaOnlyRoles: new Set(names.roles.filter((r) => r.utaOnly).map((r) => r.name)),
    statuses: names.statuses,
  };
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment): "reprot" is one typo away from "report", as a person reads it.
 */
export function typoDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Typos allowed in a phrase of this many letters: none below 5, one below 10, two from 10. */
export function typosAllowed(phrase: string): number {
  const letters = phrase.replace(/ /g, '').length;
  return letters < 5 ? 0 : letters < 10 ? 1 : 2;
}

/**
 * The closest entry within the typos allowed, or null: ties give none (never a guess between
 * two), and each word in `exact` (a word the grammar reads, such as "program") must be in the
 * entry as written, so only the other words may carry the typo.
 */
export function fuzzyFind(lexicon: Lexicon, phrase: string, words: number, exact: string[] = []): LexEntry | null {
  const allowed = typosAllowed(phrase);
  if (allowed === 0) return null;
  let best: LexEntry | null = null;
  let bestD = allowed + 1;
  let tie = false;
  for (const e of lexicon.fuzzy.get(words) ?? []) {
    if (Math.abs(e.norm.length - phrase.length) > allowed) continue;
    if (exact.length && !exact.every((w) => e.norm.split(' ').includes(w))) continue;
    const d = typoDistance(e.norm, phrase);
    if (d < bestD) {
      best = e;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie && bestD <= allowed ? best : null;
}
