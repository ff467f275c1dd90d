/**
 * Logins: never, not since / for a while, the last login's date, how many (sessions, distinct
 * addresses, user agents, days), from an address, or simply some login (in a window, at hours,
 * on weekdays: time no rule claimed goes to the logins in parse.ts).
 */
import { ensureActivity, num, windowAt, type ParseState } from '../parse';
import { CMP, N, TW, compareOf, rule, type Rule } from './rule';
import type { AskWindow } from '../../../../src-preload/contract/ask';
import { stampOf } from '../time-phrases';

const DAY = 86_400_000;
/** "Dormant" without a number of days: 90, as SailPoint and CIS use. */
export const DORMANT_DAYS = 90;

/** Not logged in over a window: an open window is the last login's date; a closed one, no session in it. */
function notLoggedIn(st: ParseState, w: AskWindow): void {
  if (w.from && w.to) {
    const a = ensureActivity(st, 'sessions');
    a.window = w;
    a.negate = true;
  } else st.people.push({ kind: 'lastLogin', state: 'notWindow', window: { from: w.from ?? w.to, to: null } });
}

const MEASURES: Record<string, 'distinctIp' | 'distinctAgent' | 'distinctDays' | 'count'> = {
  ip: 'distinctIp',
  agent: 'distinctAgent',
  day: 'distinctDays',
};

export const LOGIN_RULES: Rule[] = [
  rule('never login', (_m, st) => void st.people.push({ kind: 'lastLogin', state: 'never', window: null })),
  rule(`not login ${TW}|(?:dormant|inactive) ${TW}`, (m, st) => {
    const w = windowAt(st, m[1] ?? m[2]);
    if (!w) return false;
    notLoggedIn(st, w);
  }),
  rule('dormant', (_m, st) => {
    const from = stampOf(st.now - DORMANT_DAYS * DAY);
    st.people.push({ kind: 'lastLogin', state: 'notWindow', window: { from, to: null } });
    st.notes.push(`"dormant" read as no login in the last ${DORMANT_DAYS} days`);
  }),
  rule(`lastlogin ${TW}`, (m, st) => {
    const w = windowAt(st, m[1]);
    if (!w) return false;
    st.people.push({ kind: 'lastLogin', state: 'window', window: w });
  }),
  rule('not login', (_m, st) => {
    // With hours or weekdays: no login at those times; otherwise never logged in.
    if (/ t[hd]\d+ /.test(st.s)) ensureActivity(st, 'sessions').negate = true;
    else st.people.push({ kind: 'lastLogin', state: 'never', window: null });
  }),
  rule(`${CMP} ${N} (?:distinct )?(ip|agent|day|login|time)`, (m, st) => {
    const n = num(m[2]);
    if (n === null) return false;
    const a = ensureActivity(st, 'sessions');
    a.source = 'sessions';
    a.measure = MEASURES[m[3] ?? ''] ?? 'count';
    a.op = compareOf(m[1]);
    a.n = n;
  }),
  rule('(?:from )?(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})', (m, st) => {
    ensureActivity(st, 'sessions').ip = m[1] ?? null;
  }),
  rule('login', (_m, st) => void ensureActivity(st, 'sessions')),
];
