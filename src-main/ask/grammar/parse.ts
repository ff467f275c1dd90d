/**
 * The grammar: a question -> an AskQuery, or a refusal with what was not understood. Time phrases
 * and the mirror's names are found first and replaced by placeholders (`tw0`, `e3`); then rules,
 * each a pattern over those placeholders and the words around them, fill the query and consume
 * what they read. A word left over that is not a filler word means the question was not
 * understood: the grammar says so rather than guessing.
 */
import type { AskActivity, AskPersonFilter, AskQuery, AskWindow } from '../../../src-preload/contract/ask';
import { extractTime, numberOf, type TimeFinds } from './time-phrases';
import { fold, fuzzyFind, singular, type Category, type LexEntry, type Lexicon } from './lexicon';
import { RULES } from './rules';

export interface Entity {
  entry: LexEntry;
  /** The words as the question wrote them. */
  text: string;
  /** Whether the match was fuzzy (a typo). */
  fuzzy: boolean;
  /** Decided by a rule's context, or by the default order when no rule named one. */
  used: boolean;
}

export interface ParseState {
  s: string;
  time: TimeFinds;
  entities: Entity[];
  lexicon: Lexicon;
  people: AskPersonFilter[];
  actor: AskPersonFilter[];
  activity: AskActivity | null;
  output: AskQuery['output'];
  usedWindows: Set<number>;
  usedHours: Set<number>;
  usedWeekdays: Set<number>;
  /** Said "how many" / "count": counts unless a group or top says otherwise. */
  counting: boolean;
}

export type ParseResult = { ok: true; query: AskQuery } | { ok: false; unknown: string[]; message: string };

/** Words that carry no condition of their own. */
const FILLER = new Set(
  (
    'a an the of to in on at for with who whom whose which what that this these those is are was were be been being ' +
    'do does did have has had me us my our all any every list show find give get display tell return name names ' +
    'please can could would you i we there their them they it its and currently current now still ever also ' +
    "by from as than then so such only just how many much some one where when whats what's de la " +
    'people user person account staff employee member contact individual folk someone anyone everyone everybody ' +
    'their profile record records utc gmt time times right hold holding held currently total number count ' +
    'set status state system instance mirror here within during about exist exists existing registered'
  ).split(' '),
);

export function isFiller(word: string): boolean {
  return FILLER.has(word) || FILLER.has(singular(word));
}

function tokenize(text: string): string[] {
  return text
    .replace(/(\d)\.(\d)/g, '$1·$2')
    .replace(/[^a-z0-9·:'_\- ]+/g, ' ')
    .replace(/·/g, '.')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
}

const GENERIC = new Set(
  'internal external staff user people active inactive pending portal access admin administrator role member all'.split(
    ' ',
  ),
);

/** Longest names first, exact then with a typo; each found name becomes `e<k>`. */
function markEntities(words: string[], lexicon: Lexicon): { words: string[]; entities: Entity[] } {
  const out: string[] = [];
  const entities: Entity[] = [];
  const norm = words.map((w) => (/^t[whd]\d+$/.test(w) ? w : singular(w.replace(/'s$/, ''))));
  for (let i = 0; i < norm.length;) {
    let matched = false;
    for (let n = Math.min(lexicon.maxWords, norm.length - i); n >= 1 && !matched; n--) {
      const span = norm.slice(i, i + n);
      if (span.some((w) => /^t[whd]\d+$/.test(w))) continue;
      const phrase = span.join(' ');
      let entry = lexicon.byNorm.get(phrase) ?? null;
      let fuzzy = false;
      if (!entry && !span.some((w) => isFiller(w) || KEYWORDS.has(w))) {
        entry = fuzzyFind(lexicon, phrase, n);
        fuzzy = entry !== null;
      }
      if (!entry) continue;
      const generic = span.every((w) => GENERIC.has(w) || isFiller(w));
      const roleNear = norm[i + n] === 'role' || norm[i - 1] === 'role';
      if (generic && !roleNear) continue;
      if (n === 1 && isFiller(phrase)) continue;
      entities.push({ entry, text: words.slice(i, i + n).join(' '), fuzzy, used: false });
      out.push(`e${entities.length - 1}`);
      i += n;
      matched = true;
    }
    if (!matched) {
      out.push(norm[i] ?? '');
      i += 1;
    }
  }
  return { words: out, entities };
}

/** Words the rules read; never taken for a name with a typo. */
const KEYWORDS = new Set(
  (
    'login logged signed sign session never role roles department program organization org company title titled ' +
    'external internal active inactive pending expired expiry expire expiring access type admin administrator ' +
    'global local api portal more less fewer least most top than over under exactly different distinct unique ' +
    'address agent browser device change changed granted removed revoked added deactivated activated reset password ' +
    'both either without per each group month week day hour weekday created joined new privileged assigned'
  ).split(' '),
);

export function parseQuestion(question: string, lexicon: Lexicon, now: number): ParseResult {
  const folded = fold(question)
    .replace(/[?!]+/g, ' ')
    .replace(/\.(\s|$)/g, ' ')
    .replace(/[“”"]/g, ' ');
  const time = extractTime(folded, now);
  const { words, entities } = markEntities(tokenize(time.text), lexicon);
  const st: ParseState = {
    s: ` ${words.join(' ')} `,
    time,
    entities,
    lexicon,
    people: [],
    actor: [],
    activity: null,
    output: { kind: 'list' },
    usedWindows: new Set(),
    usedHours: new Set(),
    usedWeekdays: new Set(),
    counting: false,
  };
  for (const rule of RULES) {
    st.s = st.s.replace(rule.re, (...args: unknown[]) => {
      const m = args.slice(0, -2) as string[];
      return rule.apply(m as unknown as RegExpMatchArray, st) === false ? (m[0] ?? '') : ' ';
    });
  }
  finishTime(st);
  finishEntities(st);
  const unknown = st.s
    .split(/\s+/)
    .filter(Boolean)
    .filter((w) => !isFiller(w));
  if (unknown.length > 0)
    return { ok: false, unknown, message: `Not understood: ${unknown.map((w) => `"${w}"`).join(', ')}.` };
  if (st.counting && st.output.kind === 'list') st.output = { kind: 'count' };
  const query: AskQuery = { people: st.people, activity: st.activity, actor: st.actor, output: st.output };
  if (
    query.people.length === 0 &&
    !query.activity &&
    query.output.kind === 'list' &&
    !/\b(everyone|all|every)\b/.test(folded)
  )
    return { ok: false, unknown: [], message: 'The question names no condition to filter people by.' };
  return { ok: true, query };
}

export function defaultActivity(source: AskActivity['source']): AskActivity {
  return {
    source,
    window: null,
    hours: null,
    weekdays: null,
    actions: null,
    role: null,
    ip: null,
    measure: 'count',
    op: '>=',
    n: 1,
    negate: false,
  };
}

export function ensureActivity(st: ParseState, source: AskActivity['source']): AskActivity {
  if (!st.activity) st.activity = defaultActivity(source);
  return st.activity;
}

export function windowAt(st: ParseState, token: string | undefined): AskWindow | null {
  const m = /^tw(\d+)$/.exec(token ?? '');
  if (!m) return null;
  st.usedWindows.add(Number(m[1]));
  return st.time.windows[Number(m[1])] ?? null;
}

/** Windows, hours and weekdays no rule claimed go to the activity (sessions unless it says otherwise). */
function finishTime(st: ParseState): void {
  st.s = st.s.replace(/\b(t[whd])(\d+)\b/g, (_all, kind: string, n: string) => {
    const i = Number(n);
    if (kind === 'tw') {
      if (st.usedWindows.has(i)) return ' ';
      const a = ensureActivity(st, st.output.kind === 'changes' ? 'changes' : 'sessions');
      a.window = st.time.windows[i] ?? null;
    } else if (kind === 'th') {
      ensureActivity(st, 'sessions').hours = st.time.hours[i] ?? null;
    } else {
      const a = ensureActivity(st, 'sessions');
      a.weekdays = [...new Set([...(a.weekdays ?? []), ...(st.time.weekdays[i] ?? [])])];
    }
    return ' ';
  });
}

const DEFAULT_ORDER: Category[] = [
  'program',
  'role',
  'department',
  'organization',
  'assignmentRole',
  'title',
  'person',
];

/** An entity no rule placed: its most likely category decides the filter. */
function finishEntities(st: ParseState): void {
  st.s = st.s.replace(/\be(\d+)\b/g, (all, n: string) => {
    const e = st.entities[Number(n)];
    if (!e) return all;
    const category = DEFAULT_ORDER.find((c) => e.entry.names[c]);
    if (!category) return all;
    applyEntity(st, e, category, false);
    return ' ';
  });
}

/** Adds the filter an entity means in a category; false when the entity has no such name. */
export function applyEntity(st: ParseState, e: Entity, category: Category, negate: boolean): boolean {
  const name = e.entry.names[category];
  if (!name) return false;
  e.used = true;
  switch (category) {
    case 'role':
      if (st.lexicon.utaOnlyRoles.has(name)) st.people.push({ kind: 'program', program: null, role: name, negate });
      else st.people.push({ kind: 'role', roles: [name], mode: negate ? 'none' : 'any' });
      return true;
    case 'assignmentRole':
      st.people.push({ kind: 'program', program: null, role: name, negate });
      return true;
    case 'program':
      st.people.push({ kind: 'program', program: name, role: null, negate });
      return true;
    case 'person':
      st.people.push({ kind: 'name', text: name });
      return true;
    default:
      st.people.push({ kind: category, values: [name], negate });
      return true;
  }
}

export function entityOf(st: ParseState, token: string | undefined): Entity | null {
  const m = /^e(\d+)$/.exec(token ?? '');
  return m ? (st.entities[Number(m[1])] ?? null) : null;
}

export function num(word: string | undefined): number | null {
  return word === undefined ? null : numberOf(word);
}
