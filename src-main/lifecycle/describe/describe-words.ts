/**
 * A change in words (the action; the selection is Ask's own description), the names of an action
 * that did not come from the grammar checked against the mirror, and the sentences offered when a
 * sentence cannot be read: made from the instance's names, those the sentence used first, and
 * ranked by the words they share with it (Ask's nearestQuestions).
 */
import type { LifecycleAction } from '../../../src-preload/contract/lifecycle';
import type { Entity } from '../../ask/grammar/entities';
import type { Category, Lexicon } from '../../ask/grammar/lexicon';
import { mirrorName } from '../../ask/query-names';
import { nearestQuestions } from '../../ask/suggest';

export function describeAction(a: LifecycleAction): string {
  switch (a.kind) {
    case 'add_role':
      return `Give the profile role ${a.role}`;
    case 'remove_role':
      return `Remove the profile role ${a.role}`;
    case 'add_assignment':
      return `Assign to the program ${a.program} as ${a.role}`;
    case 'remove_assignment':
      return `Remove ${a.role ? `the ${a.role} assignment` : 'every assignment'} ${a.program ? `on the program ${a.program}` : 'on every program'}`;
    case 'deactivate':
      return 'Deactivate the account';
    case 'reactivate':
      return 'Reactivate the account (status Active)';
    case 'set_expiry':
      return a.date ? `Set the access expiry to ${a.date}` : 'Clear the access expiry';
    case 'set_department':
      return `Move to the department ${a.department}`;
    case 'set_title':
      return `Set the job title to "${a.title}"`;
  }
}

/** The action with every name in the mirror's spelling, or what is not a name of the instance. */
export function checkActionNames(
  a: LifecycleAction,
  lexicon: Lexicon,
): { ok: true; action: LifecycleAction } | { ok: false; problem: string } {
  const name = (value: string, what: string, ...c: Category[]) => {
    const found = mirrorName(lexicon, value, c);
    if (!found) throw new Error(`"${value}" is not a ${what} of this instance.`);
    return found;
  };
  try {
    switch (a.kind) {
      case 'add_role':
      case 'remove_role': {
        const role = name(a.role, 'role', 'role', 'assignmentRole');
        if (lexicon.utaOnlyRoles.has(role))
          return { ok: false, problem: `${role} is a program role: name the program it is on.` };
        return { ok: true, action: { ...a, role } };
      }
      case 'add_assignment':
        return {
          ok: true,
          action: {
            ...a,
            program: name(a.program, 'program', 'program'),
            role: name(a.role, 'program role', 'assignmentRole', 'role'),
          },
        };
      case 'remove_assignment':
        return {
          ok: true,
          action: {
            ...a,
            program: a.program === null ? null : name(a.program, 'program', 'program'),
            role: a.role === null ? null : name(a.role, 'program role', 'assignmentRole', 'role'),
          },
        };
      case 'set_department':
        return { ok: true, action: { ...a, department: name(a.department, 'department', 'department') } };
      default:
        return { ok: true, action: a };
    }
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

function namesOf(lexicon: Lexicon, c: Category): string[] {
  return [...lexicon.byNorm.values()].map((e) => e.names[c]).filter((n): n is string => !!n);
}

/** Sentences the grammar reads, about the names the sentence used first, then the instance's. */
export function exampleSentences(lexicon: Lexicon, named: Entity[] = []): string[] {
  // Examples name an everyday role, not an administrator's.
  const roles = namesOf(lexicon, 'role').filter(
    (r) => !lexicon.utaOnlyRoles.has(r) && !/admin|approver|director|executive/i.test(r),
  );
  const pick = (c: Category, fallback: string[]) => {
    const own = named.map((e) => e.entry.names[c]).filter((n): n is string => !!n);
    return [...own, ...fallback];
  };
  const role = pick('role', roles).filter((r) => !lexicon.utaOnlyRoles.has(r))[0] ?? 'Report Viewer';
  const dept = pick('department', namesOf(lexicon, 'department'))[0] ?? 'Finance';
  const org = pick('organization', namesOf(lexicon, 'organization').reverse())[0];
  const program = pick('program', namesOf(lexicon, 'program'))[0];
  const aRole = pick('assignmentRole', namesOf(lexicon, 'assignmentRole'))[0] ?? 'Reviewer';
  return [
    `Give everyone in ${dept} the ${role} role`,
    `Remove the ${role} role from people in ${dept} who have not logged in for 90 days`,
    `Take ${role} away from external people`,
    ...(org
      ? [
          `Deactivate the people at ${org}`,
          `Remove the ${role} role from people at ${org}`,
          `Set the access expiry of people at ${org} to 2027-03-31`,
        ]
      : []),
    ...(program
      ? [
          `Assign everyone in ${dept} to ${program} as ${aRole}`,
          `Remove the ${aRole} role on ${program} from external people`,
          ...(org ? [`Remove the people at ${org} from ${program}`] : []),
        ]
      : []),
    `Reactivate the inactive people in ${dept}`,
    'Deactivate everyone who never logged in',
    `Move the people titled ${pick('title', namesOf(lexicon, 'title'))[0] ?? 'Analyst'} to the ${dept} department`,
  ];
}

export function nearestSentences(sentence: string, lexicon: Lexicon, named: Entity[]): string[] {
  return nearestQuestions(sentence, exampleSentences(lexicon, named), 4);
}
