/**
 * The entity-resolution engine's public types: the canonical fields a record may carry, the
 * record itself, the options, and what a run returns. Zod schemas for what crosses to other code
 * (records and options come from CSV files and the CLI); plain types for the results.
 */
import { z } from 'zod';

/** The fields the engine knows how to normalize, block on and compare. */
export const CANONICAL_FIELDS = [
  'given_name',
  'surname',
  'email',
  'phone',
  'date_of_birth',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
  'identifier',
  'organization',
  'title',
  'department',
] as const;

export const canonicalFieldSchema = z.enum(CANONICAL_FIELDS);
export type CanonicalField = z.infer<typeof canonicalFieldSchema>;

/** One person or organization. `id` is a label (a row key, an answer key): never a feature. */
export const resolveRecordSchema = z.object({
  id: z.string(),
  fields: z.partialRecord(canonicalFieldSchema, z.string()),
});
export type ResolveRecord = z.infer<typeof resolveRecordSchema>;

export const thresholdsSchema = z
  .object({
    /** At or above: the same person (a posterior match probability). */
    same: z.number().min(0).max(1).default(0.5),
    /** At or above (and below `same`): worth a look by the administrator. */
    review: z.number().min(0).max(1).default(0.05),
  })
  .refine((t) => t.review <= t.same, 'review must not be above same');
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const resolveOptionsSchema = z.object({
  thresholds: thresholdsSchema.default({ same: 0.5, review: 0.05 }),
  /** Random pairs drawn to estimate u (the chance two different records agree by accident). */
  randomPairs: z.number().int().min(1000).default(60_000),
  /** Seed of the random pair sample, so that a run can be repeated exactly. */
  seed: z.number().int().default(1),
  emIterations: z.number().int().min(1).default(40),
  /** A blocking key shared by more records than this is skipped (it is not a key). */
  maxBlockSize: z.number().int().min(2).default(120),
  /** Records before and after each record in the sorted-neighbourhood passes. */
  window: z.number().int().min(2).default(6),
});
export type ResolveOptions = z.input<typeof resolveOptionsSchema>;
export type ResolvedOptions = z.output<typeof resolveOptionsSchema>;

export type Outcome = 'same' | 'review' | 'new';

/** How much one field moved the decision: log2 of its Bayes factor m/u at the level seen. */
export interface FieldEvidence {
  field: string;
  level: string;
  weight: number;
}

export interface Explanation {
  /** log2 of the prior odds that two records match, before any field is looked at. */
  prior: number;
  fields: FieldEvidence[];
  /** Set when a rule held the probability down (household fields alone cannot make one person). */
  capped?: string;
}

export interface ScoredPair {
  left: string;
  right: string;
  probability: number;
  why: Explanation;
}

export interface ResolveStats {
  records: number;
  candidatePairs: number;
  /** The fraction of all pairs never compared. */
  reductionRatio: number;
  /** Estimated share of candidate pairs that match (by EM) and of all pairs. */
  lambdaCandidates: number;
  lambda: number;
  emIterations: number;
  millis: { prepare: number; block: number; train: number; score: number; cluster: number };
}

export interface ResolveResult {
  /** Pairs judged the same (for dedupe: every pair inside a predicted cluster). */
  matches: ScoredPair[];
  /** Pairs worth review: probability between the review and the same thresholds. */
  review: ScoredPair[];
  /** Record ids per entity; singletons included. */
  clusters: string[][];
  model: ModelSummary;
  stats: ResolveStats;
}

export interface ModelSummary {
  fields: { field: string; levels: { level: string; m: number; u: number; weight: number }[] }[];
  lambda: number;
}
