/**
 * Resolve a person or an organization: is the record from a document one the mirror already
 * holds? The caller passes the candidates (from the mirror); the answer ranks them and decides
 * match / possible / new.
 *
 * The entity-resolution engine is plugged in from outside (a `Resolver`); until it is, the local
 * fallback here is deliberately trivial and honest: an exact e-mail is a match, an exact name
 * (case and spacing aside) is a possible match, anything else is new.
 */
import { z } from 'zod';
import type { KnownIdentifier } from '../pseudonymize';
import type { TaskSpec } from '../task';

const text = z.string().max(500).nullable();

export const resolveEntityInput = z
  .object({
    kind: z.enum(['person', 'organization']),
    record: z.object({ name: z.string().max(500), email: text, organization: text }).strict(),
    candidates: z
      .array(
        z
          .object({ id: z.number().int().positive(), name: z.string().max(500), email: text, organization: text })
          .strict(),
      )
      .max(100),
  })
  .strict();

const matchShape = <Id extends z.ZodType>(id: Id) =>
  z.object({
    candidates: z
      .array(z.object({ id, score: z.number().min(0).max(1), reasons: z.array(z.string().max(300)).max(10) }))
      .max(100),
    decision: z.enum(['match', 'possible', 'new']),
    /** The chosen candidate for 'match' and 'possible'; null for 'new'. */
    chosenId: id.nullable(),
  });

export const resolveEntityOutput = matchShape(z.number().int().positive());
/** On the wire ids are tokens (ID_1); they become numbers again before the output validates. */
export const resolveEntityWire = matchShape(z.string());

export type ResolveEntityInput = z.infer<typeof resolveEntityInput>;
export type ResolveEntityOutput = z.infer<typeof resolveEntityOutput>;

/** The entity-resolution engine's entry point, as the AI core calls it. */
export type Resolver = (input: ResolveEntityInput) => Promise<ResolveEntityOutput> | ResolveEntityOutput;

const same = (a: string | null, b: string | null) =>
  a !== null &&
  b !== null &&
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

export function resolveExactly(input: ResolveEntityInput): ResolveEntityOutput {
  const scored = input.candidates
    .map((c) => {
      const reasons: string[] = [];
      let score = 0;
      if (input.kind === 'person' && same(c.email, input.record.email)) {
        score = 0.95;
        reasons.push('same e-mail');
      }
      if (same(c.name, input.record.name)) {
        score = Math.max(score, 0.6);
        reasons.push('same name');
      }
      return { id: c.id, score, reasons };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  // Two candidates equally good is not a match: the administrator chooses.
  const tie = best !== undefined && scored[1]?.score === best.score;
  const decision = !best ? 'new' : best.score >= 0.9 && !tie ? 'match' : 'possible';
  return { candidates: scored, decision, chosenId: best ? best.id : null };
}

export function resolveEntityTask(
  resolver: Resolver = resolveExactly,
): TaskSpec<typeof resolveEntityInput, typeof resolveEntityOutput> {
  return {
    kind: 'resolve_entity',
    input: resolveEntityInput,
    output: resolveEntityOutput,
    wire: resolveEntityWire,
    instructions:
      'Decide whether the record is one of the candidates. Score each plausible candidate 0-1 with short reasons; ' +
      "decision 'match' only when sure, 'possible' when a person must check, 'new' when none fits. " +
      'Ids and names are tokens: answer with the tokens exactly as given.',
    identifiers: (input) => {
      const kind = input.kind === 'person' ? 'person' : 'organization';
      const out: KnownIdentifier[] = [{ kind, value: input.record.name }];
      if (input.record.organization) out.push({ kind: 'organization', value: input.record.organization });
      for (const c of input.candidates) {
        out.push({ kind, value: c.name });
        if (c.organization) out.push({ kind: 'organization', value: c.organization });
      }
      return out;
    },
    local: (input) => resolver(input),
    verify: (out, input) => {
      const offered = new Set(input.candidates.map((c) => c.id));
      const named = [...out.candidates.map((c) => c.id), ...(out.chosenId === null ? [] : [out.chosenId])];
      const stranger = named.find((id) => !offered.has(id));
      if (stranger !== undefined) return `candidate ${stranger} was not offered`;
      if ((out.decision === 'new') !== (out.chosenId === null))
        return `decision '${out.decision}' with chosen ${out.chosenId}`;
      return null;
    },
    summarize: (out) => {
      const best = out.candidates.find((c) => c.id === out.chosenId);
      return {
        confidence: out.decision === 'new' ? (out.candidates.length === 0 ? 0.7 : 0.5) : (best?.score ?? 0),
        explanation:
          out.decision === 'new'
            ? 'No candidate matches closely enough: this looks new.'
            : `${out.decision === 'match' ? 'Matches' : 'May be'} candidate ${out.chosenId}${best?.reasons.length ? ` (${best.reasons.join(', ')})` : ''}.`,
      };
    },
  };
}
