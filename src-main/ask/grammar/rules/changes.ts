/**
 * Access changes: made to people ("were granted", "lost", "whose roles were removed"), made by
 * people ("who granted", "who deactivated accounts"), and the changes themselves ("what did Leo
 * Mills change", "changes to Ana Rivera", "role changes last month").
 */
import type { AskActivity, AskPersonFilter } from '../../../../src-preload/contract/ask';
import { entityOf, ensureActivity, num, type ParseState } from '../parse';
import { CMP, E, N, compareOf, personName, rule, type Rule } from './rule';

const VERB = '(granted|removed|deactivated|activated|passwordreset)';
const ACTIONS: Record<string, NonNullable<AskActivity['actions']>> = {
  granted: ['role_added'],
  removed: ['role_removed'],
  deactivated: ['deactivated'],
  activated: ['activated'],
  passwordreset: ['password_reset'],
};
const ROLE_CHANGES: NonNullable<AskActivity['actions']> = ['role_added', 'role_removed'];

/** People-filter words that may stand between "who" and the verb ("which external admins granted ..."). */
const ACTOR_WORDS =
  '(?:admin|globaladmin|localadmin|regularuser|internal|external|active|inactive|pending|privileged|people|e\\d+)';

const ACTOR_FILTERS: Record<string, AskPersonFilter> = {
  admin: { kind: 'userType', values: ['localAdmin', 'globalAdmin'] },
  globaladmin: { kind: 'userType', values: ['globalAdmin'] },
  localadmin: { kind: 'userType', values: ['localAdmin'] },
  internal: { kind: 'external', value: false },
  external: { kind: 'external', value: true },
};

/** The role and the other person a change names (`e<k>` tokens after the verb); the rest is given back. */
function objects(st: ParseState, a: AskActivity, tokens: string[]): string {
  const back: string[] = [];
  for (const t of tokens) {
    const e = entityOf(st, t);
    if (e?.entry.names.role && !a.role) {
      a.role = e.entry.names.role;
      e.used = true;
    } else if (personName(e) && !a.person) {
      a.person = personName(e);
      e!.used = true;
    } else if (t === 'role') a.actions ??= ROLE_CHANGES;
    else if (t !== 'to' && t !== 'people') back.push(t);
  }
  return back.join(' ');
}

function changesBy(st: ParseState, filter: AskPersonFilter): void {
  st.actor.push(filter);
  ensureActivity(st, 'changes');
  if (st.output.kind === 'list' && !st.counting) st.output = { kind: 'changes' };
}

export const CHANGE_RULES: Rule[] = [
  {
    // who granted ... / which external admins removed roles ... / who changed Leo Mills's access
    re: new RegExp(
      `^ who((?: ${ACTOR_WORDS})*) (${VERB.slice(1, -1)}|change)((?: (?:e\\d+|role|to|people))*)(?= )`,
      'g',
    ),
    apply(m, st) {
      const a = ensureActivity(st, 'changesMade');
      a.source = 'changesMade';
      const verb = m[2] ?? '';
      if (ACTIONS[verb]) a.actions = ACTIONS[verb];
      const rest = objects(st, a, (m[3] ?? '').trim().split(' ').filter(Boolean));
      return `${m[1] ?? ''} ${rest}`;
    },
  },
  rule(`(role )?change by ${E}`, (m, st) => {
    const name = personName(entityOf(st, m[2]));
    if (!name) return false;
    entityOf(st, m[2])!.used = true;
    changesBy(st, { kind: 'name', text: name });
    if (m[1]) st.activity!.actions ??= ROLE_CHANGES;
  }),
  rule('change by (admin|globaladmin|localadmin|internal|external)', (m, st) => {
    const filter = ACTOR_FILTERS[m[1] ?? ''];
    if (!filter) return false;
    changesBy(st, filter);
  }),
  rule(`${E} (?:role )?change`, (m, st) => {
    const name = personName(entityOf(st, m[1]));
    if (!name) return false;
    entityOf(st, m[1])!.used = true;
    changesBy(st, { kind: 'name', text: name });
    if (/role/.test(m[0] ?? '')) st.activity!.actions = ROLE_CHANGES;
  }),
  rule(`(role )?change (?:to )?${E}`, (m, st) => {
    const name = personName(entityOf(st, m[2]));
    if (!name) return false;
    entityOf(st, m[2])!.used = true;
    st.people.push({ kind: 'name', text: name });
    const a = ensureActivity(st, 'changes');
    if (m[1]) a.actions = ROLE_CHANGES;
    if (st.output.kind === 'list' && !st.counting) st.output = { kind: 'changes' };
  }),
  rule(`(?:${E} )?(?:role )?(?:was )?${VERB}((?: (?:e\\d+|role|to))*)(?: by ${E})?`, (m, st) => {
    const a = ensureActivity(st, st.activity?.source ?? 'changes');
    a.actions = ACTIONS[m[2] ?? ''] ?? a.actions;
    const before = entityOf(st, m[1]);
    if (m[1] && !before?.entry.names.role) return false;
    if (before?.entry.names.role) {
      a.role = before.entry.names.role;
      before.used = true;
    }
    const by = personName(entityOf(st, m[4]));
    if (by && a.source === 'changes') {
      a.person = by;
      entityOf(st, m[4])!.used = true;
    } else if (m[4]) return false;
    return objects(st, a, (m[3] ?? '').trim().split(' ').filter(Boolean));
  }),
  rule(`${CMP} ${N} (role )?change`, (m, st) => {
    const n = num(m[2]);
    if (n === null) return false;
    const a = ensureActivity(st, st.activity?.source ?? 'changes');
    if (m[3]) a.actions ??= ROLE_CHANGES;
    a.op = compareOf(m[1]);
    a.n = n;
  }),
  rule('role change', (_m, st) => {
    ensureActivity(st, st.activity?.source ?? 'changes').actions ??= ROLE_CHANGES;
  }),
  rule('change', (_m, st) => {
    ensureActivity(st, st.activity?.source ?? 'changes');
  }),
];
