/**
 * Interpret a question in plain language as a structured query the investigate screen can show
 * and run (never as SQL). Locally by rules: a subject from its words (logins, access changes,
 * people holding something), a relative window ("last 30 days", "this week"), and filters for the
 * role, program and organization names the question mentions (from the vocabulary passed in).
 * A question with no subject it can read gets 'cannot_read', with nothing guessed.
 */
import { z } from 'zod';
import type { TaskSpec } from '../task';

export const QUERY_SUBJECTS = ['people', 'logins', 'access_changes', 'roles'] as const;
export const FILTER_FIELDS = ['role', 'program', 'organization', 'person', 'external', 'status', 'event'] as const;

export const interpretQuestionInput = z
  .object({
    question: z.string().min(1).max(1000),
    vocabulary: z
      .object({
        roles: z.array(z.string().max(300)).max(5000).default([]),
        programs: z.array(z.string().max(300)).max(5000).default([]),
        organizations: z.array(z.string().max(500)).max(5000).default([]),
      })
      .strict()
      .default({ roles: [], programs: [], organizations: [] }),
  })
  .strict();

export const interpretQuestionOutput = z.object({
  status: z.enum(['understood', 'cannot_read']),
  query: z
    .object({
      subject: z.enum(QUERY_SUBJECTS),
      filters: z
        .array(z.object({ field: z.enum(FILTER_FIELDS), op: z.enum(['is', 'is_not']), value: z.string().max(500) }))
        .max(20),
      /** How far back, in days; null for no limit. */
      windowDays: z.number().int().min(0).max(3660).nullable(),
    })
    .nullable(),
  /** What the question asks that the query does not cover, in the question's words. */
  unread: z.array(z.string().max(1000)).max(10),
});
export type InterpretQuestionInput = z.infer<typeof interpretQuestionInput>;
export type InterpretQuestionOutput = z.infer<typeof interpretQuestionOutput>;
type Filter = NonNullable<InterpretQuestionOutput['query']>['filters'][number];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

function subjectOf(q: string): (typeof QUERY_SUBJECTS)[number] | null {
  if (/\blog(ged)?[ -]?(in|on)s?\b|\bsign(ed)?[ -]?in\b|\bsessions?\b/.test(q)) return 'logins';
  if (/\b(granted|revoked|removed|added|changed|gave|given|lost)\b|\baccess changes?\b/.test(q))
    return 'access_changes';
  if (/\b(who|which (people|users|persons|staff)|list (the )?(people|users))\b/.test(q)) return 'people';
  if (/\b(which|what|list) roles?\b/.test(q)) return 'roles';
  return null;
}

function windowOf(q: string): number | null {
  const n = /\b(?:last|past|previous)\s+(\d{1,4})\s+(day|week|month|year)s?\b/.exec(q);
  if (n) return Math.min(3660, Number(n[1]) * UNIT_DAYS[n[2]!]!);
  const one = /\b(?:last|past|previous)\s+(day|week|month|year)\b/.exec(q);
  if (one) return UNIT_DAYS[one[1]!]!;
  if (/\byesterday\b/.test(q)) return 1;
  if (/\btoday\b/.test(q)) return 0;
  if (/\bthis week\b/.test(q)) return 7;
  if (/\bthis month\b/.test(q)) return 30;
  return null;
}

function mentioned(q: string, names: readonly string[], field: Filter['field']): Filter[] {
  return names
    .filter((n) => n.trim().length >= 2 && q.includes(n.trim().toLowerCase()))
    .map((value) => ({ field, op: 'is' as const, value }));
}

export function interpretQuestionLocally(input: InterpretQuestionInput): InterpretQuestionOutput {
  const q = input.question.toLowerCase().replace(/\s+/g, ' ');
  const subject = subjectOf(q);
  if (!subject) return { status: 'cannot_read', query: null, unread: [input.question] };
  const filters: Filter[] = [
    ...mentioned(q, input.vocabulary.roles, 'role'),
    ...mentioned(q, input.vocabulary.programs, 'program'),
    ...mentioned(q, input.vocabulary.organizations, 'organization'),
    ...[...input.question.matchAll(EMAIL)].map((m) => ({ field: 'person' as const, op: 'is' as const, value: m[0] })),
  ];
  if (/\bexternal\b/.test(q)) filters.push({ field: 'external', op: 'is', value: 'true' });
  else if (/\binternal\b/.test(q)) filters.push({ field: 'external', op: 'is', value: 'false' });
  if (/\b(inactive|disabled|deactivated)\b/.test(q)) filters.push({ field: 'status', op: 'is', value: 'Inactive' });
  if (/\bfailed\b/.test(q) && subject === 'logins') filters.push({ field: 'event', op: 'is', value: 'failed_login' });
  return {
    status: 'understood',
    query: { subject, filters: filters.slice(0, 20), windowDays: windowOf(q) },
    unread: [],
  };
}

export const interpretQuestionTask: TaskSpec<typeof interpretQuestionInput, typeof interpretQuestionOutput> = {
  kind: 'interpret_question',
  input: interpretQuestionInput,
  output: interpretQuestionOutput,
  instructions:
    "Turn the administrator's question into the query shape. Use only filters the question states; when the " +
    "question cannot be read as one of the subjects, answer status 'cannot_read' with query null and guess nothing.",
  identifiers: (input) => input.vocabulary.organizations.map((value) => ({ kind: 'organization' as const, value })),
  pseudonymizeOptions: { capitalizedRuns: true },
  local: interpretQuestionLocally,
  summarize: (out) => {
    if (out.status === 'cannot_read' || !out.query)
      return { confidence: 0, explanation: 'The question could not be read as a query; nothing was guessed.' };
    const f = out.query.filters.map((x) => `${x.field} ${x.op === 'is' ? '=' : '≠'} ${x.value}`);
    const window = out.query.windowDays === null ? 'any time' : `the last ${out.query.windowDays} days`;
    return {
      confidence: out.unread.length ? 0.5 : 0.8,
      explanation: `Read as ${out.query.subject.replace('_', ' ')}${f.length ? ` where ${f.join(', ')}` : ''}, over ${window}.`,
    };
  },
};
