/**
 * A sentence describing a bulk change ("give everyone in X the Y role") as the typed change
 * (contract/lifecycle.ts): an action and the same people query Ask uses, never SQL and never ids.
 * The LLM gets the sentence (names as tokens) and the schema with what its words mean, nothing
 * from the mirror; main validates the answer like any reading (schema, every name against the
 * mirror, the compiler and the SQL guard). Locally the grammar in src-main/lifecycle has already
 * read (or could not read) the sentence, so the local answer is "cannot read".
 */
import { z } from 'zod';
import { describedChangeSchema } from '../../../src-preload/contract/lifecycle';
import type { TaskSpec } from '../task';

export const describeChangeInput = z
  .object({
    sentence: z.string().min(1).max(2000),
    /** The mirror's names the sentence contains, declared so they leave as tokens. */
    names: z.array(z.object({ value: z.string().min(1).max(300), person: z.boolean() }).strict()).max(50),
    /** The action and query objects' meaning (no data from the mirror). */
    schema: z.string().max(30_000),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();

export const describeChangeOutput = z.object({
  status: z.enum(['understood', 'cannot_read']),
  change: describedChangeSchema.nullable(),
  /** What the sentence asks that the change does not cover, in its words. */
  unread: z.array(z.string().max(1000)).max(10),
});
export type DescribeChangeInput = z.infer<typeof describeChangeInput>;
export type DescribeChangeOutput = z.infer<typeof describeChangeOutput>;

export const describeChangeTask: TaskSpec<typeof describeChangeInput, typeof describeChangeOutput> = {
  kind: 'describe_change',
  input: describeChangeInput,
  output: describeChangeOutput,
  instructions:
    "Turn the administrator's sentence into the change object: the action it asks for and the query selecting the " +
    'people it applies to, using the schema given and only what the sentence states. Names (roles, departments, ' +
    'organizations, programs, titles, people) are written exactly as in the sentence. Dates are UTC, counted from the ' +
    "given today. When the sentence is not such a change, answer status 'cannot_read' with change null and guess nothing.",
  identifiers: (input) =>
    input.names.map((n) => ({ kind: n.person ? ('person' as const) : ('organization' as const), value: n.value })),
  pseudonymizeOptions: { capitalizedRuns: true },
  local: (input) => ({ status: 'cannot_read', change: null, unread: [input.sentence] }),
  verify: (out) =>
    out.status === 'understood' && !out.change ? 'a sentence read as understood must come with its change' : null,
  summarize: (out) =>
    out.status === 'cannot_read' || !out.change
      ? { confidence: 0, explanation: 'The sentence could not be read as a change; nothing was guessed.' }
      : {
          confidence: out.unread.length ? 0.5 : 0.8,
          explanation: `Read as ${out.change.action.kind} for people with ${out.change.query.people.length} condition(s).`,
        },
};
