/**
 * Explain: turn a structured explanation (a conclusion, weighted reasons, caveats) into sentences
 * an administrator reads. Locally: the conclusion, then the reasons strongest first, then the
 * caveats; nothing is added that the structure does not say.
 */
import { z } from 'zod';
import type { TaskSpec } from '../task';

export const explainInput = z
  .object({
    topic: z.string().min(1).max(200),
    conclusion: z.string().min(1).max(1000),
    reasons: z
      .array(z.object({ text: z.string().min(1).max(1000), weight: z.number().min(0).max(1).nullable() }).strict())
      .max(50),
    caveats: z.array(z.string().max(1000)).max(20).default([]),
  })
  .strict();
export const explainOutput = z.object({ sentences: z.array(z.string().max(2000)).min(1).max(80) });
export type ExplainInput = z.infer<typeof explainInput>;
export type ExplainOutput = z.infer<typeof explainOutput>;

const sentence = (s: string) => {
  const t = s.trim();
  if (!t) return t;
  const cap = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
};

export function explainLocally(input: ExplainInput): ExplainOutput {
  const reasons = [...input.reasons].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  const out = [sentence(input.conclusion)];
  reasons.forEach((r, i) => {
    const weight = r.weight === null ? '' : ` (weight ${Math.round(r.weight * 100)}%)`;
    const lead = i === 0 ? (reasons.length > 1 ? 'The strongest reason' : 'The reason') : 'Also';
    out.push(`${lead}: ${r.text.trim().replace(/[.!?]$/, '')}${weight}.`);
  });
  for (const c of input.caveats) if (c.trim()) out.push(`Note: ${sentence(c)}`);
  return { sentences: out };
}

export const explainTask: TaskSpec<typeof explainInput, typeof explainOutput> = {
  kind: 'explain',
  input: explainInput,
  output: explainOutput,
  instructions:
    'Write the explanation as short plain sentences for an administrator: the conclusion first, then the reasons ' +
    'strongest first, then the caveats. Say nothing the input does not say. Keep tokens such as PERSON_1 as they are.',
  identifiers: () => [],
  pseudonymizeOptions: { capitalizedRuns: true },
  local: explainLocally,
  summarize: (out) => ({
    confidence: 1,
    explanation: `${out.sentences.length} sentences from the structured explanation.`,
  }),
};
