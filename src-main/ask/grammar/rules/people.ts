/**
 * Conditions on the person's own record: internal or external, access type, admin type,
 * status, access expiry, creation date.
 */
import type { AskPersonFilter } from '../../../../src-preload/contract/ask';
import { windowAt } from '../parse';
import { TW, rule, type Rule } from './rule';

const FIXED: Record<string, AskPersonFilter> = {
  internal: { kind: 'external', value: false },
  external: { kind: 'external', value: true },
  noaccess: { kind: 'accessType', values: ['none'] },
  apiaccess: { kind: 'accessType', values: ['api'] },
  portalaccess: { kind: 'accessType', values: ['user'] },
  hasaccess: { kind: 'accessType', values: ['user', 'api'] },
  globaladmin: { kind: 'userType', values: ['globalAdmin'] },
  localadmin: { kind: 'userType', values: ['localAdmin'] },
  admin: { kind: 'userType', values: ['localAdmin', 'globalAdmin'] },
  regularuser: { kind: 'userType', values: ['user'] },
  expired: { kind: 'expiry', state: 'expired', window: null },
  notexpired: { kind: 'expiry', state: 'notExpired', window: null },
  noexpiry: { kind: 'expiry', state: 'none', window: null },
};

export const PEOPLE_RULES: Rule[] = [
  rule(`(?:expiry|expired) ${TW}`, (m, st) => {
    // "expires in 30 days" is the future; "expired in October" the past.
    const w = windowAt(st, m[1], /^expiry/.test(m[0] ?? ''));
    if (!w) return false;
    st.people.push({ kind: 'expiry', state: 'window', window: w });
  }),
  rule(`created(?: people)? ${TW}|${TW} created`, (m, st) => {
    const w = windowAt(st, m[1] ?? m[2]);
    if (!w) return false;
    st.people.push({ kind: 'created', window: w });
  }),
  rule('expiry', (_m, st) => void st.people.push({ kind: 'expiry', state: 'set', window: null })),
  rule('not (active|inactive|pending)', (m, st) => {
    st.people.push({ kind: 'status', values: [statusName(st.lexicon.statuses, m[1])], negate: true });
  }),
  rule('(active|inactive|pending)', (m, st) => {
    st.people.push({ kind: 'status', values: [statusName(st.lexicon.statuses, m[1])], negate: false });
  }),
  rule(Object.keys(FIXED).join('|'), (m, st) => {
    const filter = FIXED[m[0] ?? ''];
    if (!filter) return false;
    st.people.push(structuredClone(filter));
  }),
];

/** The mirror's spelling of a status word (else the word capitalized). */
function statusName(statuses: string[], word: string | undefined): string {
  const w = word ?? '';
  return statuses.find((s) => s.toLowerCase() === w) ?? w.replace(/^./, (c) => c.toUpperCase());
}
