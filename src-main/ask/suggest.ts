/**
 * Questions to offer instead of a guess: examples made from the instance's own names (the ones
 * the unread question named first), and the nearest of them to the question (shared words, then
 * edit distance). Every example is one the grammar reads (suggest.test.ts checks).
 */
import { distance } from 'fastest-levenshtein';
import type { Entity } from './grammar/entities';
import { normName, type Category, type Lexicon } from './grammar/lexicon';

function namesOf(lexicon: Lexicon, c: Category): string[] {
  return [...lexicon.byNorm.values()].map((e) => e.names[c]).filter((n): n is string => !!n);
}

/** Questions about one name the question used, by its kind. */
function aboutName(lexicon: Lexicon, e: Entity, program: string, aRole: string): string[] {
  const { role, department, organization, program: p, title, person, assignmentRole } = e.entry.names;
  const out: string[] = [];
  if (role && !lexicon.utaOnlyRoles.has(role))
    out.push(`Who holds ${role}?`, `How many people hold ${role}?`, `Who was granted ${role} in the last 30 days?`);
  if (department) out.push(`People in the ${department} department`, `Who in ${department} never logged in?`);
  if (organization) out.push(`People at ${organization}`, `How many people at ${organization} logged in this month?`);
  if (p) out.push(`Who is assigned to ${p}?`, `${aRole}s on ${p}`);
  if (assignmentRole && program) out.push(`${assignmentRole}s on ${program}`);
  if (title) out.push(`People titled ${title}`);
  if (person) out.push(`What did ${person} change?`, `Changes to ${person}`, `Roles of ${person}`);
  return out;
}

export function exampleQuestions(lexicon: Lexicon, named: Entity[] = []): string[] {
  const roles = namesOf(lexicon, 'role').filter((r) => !lexicon.utaOnlyRoles.has(r));
  const [r1 = 'Report Viewer', r2 = 'Grants Officer'] = roles;
  const dept = namesOf(lexicon, 'department')[0] ?? 'Finance';
  const org = namesOf(lexicon, 'organization').at(-1) ?? '';
  const program = namesOf(lexicon, 'program')[0] ?? '';
  const aRole = namesOf(lexicon, 'assignmentRole')[0] ?? 'Reviewer';
  return [
    ...named.slice(0, 3).flatMap((e) => aboutName(lexicon, e, program, aRole)),
    'Who has not logged in for the last 90 days?',
    'How many people per department?',
    `Who holds both ${r1} and ${r2}?`,
    'Which external users logged in between 23:00 and 05:00 UTC?',
    'Users with more than 3 different IP addresses in the last 30 days',
    'Who logged in on weekends in the past two weeks?',
    `People in ${dept} without the ${r1} role`,
    'Accounts without any role',
    'Who never logged in?',
    'Whose access has expired?',
    'Who granted roles in the last 30 days?',
    'How many users per role?',
    'Top 10 users by number of sessions',
    'Inactive users',
    'Access changes yesterday',
    ...(program ? [`${aRole}s on ${program}`] : []),
    ...(org ? [`People at ${org}`] : []),
    'Users with API access',
    'How many sessions per hour of day in the last 30 days?',
    'Which organization has the most people?',
  ];
}

export function nearestQuestions(question: string, candidates: string[], count = 3): string[] {
  const words = new Set(normName(question).split(' '));
  const scored = [...new Set(candidates)].map((c) => {
    const cw = normName(c).split(' ');
    const shared = cw.filter((w) => words.has(w)).length;
    return { c, score: shared * 100 - distance(normName(question), normName(c)) / 10 };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((x) => x.c);
}
