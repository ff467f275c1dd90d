/**
 * Answer a question from retrieved passages only (the help desk's knowledge base): each sentence
 * cites the passages it rests on by label (P1, P2, ...), and "unknown" when the passages do not
 * answer it. Locally: the sentences of the passages that share the most of the question's words,
 * best passages first, each cited; nothing is written that a passage does not say. An LLM's
 * answer must cite only labels it was given, and every sentence must cite one.
 */
import { z } from 'zod';
import type { TaskSpec } from '../task';

const label = z.string().regex(/^P\d{1,2}$/);

export const answerQuestionInput = z
  .object({
    question: z.string().min(1).max(500),
    passages: z
      .array(z.object({ label, title: z.string().min(1).max(300), text: z.string().min(1).max(4000) }).strict())
      .min(1)
      .max(8),
    /** People the passages name: never sent as they are. */
    names: z.array(z.string().min(1).max(200)).max(200).default([]),
  })
  .strict();

export const answerQuestionOutput = z.object({
  sentences: z
    .array(z.object({ text: z.string().min(1).max(1000), citations: z.array(z.string().max(8)).max(8) }))
    .max(12),
  unknown: z.boolean(),
});
export type AnswerQuestionInput = z.infer<typeof answerQuestionInput>;
export type AnswerQuestionOutput = z.infer<typeof answerQuestionOutput>;

const STOP = new Set(
  'about after again also and are because been before being both but can cannot could does doing done down during each from have having here how into just more most much must only other over same should some such than that their them then there these they this those through under until very what when where which while whom why will with would your yours someone somebody person people'.split(
    ' ',
  ),
);

/** Content words, cut to five letters so "locked" meets "locks" and "expiry" meets "expired". */
function stems(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 4 && !STOP.has(w)).map((w) => w.slice(0, 5)));
}

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Up to three sentences sharing the most question words; passage order breaks ties. */
export function answerLocally(input: AnswerQuestionInput): AnswerQuestionOutput {
  const wanted = stems(input.question);
  const scored = input.passages.flatMap((p, rank) =>
    sentencesOf(p.text).map((text, position) => {
      const shared = [...stems(text)].filter((w) => wanted.has(w)).length;
      return { text, label: p.label, score: shared - rank * 0.25 - position * 0.01, shared };
    }),
  );
  const best = scored
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  if (best.length === 0) return { sentences: [], unknown: true };
  return { sentences: best.map((s) => ({ text: s.text, citations: [s.label] })), unknown: false };
}

export const answerQuestionTask: TaskSpec<typeof answerQuestionInput, typeof answerQuestionOutput> = {
  kind: 'answer_question',
  input: answerQuestionInput,
  output: answerQuestionOutput,
  instructions:
    'Answer the question of a SmartSimple administrator using only the passages given. Write short plain ' +
    'sentences; after each, list in citations the labels (P1, P2, ...) of the passages it rests on: every ' +
    'sentence cites at least one, and only labels that were given. Do not add anything the passages do not ' +
    'say. If the passages do not answer the question, set unknown to true and give no sentences. Keep tokens ' +
    'such as PERSON_1 exactly as written.',
  identifiers: (input) => input.names.map((value) => ({ kind: 'person' as const, value })),
  pseudonymizeOptions: { capitalizedRuns: true },
  local: answerLocally,
  verify(output, input) {
    const labels = new Set(input.passages.map((p) => p.label));
    if (output.unknown) return output.sentences.length > 0 ? 'an unknown answer with sentences' : null;
    if (output.sentences.length === 0) return 'an answer without sentences';
    for (const s of output.sentences) {
      if (s.citations.length === 0) return `a sentence without a citation: "${s.text.slice(0, 80)}"`;
      const made = s.citations.find((c) => !labels.has(c));
      if (made) return `a citation of a passage that was not given: ${made}`;
    }
    return null;
  },
  summarize: (out) => ({
    confidence: out.unknown ? 0 : 0.7,
    explanation: out.unknown
      ? 'The passages found do not answer the question.'
      : `${out.sentences.length} sentence${out.sentences.length === 1 ? '' : 's'}, each citing the passages it rests on.`,
  }),
};
