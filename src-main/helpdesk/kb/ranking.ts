/**
 * Ranking a question against one index (the guide's, or the instance's past resolutions'):
 * BM25 of the words as typed plus half the BM25 of their alternatives, scaled by how much of the
 * question a passage covers; whether the best passages are relevant at all; and the excerpt shown.
 *
 * Speed: BM25 scores every passage a query matches, so a word that thousands of resolutions
 * repeat ("status", "access") makes a search slow while ranking next to nothing (FTS5 floors the
 * IDF of a word in half the passages at nearly zero). Over many resolutions such words are left
 * out of the resolutions' query; the guide, small and with statistics of its own, keeps them all.
 */
import type { DB } from '../../db/open';
import {
  type HelpIndex,
  MARK_CLOSE,
  MARK_OPEN,
  type PassageHit,
  resolutionFrequencies,
  resolutionTotal,
  scorePassages,
  searchPassages,
  stemsOf,
} from './passage-store';
import { type HelpQuery, termsOf, withMatches } from './query';

/** How much a match through an alternative word counts against the word as typed. */
const ALTERNATIVE_WEIGHT = 0.5;
/** How many of the best passages relevance looks at. */
const RELEVANCE_DEPTH = 3;
/** From this many resolutions on, their query keeps only the words few of them hold... */
const PRUNE_FROM = 500;
/** ...at most this share of them (or 50 passages, when that is more). */
const RARE_SHARE = 0.03;

/** A passage ranked for a question, with the question's word groups it holds. */
export interface Ranked extends PassageHit {
  matched: number[];
}

export function rank(db: DB, index: HelpIndex, instanceId: string, query: HelpQuery, limit: number): Ranked[] {
  const pool = Math.max(20, limit * 4);
  const expanded = searchPassages(db, index, instanceId, query.match, pool);
  if (expanded.length === 0) return [];
  const typed = query.typed === query.match ? null : scorePassages(db, index, instanceId, query.typed, pool);
  return expanded
    .map((h) => {
      const matched = matchedGroups(query.groups, h);
      const coverage = Math.sqrt(matched.length / Math.max(1, query.groups.length));
      const bm25 = typed ? (typed.get(h.id) ?? 0) + ALTERNATIVE_WEIGHT * h.score : h.score;
      return { ...h, matched, score: Math.round(bm25 * coverage * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

const MARKED = new RegExp(`${MARK_OPEN}([^${MARK_CLOSE}]*)${MARK_CLOSE}`, 'g');

function markedWords(h: PassageHit): string[] {
  const out: string[] = [];
  for (const text of [h.markedTitle, h.markedBody])
    for (const m of text.matchAll(MARKED)) out.push(...(m[1] ?? '').toLowerCase().split(/\s+/));
  return out;
}

const sharedPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * Which of the question's word groups a passage holds. FTS5 marks the words it matched (after
 * stemming); each is given to the group whose word it shares the longest beginning with.
 */
function matchedGroups(groups: HelpQuery['groups'], h: PassageHit): number[] {
  const found = new Set<number>();
  for (const word of markedWords(h)) {
    let best = -1;
    let bestLength = 2;
    groups.forEach((g, i) => {
      for (const term of termsOf(g)) {
        const n = sharedPrefix(word, term);
        if (n > bestLength) {
          best = i;
          bestLength = n;
        }
      }
    });
    if (best >= 0) found.add(best);
  }
  return [...found];
}

/**
 * Relevant: one of the best passages holds two of the question's meaningful words (or the only
 * one there is). Words every page uses count only when the question has nothing else.
 */
export function isRelevant(groups: HelpQuery['groups'], hits: readonly Ranked[]): boolean {
  if (hits.length === 0) return false;
  const counted = groups.some((g) => !g.generic)
    ? groups.flatMap((g, i) => (g.generic ? [] : [i]))
    : groups.map((_, i) => i);
  const needed = Math.min(2, counted.length);
  return hits.slice(0, RELEVANCE_DEPTH).some((h) => h.matched.filter((i) => counted.includes(i)).length >= needed);
}

/** A short excerpt around the first matched word, the matched words marked. */
export function snippetOf(h: PassageHit, words = 40): string {
  const tokens = h.markedBody.split(/\s+/);
  const first = Math.max(
    0,
    tokens.findIndex((t) => t.includes(MARK_OPEN)),
  );
  const start = Math.max(0, Math.min(first - 8, tokens.length - words));
  const cut = tokens.slice(start, start + words).join(' ');
  return `${start > 0 ? '… ' : ''}${cut}${start + words < tokens.length ? ' …' : ''}`;
}

/** Words and their stems (the tokenizer's answer never changes). */
const stems = new Map<string, string[]>();

function learnStems(db: DB, words: readonly string[]): void {
  const unknown = [...new Set(words)].filter((w) => !stems.has(w));
  if (unknown.length === 0) return;
  if (stems.size > 50_000) stems.clear();
  stemsOf(db, unknown).forEach((s, i) => stems.set(unknown[i]!, s));
}

/**
 * The query with one word per stem in each group ("change", "changes", "changing" are one term to
 * the index): the same matches and the same ranking, in fewer phrases to look up. The word as
 * typed is kept.
 */
export function distinctStems(db: DB, query: HelpQuery): HelpQuery {
  learnStems(
    db,
    query.groups.flatMap((g) => g.words),
  );
  const groups = query.groups.map((g) => {
    const seen = new Set<string>();
    const words = [g.typed, ...g.words.filter((w) => w !== g.typed)].filter((w) => {
      const key = (stems.get(w) ?? [w]).join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { ...g, words };
  });
  return withMatches(groups);
}

/**
 * The resolutions' query: over many resolutions, only the words few of them hold (the rare ones
 * are what tie a question to a past case: a name, a program, an unusual cause). Null when no word
 * of the question is rare: nothing specific to look for among them.
 */
export function resolutionsQuery(db: DB, query: HelpQuery): HelpQuery | null {
  const total = resolutionTotal(db);
  if (total === 0) return null;
  if (total < PRUNE_FROM) return query;
  const words = [...new Set(query.groups.flatMap((g) => g.words))];
  learnStems(db, words);
  const df = resolutionFrequencies(
    db,
    words.flatMap((w) => stems.get(w) ?? []),
  );
  const most = Math.max(50, total * RARE_SHARE);
  // A phrase is in at most as many passages as its rarest word.
  const rare = (w: string) => {
    const of = stems.get(w) ?? [];
    return of.length > 0 && Math.min(...of.map((s) => df.get(s) ?? 0)) <= most;
  };
  const groups = query.groups.map((g) => ({ ...g, words: g.words.filter(rare) })).filter((g) => g.words.length > 0);
  return groups.length > 0 ? withMatches(groups) : null;
}
