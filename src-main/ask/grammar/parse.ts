/**
 * The grammar: a question -> an AskQuery, or a refusal saying what was not understood.
 *
 * 1. normalize.ts: words, contractions spelled out, the original spelling kept.
 * 2. entities.ts: the mirror's names become `e<k>` (so nothing else reads inside them).
 * 3. time-phrases.ts: windows, hours and weekdays become `tw<k>`, `th<k>`, `td<k>`.
 * 4. vocabulary.ts: synonyms become one canonical word; filler words go.
 * 5. rules/: each a pattern over canonical words that fills the query and consumes what it read.
 * 6. Time and names no rule placed go to the activity and to their most likely kind of filter.
 * A word left over means the question was not understood: the grammar says so rather than guess.
 */
import type { AskActivity, AskPersonFilter, AskQuery, AskWindow } from '../../../src-preload/contract/ask';
import { defaultActivity } from '../activity';
import type { Entity } from './entities';
import { markEntities } from './entities';
import type { Category, Lexicon } from './lexicon';
import { tokensOf, tokenize } from './normalize';
import { RULES } from './rules';
import { extractTime, numberOf, type TimeFinds } from './time-phrases';
import { canonicalize, isFiller } from './vocabulary';

export type { Entity };

export interface ParseState {
  /** The canonical words not read yet, padded with spaces. */
  s: string;
  time: TimeFinds;
  entities: Entity[];
  lexicon: Lexicon;
  people: AskPersonFilter[];
  actor: AskPersonFilter[];
  activity: AskActivity | null;
  output: AskQuery['output'];
  usedWindows: Set<number>;
  /** Said "how many" / "count": counts unless a group or top says otherwise. */
  counting: boolean;
  /** "how many logins" / "number of changes": the events are counted, not the people. */
  countOf: 'sessions' | 'changes' | null;
  /** The question speaks of people ("who", "users"), not only of logins or changes. */
  aboutPeople: boolean;
  /** The subject was plural ("users", "people"): a "most" without a number means the top 10, not 1. */
  plural: boolean;
  /** Defaults the grammar applied, said with the interpretation ("dormant" read as 90 days). */
  notes: string[];
  /** The moment relative words count from. */
  now: number;
}

export type ParseResult =
  | { ok: true; query: AskQuery; notes: string[] }
  | { ok: false; unknown: string[]; message: string; understood: Entity[] };

/** Canonical words the rules read as structure; not a condition, never "not understood". */
const STRUCTURE = new Set(['who', 'people', 'and', 'or', 'both', 'either', 'as', 'by', 'to', 'was', 'from']);

const PLURAL_SUBJECT = /\b(users|people|persons|accounts|staff|employees|contacts|members|individuals|folks|ones)\b/;

const CHANGE_VERBS = new Set(['granted', 'removed', 'deactivated', 'activated', 'passwordreset']);

/** The canonical words without filler ("was" only where it makes a change passive: "was granted"). */
function condense(canonical: string): string {
  const all = canonical.split(' ').filter(Boolean);
  const words = all.filter(
    (w, i) => (STRUCTURE.has(w) || !isFiller(w)) && (w !== 'was' || CHANGE_VERBS.has(all[i + 1] ?? '')),
  );
  return ` ${words.join(' ')} `;
}

/**
 * Whether the answer is people: the question says "who" or "people", or names a person, unless
 * what it lists first is logins or changes ("sessions of Leo Mills", "Leo Mills's role changes").
 */
function aboutPeople(condensed: string, entities: Entity[]): boolean {
  const words = condensed.trim().split(' ');
  const first = words[0] === 'count' || words[0] === 'top' ? words[1] : words[0];
  const person = /^e\d+$/.test(first ?? '') && !!entities[Number(first!.slice(1))]?.entry.names.person;
  const next = person ? words[words.indexOf(first!) + 1] : first;
  if (next === 'login' || next === 'change' || (next === 'role' && words.includes('change'))) return false;
  return / (?:who|people) /.test(condensed) || entities.some((e) => !!e.entry.names.person);
}

export function parseQuestion(question: string, lexicon: Lexicon, now: number): ParseResult {
  const { words, entities } = markEntities(tokensOf(question), lexicon);
  const time = extractTime(words.join(' '), now);
  const canonical = canonicalize(tokenize(time.text));
  const st: ParseState = {
    s: condense(canonical),
    time,
    entities,
    lexicon,
    people: [],
    actor: [],
    activity: null,
    output: { kind: 'list' },
    usedWindows: new Set(),
    counting: false,
    countOf: null,
    aboutPeople: aboutPeople(condense(canonical), entities),
    plural: PLURAL_SUBJECT.test(question.toLowerCase()),
    notes: [],
    now,
  };
  for (const rule of RULES) {
    st.s = st.s
      .replace(rule.re, (...args: unknown[]) => {
        const m = args.slice(0, -2) as unknown as RegExpMatchArray;
        const r = rule.apply(m, st);
        return r === false ? (m[0] ?? '') : typeof r === 'string' ? ` ${r} ` : ' ';
      })
      .replace(/ {2,}/g, ' ');
  }
  finishTime(st);
  finishEntities(st);
  const unknown = st.s.split(' ').filter((w) => w && !STRUCTURE.has(w) && !isFiller(w));
  if (unknown.length > 0)
    return {
      ok: false,
      unknown,
      understood: entities,
      message: `Not understood: ${unknown.map((w) => `"${w}"`).join(', ')}.`,
    };
  finishOutput(st);
  const query: AskQuery = { people: st.people, activity: st.activity, actor: st.actor, output: st.output };
  if (
    query.people.length === 0 &&
    !query.activity &&
    query.output.kind === 'list' &&
    !/\b(everyone|everybody|all|every)\b/i.test(question)
  )
    return {
      ok: false,
      unknown: [],
      understood: entities,
      message: 'The question names no condition to filter people by.',
    };
  for (const e of entities.filter((x) => x.fuzzy && x.used)) {
    const name = Object.values(e.entry.names)[0];
    if (name) st.notes.push(`"${e.text}" read as ${name}`);
  }
  return { ok: true, query, notes: st.notes };
}

/** The activity, made when first needed (sessions unless a rule said changes). */
export function ensureActivity(st: ParseState, source: AskActivity['source']): AskActivity {
  if (!st.activity) st.activity = defaultActivity(source);
  return st.activity;
}

/** The window a `tw<k>` stands for (marked as used), or null. `future` takes the future reading when there is one. */
export function windowAt(st: ParseState, token: string | undefined, future = false): AskWindow | null {
  const m = /^tw(\d+)$/.exec(token ?? '');
  if (!m) return null;
  const i = Number(m[1]);
  st.usedWindows.add(i);
  return (future ? st.time.future[i] : null) ?? st.time.windows[i] ?? null;
}

/** Windows, hours and weekdays no rule claimed go to the activity (sessions unless it says otherwise). */
function finishTime(st: ParseState): void {
  st.s = st.s.replace(/(?<= )(t[whd])(\d+)(?= )/g, (_all, kind: string, n: string) => {
    const i = Number(n);
    const source = st.output.kind === 'changes' || st.countOf === 'changes' ? 'changes' : 'sessions';
    if (kind === 'tw') {
      if (!st.usedWindows.has(i)) ensureActivity(st, source).window = st.time.windows[i] ?? null;
    } else if (kind === 'th') {
      ensureActivity(st, source).hours = st.time.hours[i] ?? null;
    } else {
      const a = ensureActivity(st, source);
      a.weekdays = [...new Set([...(a.weekdays ?? []), ...(st.time.weekdays[i] ?? [])])].sort();
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

/** A name no rule placed: its most likely kind decides the filter. */
function finishEntities(st: ParseState): void {
  st.s = st.s.replace(/(?<= )e(\d+)(?= )/g, (all, n: string) => {
    const e = st.entities[Number(n)];
    const category = e && DEFAULT_ORDER.find((c) => e.entry.names[c]);
    if (!e || !category) return all;
    applyEntity(st, e, category, false);
    return ' ';
  });
}

/** What is shown when nothing else was asked for: counts, and change or session rows asked for as such. */
function finishOutput(st: ParseState): void {
  if (st.counting && st.output.kind === 'list')
    st.output = st.countOf ? { kind: 'eventCount', of: st.countOf } : { kind: 'count' };
  if (st.output.kind !== 'list' || st.aboutPeople || !st.activity) return;
  st.output = st.activity.source === 'sessions' ? { kind: 'sessions' } : { kind: 'changes' };
  if (st.activity.source === 'changesMade') st.activity.source = 'changes';
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

/** The entity a placeholder stands for. */
export function entityOf(st: ParseState, token: string | undefined): Entity | null {
  const m = /^e(\d+)$/.exec(token ?? '');
  return m ? (st.entities[Number(m[1])] ?? null) : null;
}

/** The first category (in the default order) an entity has a name in. */
export function categoryOf(e: Entity): Category | null {
  return DEFAULT_ORDER.find((c) => e.entry.names[c]) ?? null;
}

export function num(word: string | undefined): number | null {
  return word === undefined ? null : numberOf(word);
}
