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

/**
 * Words that say nothing of what a question is about: question words, articles, prepositions, and
 * the nouns every question has (people, users). Two questions sharing only these are not near.
 */
const FILLER = new Set(
  (
    'a an the of in on at to for by with from and or not no any all some is are was were be been do does did ' +
    'has have had who whom whose what which when where how many much me my i we you show list give find ' +
    'tell there their they them it its this that these those per people person user users account accounts'
  ).split(' '),
);

/** The words of a question that carry its meaning, each reduced to a rough stem (plurals, -ed, -ing). */
function meaningfulWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of normName(text).split(' ')) {
    if (w.length < 2 || FILLER.has(w)) continue;
    out.add(w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w);
  }
  return out;
}

/**
 * The candidates sharing the most meaningful words with the question (edit distance breaks ties).
 * When none shares any, the leading candidates as they are (the questions named first, then a
 * broad sample): nothing is offered as near on the strength of "who" or "on".
 */
export function nearestQuestions(question: string, candidates: string[], count = 3): string[] {
  const words = meaningfulWords(question);
  const q = normName(question);
  const unique = [...new Set(candidates)];
  const scored = unique.map((c, order) => {
    let shared = 0;
    for (const w of meaningfulWords(c)) if (words.has(w)) shared++;
    return { c, order, shared, distance: distance(q, normName(c)) };
  });
  const near = scored.filter((x) => x.shared > 0).sort((a, b) => b.shared - a.shared || a.distance - b.distance);
  const rest = scored.filter((x) => x.shared === 0).sort((a, b) => a.order - b.order);
  return [...near, ...rest].slice(0, count).map((x) => x.c);
}
