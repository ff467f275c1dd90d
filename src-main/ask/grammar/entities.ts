/**
 * The mirror's own names in a question (roles, departments, organizations, programs, titles,
 * program assignment roles, people), longest first, exactly or with a typo; each becomes a
 * placeholder `e<k>` before anything else reads the question, so no other step can take a
 * word of "Youth Development Grant 2025" or "Internal Staff" for something else.
 */
import { fuzzyFind, singular, type LexEntry, type Lexicon } from './lexicon';
import type { Token } from './normalize';
import { isFiller, isKeyword } from './vocabulary';

export interface Entity {
  entry: LexEntry;
  /** The words as the question wrote them. */
  text: string;
  /** Whether the match was fuzzy (a typo). */
  fuzzy: boolean;
  /** Decided by a rule's context, or by the default order when no rule named one. */
  used: boolean;
}

/** Words that name a kind of thing rather than a thing: a name made only of these needs "role" beside it. */
const GENERIC = new Set(
  'internal external staff user people active inactive pending portal access admin administrator role member all grantee'.split(
    ' ',
  ),
);

const CATEGORY_WORDS: Record<string, string[]> = {
  role: ['role', 'permission'],
  department: ['department', 'dept', 'team', 'unit', 'division'],
  organization: ['organization', 'organisation', 'org', 'company'],
  program: ['program', 'programme'],
  title: ['title', 'position'],
};

/** A name made only of words the grammar reads ("Programs") counts only when written as a name. */
interface Context {
  before: string | undefined;
  after: string | undefined;
  /** Index of the span's first word in the question. */
  at: number;
  /** The question says "role" somewhere. */
  aboutRoles: boolean;
}

function readAsName(entry: LexEntry, span: Token[], { before, after, at, aboutRoles }: Context): boolean {
  const words = span.map((t) => singular(t.word));
  if (!words.every((w) => isKeyword(w) || isFiller(w) || GENERIC.has(w))) return true;
  const capitalized = span.every((t) => /^\p{Lu}/u.test(t.raw));
  const nearWords = Object.entries(CATEGORY_WORDS)
    .filter(([category]) => entry.names[category as keyof LexEntry['names']])
    .flatMap(([, w]) => w);
  const near = [before, after].some((w) => w !== undefined && nearWords.includes(singular(w)));
  const generic = words.every((w) => GENERIC.has(w) || isFiller(w));
  if (near) return true;
  if (!capitalized || span.every((t) => t.raw === t.raw.toUpperCase())) return false;
  // "internal staff" is the people; "Internal Staff" a name when written as one inside a question about roles,
  // and "Programs" the department when capitalized.
  return !generic || (at > 0 && aboutRoles);
}

function matchAt(tokens: Token[], norm: string[], i: number, n: number, lexicon: Lexicon) {
  const span = norm.slice(i, i + n);
  const phrase = span.join(' ');
  const exact = lexicon.byNorm.get(phrase);
  if (exact) return { entry: exact, fuzzy: false };
  const edges = [span[0] ?? '', span[n - 1] ?? ''];
  if (edges.some((w) => isFiller(w) || /^\d+$/.test(w))) return null;
  const keywords = span.filter((w) => isKeyword(w));
  const free = span.filter((w) => !isKeyword(w) && !isFiller(w) && !/^\d+$/.test(w));
  if (free.length === 0 || free.some((w) => /^t[whd]\d+$|^\d/.test(w))) return null;
  const entry = fuzzyFind(lexicon, phrase, n, keywords);
  return entry ? { entry, fuzzy: true } : null;
}

/** The words with each name found replaced by `e<k>`, and the names. */
export function markEntities(tokens: Token[], lexicon: Lexicon): { words: string[]; entities: Entity[] } {
  const out: string[] = [];
  const entities: Entity[] = [];
  const norm = tokens.map((t) => singular(t.word.replace(/'s$/, '')));
  const aboutRoles = norm.some((w) => w === 'role' || w === 'permission');
  for (let i = 0; i < norm.length;) {
    let found: { entry: LexEntry; fuzzy: boolean; n: number } | null = null;
    for (let n = Math.min(lexicon.maxWords, norm.length - i); n >= 1 && !found; n--) {
      const m = matchAt(tokens, norm, i, n, lexicon);
      const context = { before: tokens[i - 1]?.word, after: tokens[i + n]?.word, at: i, aboutRoles };
      if (m && readAsName(m.entry, tokens.slice(i, i + n), context)) found = { ...m, n };
    }
    if (!found) {
      out.push(tokens[i]?.word ?? '');
      i += 1;
      continue;
    }
    const text = tokens
      .slice(i, i + found.n)
      .map((t) => t.raw)
      .join(' ');
    entities.push({ entry: found.entry, text, fuzzy: found.fuzzy, used: false });
    out.push(`e${entities.length - 1}`);
    i += found.n;
  }
  return { words: out, entities };
}
