/**
 * A sentence -> a change: the action (action-phrases.ts) and the people it applies to, read by
 * Ask's own grammar (the same selection query, lexicon and compiler). A removal selects only the
 * people who hold what is removed ("remove Report Viewer from people at X" = the holders at X),
 * so the query shown says exactly whom the plan touches. Nothing is guessed: a sentence whose
 * action or selection cannot be read is refused with what was not understood.
 */
import type { AskPersonFilter, AskQuery } from '../../../src-preload/contract/ask';
import type { DescribedChange, LifecycleAction } from '../../../src-preload/contract/lifecycle';
import { markEntities } from '../../ask/grammar/entities';
import type { Lexicon } from '../../ask/grammar/lexicon';
import { tokensOf, type Token } from '../../ask/grammar/normalize';
import { parseQuestion } from '../../ask/grammar/parse';
import { extractTime } from '../../ask/grammar/time-phrases';
import { findAction } from './action-phrases';

export type ChangeParse =
  | { ok: true; change: DescribedChange; notes: string[] }
  | { ok: false; message: string; named: ReturnType<typeof markEntities>['entities'] };

const LEAD =
  /^(?:please |kindly |can you |could you |would you |will you |i want to |i would like to |i'd like to |i need to |we need to |we want to |we should |you should |let us |lets |let's |go ahead and |now |then |also |and )+/;
const TAIL = / (?:please|now|today|thanks|asap|too|also|immediately)$/;

/** The words (Ask's entity marks) beside their original spelling, and the names found. */
function marked(sentence: string, lexicon: Lexicon, aboutRoles = false) {
  let tokens: Token[] = tokensOf(sentence);
  // Politeness around the request carries no meaning.
  const lead = LEAD.exec(`${tokens.map((t) => t.word).join(' ')} `);
  if (lead) tokens = tokens.slice(lead[0].trim().split(' ').length);
  while (tokens.length && TAIL.test(` ${tokens.map((t) => t.word).join(' ')}`)) tokens = tokens.slice(0, -1);
  // A name made of generic words ("Grantee Portal User") is read as one when the sentence is about roles.
  const role: Token = { word: 'role', raw: 'role' };
  const marks = markEntities(aboutRoles ? [...tokens, role] : tokens, lexicon);
  const words = aboutRoles && marks.words.at(-1) === 'role' ? marks.words.slice(0, -1) : marks.words;
  const { entities } = marks;
  const raws: string[] = [];
  let t = 0;
  for (const w of words) {
    const e = /^e(\d+)$/.exec(w) ? entities[Number(w.slice(1))] : undefined;
    const n = e ? e.text.split(' ').length : 1;
    raws.push(
      tokens
        .slice(t, t + n)
        .map((x) => x.raw)
        .join(' '),
    );
    t += n;
  }
  return { words, raws, entities };
}

/** Ways people are named around a selection that Ask reads in other words. */
const SELECTION_REWRITES: [RegExp, string][] = [
  [
    /^(?:all |every )?(?:of )?(?:the |their |its )?(?:contacts|accounts|users|members|staff|people|employees|persons|individuals|folks|personnel)(?: (?:of|from|at|in|on|with|belonging to))? /i,
    'people ',
  ],
  [/^(?:everyone|everybody|all|anyone|anybody)(?: (?:of|from|at|in|on|with|belonging to))? /i, 'people '],
  [/^(?:the )?(?:whole|entire) /i, ''],
];

function selectionQuery(text: string, lexicon: Lexicon, now: number) {
  const tries = [text];
  let t = text;
  for (const [re, to] of SELECTION_REWRITES) {
    t = t.replace(re, to);
    tries.push(t);
  }
  tries.push(`people ${t.replace(/^people /, '')}`);
  let first: ReturnType<typeof parseQuestion> | null = null;
  for (const q of [...new Set(tries)]) {
    const parsed = parseQuestion(q, lexicon, now);
    if (parsed.ok && parsed.query.output.kind === 'list' && !parsed.query.actor.length) return parsed;
    first ??= parsed;
  }
  return first!;
}

const LACKS_IT =
  /\b(?:who|that|which)\s+(?:lacks?|(?:does|do)\s+not\s+(?:have|hold)|(?:is|are)\s+missing)\s+(?:it|them|that role|the role|this role)\b|\bwithout (?:it|that role|this role)\b/i;

const hasFilter = (people: AskPersonFilter[], f: AskPersonFilter) =>
  people.some((p) => JSON.stringify(p) === JSON.stringify(f));

/** The condition that makes the action change someone, added to the selection for removals. */
function withActionCondition(query: AskQuery, action: LifecycleAction): AskQuery {
  let extra: AskPersonFilter | null = null;
  if (action.kind === 'remove_role') extra = { kind: 'role', roles: [action.role], mode: 'any' };
  if (action.kind === 'remove_assignment')
    extra = { kind: 'program', program: action.program, role: action.role, negate: false };
  if (!extra || hasFilter(query.people, extra)) return query;
  return { ...query, people: [...query.people, extra] };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';

/** "December 31, 2026", "31 December 2026", "Dec 31" (the next one to come without a year). */
function calendarDay(text: string, now: number): string | null {
  const t = text.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const m =
    new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`).exec(t) ??
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}(?: (\\d{4}))?\\b`).exec(t);
  if (!m) return null;
  const [month, day] = /^\d/.test(m[1]!) ? [m[2]!, Number(m[1])] : [m[1]!, Number(m[2])];
  const mi = MONTHS.indexOf(month.slice(0, 3));
  const today = new Date(now);
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  let year = m[3] ? Number(m[3]) : today.getUTCFullYear();
  if (!m[3] && Date.UTC(year, mi, day) < todayUtc) year++;
  const date = new Date(Date.UTC(year, mi, day));
  if (date.getUTCMonth() !== mi || day < 1) return null;
  return date.toISOString().slice(0, 10);
}

function expiryDay(text: string, now: number): string | null {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) return iso[1]!;
  const calendar = calendarDay(text, now);
  if (calendar) return calendar;
  const time = extractTime(text, now);
  const w = time.future[0] ?? time.windows[0];
  const at = w?.from ?? w?.to;
  return at ? at.slice(0, 10) : null;
}

/** Reads a sentence; the refusal says what could not be read. */
export function parseChange(sentence: string, lexicon: Lexicon, now: number): ChangeParse {
  let { words, raws, entities } = marked(sentence, lexicon);
  let found = findAction(words, { entities, utaOnlyRoles: lexicon.utaOnlyRoles });
  if (!found) {
    ({ words, raws, entities } = marked(sentence, lexicon, true));
    found = findAction(words, { entities, utaOnlyRoles: lexicon.utaOnlyRoles });
  }
  if (!found)
    return {
      ok: false,
      named: entities,
      message:
        'No change could be read in this sentence: say what to do (give or remove a role, assign to or remove from a program, deactivate, reactivate, set the access expiry, move to a department) and to whom.',
    };
  let action = found.action;
  const spanText = (s: [number, number]) => raws.slice(s[0], s[1]).join(' ');
  if (found.date) {
    const day = expiryDay(spanText(found.date), now);
    if (!day)
      return { ok: false, named: entities, message: `"${spanText(found.date)}" is not a day Admin Desk can read.` };
    action = { kind: 'set_expiry', date: day };
  }
  if (found.text) action = { kind: 'set_title', title: spanText(found.text).slice(0, 200) };
  let selection = found.selection ? spanText(found.selection) : 'everyone';
  // "... who lack it": those without the role the sentence gives.
  const lacking = action.kind === 'add_role' && LACKS_IT.test(selection);
  if (lacking) selection = selection.replace(LACKS_IT, ' ').replace(/\s+/g, ' ').trim() || 'everyone';
  const parsed = selectionQuery(selection, lexicon, now);
  if (!parsed.ok)
    return { ok: false, named: entities, message: `The people to change could not be read: ${parsed.message}` };
  let query = withActionCondition({ ...parsed.query, output: { kind: 'list' } }, action);
  if (lacking && action.kind === 'add_role')
    query = { ...query, people: [...query.people, { kind: 'role', roles: [action.role], mode: 'none' }] };
  return { ok: true, change: { action, query }, notes: parsed.notes };
}
