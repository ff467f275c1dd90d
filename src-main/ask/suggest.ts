/**
 * Example questions made from the instance's own names (every one is read by the grammar), and
 * the nearest of them to a question the grammar could not read (shared words, then edit distance).
 */
import { distance } from 'fastest-levenshtein';
import { normName, type Lexicon } from './grammar/lexicon';

export function exampleQuestions(lexicon: Lexicon): string[] {
  const pick = (c: 'role' | 'department' | 'organization' | 'program' | 'title' | 'assignmentRole') =>
    [...lexicon.byNorm.values()].map((e) => e.names[c]).filter((n): n is string => !!n);
  const roles = pick('role').filter((r) => !lexicon.utaOnlyRoles.has(r));
  const [r1 = 'Report Viewer', r2 = 'Grants Officer'] = roles;
  const dept = pick('department')[0] ?? 'Finance';
  const org = pick('organization').at(-1) ?? '';
  const program = pick('program')[0] ?? '';
  const aRole = pick('assignmentRole')[0] ?? 'Reviewer';
  return [
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
    'How many sessions per hour of day in November 2026?',
  ];
}

export function nearestQuestions(question: string, candidates: string[], count = 3): string[] {
  const words = new Set(normName(question).split(' '));
  return candidates
    .map((c) => {
      const cw = normName(c).split(' ');
      const shared = cw.filter((w) => words.has(w)).length;
      return { c, score: shared * 100 - distance(normName(question), normName(c)) / 10 };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((x) => x.c);
}
