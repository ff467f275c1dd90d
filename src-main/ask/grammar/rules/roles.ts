/**
 * Roles: held, not held, both, either, how many, none at all, privileged; and names joined by
 * "and" / "or" for the other kinds of names (two departments are either one or the other).
 */
import type { AskPersonFilter } from '../../../../src-preload/contract/ask';
import type { Category } from '../lexicon';
import { applyEntity, categoryOf, entityOf, num, type Entity, type ParseState } from '../parse';
import { CMP, E, N, compareOf, rule, type Rule } from './rule';

/** The kind two names share (role first), or null. */
function sharedCategory(a: Entity, b: Entity): Category | null {
  const order: Category[] = ['role', 'assignmentRole', 'program', 'department', 'organization', 'title'];
  return order.find((c) => a.entry.names[c] && b.entry.names[c]) ?? null;
}

/** Two names joined: roles held both (all) or either (any); other kinds, one or the other. */
function joined(st: ParseState, a: Entity, b: Entity, all: boolean): boolean {
  const category = sharedCategory(a, b);
  if (!category) return false;
  const names = [a.entry.names[category]!, b.entry.names[category]!];
  a.used = b.used = true;
  if (category === 'role' && !names.some((n) => st.lexicon.utaOnlyRoles.has(n))) {
    st.people.push({ kind: 'role', roles: names, mode: all ? 'all' : 'any' });
    return true;
  }
  if (category === 'role' || category === 'assignmentRole' || category === 'program') {
    // Program assignments: both means two conditions; either is taken as both names in turn.
    if (!all) return false;
    applyEntity(st, a, category, false);
    applyEntity(st, b, category, false);
    return true;
  }
  const filter: AskPersonFilter = {
    kind: category as 'department' | 'organization' | 'title',
    values: names,
    negate: false,
  };
  st.people.push(filter);
  return true;
}

const pair = (all: boolean) => (m: RegExpMatchArray, st: ParseState) => {
  const a = entityOf(st, m[1]);
  const b = entityOf(st, m[2]);
  return !!a && !!b && joined(st, a, b, all);
};

export const ROLE_RULES: Rule[] = [
  rule(`both (?:role )?${E}(?: role)? and (?:role )?${E}(?: role)?`, pair(true)),
  rule(`(?:either )?(?:role )?${E}(?: role)? or (?:role )?${E}(?: role)?`, pair(false)),
  rule(`(?:role )?${E}(?: role)? and (?:role )?${E}(?: role)?`, pair(true)),
  rule(`not (?:role )?${E}(?: role)?`, (m, st) => {
    const e = entityOf(st, m[1]);
    const category = e && categoryOf(e);
    if (!e || !category || category === 'person') return false;
    return applyEntity(st, e, category, true);
  }),
  rule(`(?:role ${E}|${E} role)`, (m, st) => {
    const e = entityOf(st, m[1] ?? m[2]);
    if (!e) return false;
    if (e.entry.names.role) return applyEntity(st, e, 'role', false);
    if (!e.entry.names.person) return false;
    // "roles of Leo Mills": the roles that person holds.
    e.used = true;
    st.people.push({ kind: 'name', text: e.entry.names.person });
    st.output = { kind: 'group', by: 'role', limit: null, order: 'most', measure: 'people' };
  }),
  rule('not (?:distinct )?role|(?:= )?0 (?:distinct )?role|roleless', (_m, st) => {
    st.people.push({ kind: 'roleCount', op: '=', n: 0 });
  }),
  rule(`${CMP} ${N} (?:distinct )?role`, (m, st) => {
    const n = num(m[2]);
    if (n === null) return false;
    st.people.push({ kind: 'roleCount', op: compareOf(m[1]), n });
  }),
  rule(`${N} (?:distinct )?role`, (m, st) => {
    const n = num(m[1]);
    if (n === null) return false;
    st.people.push({ kind: 'roleCount', op: '=', n });
  }),
  rule('not privileged(?: role)?', (_m, st) => void st.people.push({ kind: 'privileged', value: false })),
  rule('privileged(?: role)?', (_m, st) => void st.people.push({ kind: 'privileged', value: true })),
];

/** A lone "role" ("people with roles", "who has a role") once nothing else read it. */
export const LONE_ROLE_RULE: Rule = rule('role', (_m, st) => {
  st.people.push({ kind: 'roleCount', op: '>=', n: 1 });
});
