/**
 * A question in plain language as the ask query object (contract/ask.ts), the same object the
 * grammar produces, never SQL. The LLM is given the question and the query object's schema with
 * what its words mean, nothing from the mirror: names in the question leave as tokens and come
 * back re-identified, and main validates the object like any other (schema, then every name
 * against the mirror, then the compiler and the SQL guard).
 *
 * Locally there is nothing to add: the grammar in src-main/ask already read (or could not read)
 * the question on this computer before the LLM is asked, so the local answer is "cannot read".
 */
import { z } from 'zod';
import { askQuerySchema } from '../../../src-preload/contract/ask';
import type { TaskSpec } from '../task';

export const interpretQuestionInput = z
  .object({
    question: z.string().min(1).max(2000),
    /**
     * The mirror's names the question itself contains, as it wrote them (people and others):
     * declared so they leave as tokens (PERSON_1, ORG_2), however they are spelled or cased.
     */
    names: z.array(z.object({ value: z.string().min(1).max(300), person: z.boolean() }).strict()).max(50),
    /** What the query object's fields and words mean (no data from the mirror). */
    schema: z.string().max(20_000),
    /** The day relative words count from (YYYY-MM-DD, UTC). */
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();

export const interpretQuestionOutput = z.object({
  status: z.enum(['understood', 'cannot_read']),
  query: askQuerySchema.nullable(),
  /** What the question asks that the query does not cover, in the question's words. */
  unread: z.array(z.string().max(1000)).max(10),
});
export type InterpretQuestionInput = z.infer<typeof interpretQuestionInput>;
export type InterpretQuestionOutput = z.infer<typeof interpretQuestionOutput>;

export const interpretQuestionTask: TaskSpec<typeof interpretQuestionInput, typeof interpretQuestionOutput> = {
  kind: 'interpret_question',
  input: interpretQuestionInput,
  output: interpretQuestionOutput,
  instructions:
    "Turn the administrator's question into the query object, using the schema given and only the conditions the " +
    'question states. Names (roles, departments, organizations, programs, titles, people) are written exactly as ' +
    'in the question. Dates are UTC stamps "YYYY-MM-DD HH:MM:SS" counted from the given today. When the question ' +
    "cannot be read as such a query, answer status 'cannot_read' with query null and guess nothing.",
  identifiers: (input) =>
    input.names.map((n) => ({ kind: n.person ? ('person' as const) : ('organization' as const), value: n.value })),
  pseudonymizeOptions: { capitalizedRuns: true },
  local: (input) => ({ status: 'cannot_read', query: null, unread: [input.question] }),
  verify: (out) =>
    out.status === 'understood' && !out.query ? 'a question read as understood must come with its query' : null,
  summarize: (out) =>
    out.status === 'cannot_read' || !out.query
      ? { confidence: 0, explanation: 'The question could not be read as a query; nothing was guessed.' }
      : {
          confidence: out.unread.length ? 0.5 : 0.8,
          explanation: `Read as a query with ${out.query.people.length} condition(s) on people${out.query.activity ? ' and an activity' : ''}, answered as ${out.query.output.kind}.`,
        },
};
