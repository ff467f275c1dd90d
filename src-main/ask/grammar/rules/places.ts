/**
 * Where a person is: department, organization, title, and programs with the role held on them
 * ("reviewers on X", "X applicants", "assigned to X as Reviewer", "who reviews X").
 */
import type { Category } from '../lexicon';
import { applyEntity, entityOf, type Entity, type ParseState } from '../parse';
import { E, rule, type Rule } from './rule';

function assignment(st: ParseState, program: Entity | null, role: Entity | null, roleName?: string): boolean {
  const name = roleName ?? role?.entry.names.assignmentRole ?? role?.entry.names.role;
  if (!program?.entry.names.program || !name) return false;
  program.used = true;
  if (role) role.used = true;
  st.people.push({ kind: 'program', program: program.entry.names.program, role: name, negate: false });
  return true;
}

/** The program role a verb names ("reviews" -> Reviewer), from the mirror's own assignment roles. */
function roleOfVerb(st: ParseState, verb: string | undefined): string | undefined {
  const stem = verb === 'reviewverb' ? /review/i : verb === 'applyverb' ? /applic/i : /manag/i;
  const names = [...st.lexicon.byNorm.values()].flatMap((e) =>
    e.names.assignmentRole ? [e.names.assignmentRole] : [],
  );
  return names.find((n) => stem.test(n));
}

const NAMES = '(e\\d+(?: (?:or|and) e\\d+)*)';

/**
 * "department X", "X team", "titles X or Y", "not in X department": names read in the kind their
 * word says; two names of a kind a person has one of (department, organization, title) are either.
 */
function named(category: Category, words: string): Rule[] {
  const apply = (negate: boolean) => (m: RegExpMatchArray, st: ParseState) => {
    const found = (m[1] ?? m[2] ?? '').split(/ (?:or|and) /).map((t) => entityOf(st, t));
    const names = found.map((e) => e?.entry.names[category]);
    if (names.some((n) => !n)) return false;
    if (found.length > 1 && (category === 'department' || category === 'organization' || category === 'title')) {
      for (const e of found) e!.used = true;
      st.people.push({ kind: category, values: names as string[], negate });
      return true;
    }
    return found.every((e) => applyEntity(st, e!, category, negate));
  };
  return [
    rule(`not (?:${words}) ${NAMES}|not ${NAMES} (?:${words})`, apply(true)),
    rule(`(?:${words}) ${NAMES}|${NAMES} (?:${words})`, apply(false)),
  ];
}

export const PLACE_RULES: Rule[] = [
  rule(`assignedto (?:program )?${E}(?: program)?(?: as ${E})?`, (m, st) => {
    const program = entityOf(st, m[1]);
    if (!program?.entry.names.program) return false;
    if (m[2]) return assignment(st, program, entityOf(st, m[2]));
    return applyEntity(st, program, 'program', false);
  }),
  rule(`${E} (?:as )?${E}(?: program)?`, (m, st) => {
    const a = entityOf(st, m[1]);
    const b = entityOf(st, m[2]);
    return assignment(st, b, a) || assignment(st, a, b);
  }),
  rule(`(reviewverb|applyverb|manageverb) (?:program )?${E}`, (m, st) => {
    const role = roleOfVerb(st, m[1]);
    return !!role && assignment(st, entityOf(st, m[2]), null, role);
  }),
  ...named('program', 'program|assignedto'),
  ...named('department', 'department'),
  ...named('organization', 'organization'),
  ...named('title', 'title'),
  rule('(?:not assignedto|assignedto not|not) program', (_m, st) => {
    st.people.push({ kind: 'program', program: null, role: null, negate: true });
  }),
  rule('(?:assignedto )?program', (_m, st) => {
    st.people.push({ kind: 'program', program: null, role: null, negate: false });
  }),
];
