/**
 * What the answer is: people (the default), a count, counts per group, the groups with the most
 * or the fewest, or the N people with the most logins, roles or changes.
 */
import type { AskGroup, AskOutput } from '../../../../src-preload/contract/ask';
import { ensureActivity, num, type ParseState } from '../parse';
import { GROUP, N, groupOf, rule, type Rule } from './rule';

type GroupMeasure = Extract<AskOutput, { kind: 'group' }>['measure'];
type TopMeasure = Extract<AskOutput, { kind: 'top' }>['measure'];

/**
 * What a group counts: what "how many" named ("how many logins per ..."), else people when the
 * question speaks of people ("users who logged in, per ..."), else the logins or changes named.
 */
function groupMeasure(st: ParseState, said: string | undefined): GroupMeasure {
  if (st.countOf) return st.countOf;
  if (st.aboutPeople) return 'people';
  if (said === 'login') return 'sessions';
  if (said === 'change') return 'changes';
  return 'people';
}

function setGroup(st: ParseState, by: AskGroup, limit: number | null, order: 'most' | 'fewest', said?: string) {
  const measure = by === 'action' ? 'changes' : groupMeasure(st, said);
  if (measure === 'sessions') ensureActivity(st, 'sessions');
  if (measure === 'changes') ensureActivity(st, st.activity?.source ?? 'changes');
  st.output = { kind: 'group', by, limit, order, measure };
  st.counting = false;
}

function setTop(st: ParseState, n: number | null, measure: TopMeasure) {
  const current = st.output.kind === 'top' ? st.output.n : null;
  st.output = { kind: 'top', n: n ?? current ?? (st.plural ? 10 : 1), measure };
  st.counting = false;
  if (measure === 'sessions' || measure === 'distinctIp') ensureActivity(st, 'sessions');
}

const TOP_MEASURES: Record<string, TopMeasure> = {
  login: 'sessions',
  time: 'sessions',
  role: 'roles',
  change: 'changes',
  ip: 'distinctIp',
};

/** "most roles" is the people who hold the most; "who changed the most" the people who made the most changes. */
function topMeasure(st: ParseState, word: string | undefined, actor: boolean): TopMeasure {
  const m = TOP_MEASURES[word ?? ''] ?? 'sessions';
  return m === 'changes' && (actor || st.activity?.source === 'changesMade') ? 'changesMade' : m;
}

const MEASURE = '(login|change|people|time)';

export const OUTPUT_RULES: Rule[] = [
  rule('count(?: (login|role change|change|passwordreset|events)(?! people| who))?', (m, st) => {
    st.counting = true;
    if (m[1]) st.countOf = m[1] === 'login' ? 'sessions' : 'changes';
    // The change's own words stay for the change rules; "events" only marked what is counted.
    return m[1] === 'events' ? '' : (m[1] ?? '');
  }),
  // "Which roles are held by internal users": the roles, counted among those people.
  { re: /^ role by(?= )/g, apply: (_m, st) => setGroup(st, 'role', null, 'most') },
  rule('(?:internal or external|external or internal|internal and external|external and internal)', (_m, st) =>
    setGroup(st, 'external', null, 'most'),
  ),
  rule(`top ${N} ${GROUP}(?: (?:by|per|most))?(?: count)?(?: ${MEASURE})?`, (m, st) => {
    const by = groupOf(m[2]);
    const n = num(m[1]);
    if (!by || n === null) return false;
    setGroup(st, by, n, 'most', m[3]);
  }),
  rule(`${N} ${GROUP} (most|fewest)(?: count)?(?: ${MEASURE})?`, (m, st) => {
    const by = groupOf(m[2]);
    const n = num(m[1]);
    if (!by || n === null) return false;
    setGroup(st, by, n, m[3] === 'fewest' ? 'fewest' : 'most', m[4]);
  }),
  rule(`${GROUP} (most|fewest)(?: count)?(?: ${MEASURE})?`, (m, st) => {
    const by = groupOf(m[1]);
    if (!by) return false;
    setGroup(st, by, 1, m[2] === 'fewest' ? 'fewest' : 'most', m[3]);
  }),
  rule('(most|fewest) (department|organization|title|program|status)', (m, st) => {
    const by = groupOf(m[2]);
    if (!by) return false;
    setGroup(st, by, 1, m[1] === 'fewest' ? 'fewest' : 'most');
  }),
  rule(`(?:count )?(?:(role )?(login|change|people) )?per ${GROUP}(?: top ${N})?`, (m, st) => {
    const by = groupOf(m[3]);
    if (!by) return false;
    const limit = num(m[4]) ?? (st.output.kind === 'group' ? st.output.limit : null);
    if (m[1]) ensureActivity(st, 'changes').actions ??= ['role_added', 'role_removed'];
    setGroup(st, by, limit, 'most', m[2]);
    // "logins" / "changes" stay for the rules that read them ("who never logged in, per ...").
    return m[2] === 'login' || m[2] === 'change' ? m[2] : '';
  }),
  rule(
    `(?:top ${N}|${N} mostactive|top|mostactive)(?: people)?(?: (?:by|most|who))*(?: distinct)?(?: (login|role|change|ip|time))?`,
    (m, st) => setTop(st, num(m[1] ?? m[2]) ?? (/^top/.test(m[0] ?? '') ? 10 : null), topMeasure(st, m[3], false)),
  ),
  rule(`(who )?(?:${N} )?(?:people )?most (?:distinct )?(login|role|change|ip|time)`, (m, st) => {
    setTop(st, num(m[2]), topMeasure(st, m[3], !!m[1]));
    return m[1] ?? '';
  }),
  rule(`(?:${N} )?(?:people )?(login|change) most`, (m, st) => {
    setTop(st, num(m[1]), topMeasure(st, m[2], true));
  }),
];
