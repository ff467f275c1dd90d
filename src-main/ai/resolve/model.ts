/**
 * The trained Fellegi-Sunter model and how it scores a pair: the prior log-odds plus, per field,
 * log2(m/u) at the level the pair shows (u replaced by the value's frequency for an exact match
 * on a name or place). The posterior match probability comes from that total. One rule sits on
 * top: fields a household shares (surname, address, phone) cannot by themselves make two records
 * one person, so when every personal field both records have (given name, date of birth,
 * identifier, e-mail) disagrees outright, the probability is held at HOUSEHOLD_CAP.
 */
import { comparePair, type Comparison } from './comparisons';
import { MISSING } from './comparators';
import { type Prepared } from './prepare';
import { type Explanation, type ModelSummary } from './types';

export interface Model {
  comparisons: Comparison[];
  m: number[][];
  u: number[][];
  tf: (Map<string, number> | null)[];
  /** Smallest frequency a value can have: one record in the run. */
  tfFloor: number;
  /** Prior probability that two records drawn at random match. */
  lambda: number;
}

/** The highest probability the household rule allows: 1/3, below any sensible "same" threshold. */
export const HOUSEHOLD_CAP = 1 / 3;
const HOUSEHOLD_CAP_WEIGHT = Math.log2(HOUSEHOLD_CAP / (1 - HOUSEHOLD_CAP));
const FLOOR = 1e-6;

export function priorWeight(model: Model): number {
  return Math.log2(model.lambda / (1 - model.lambda));
}

/** log2 Bayes factor of comparison f at level g for a record with value `a` (for the tf case). */
export function fieldWeight(model: Model, f: number, g: number, a: Prepared): number {
  if (g === MISSING) return 0;
  const m = Math.max(FLOOR, model.m[f]![g]!);
  let u = Math.max(FLOOR, model.u[f]![g]!);
  const tf = model.tf[f];
  if (g === 0 && tf) u = Math.max(model.tfFloor, tf.get(model.comparisons[f]!.tfValue!(a)) ?? model.tfFloor);
  return Math.log2(m / Math.max(FLOOR, u));
}

/** True when the household rule applies: personal fields were compared and all disagreed. */
export function householdOnly(model: Model, gamma: Uint8Array): boolean {
  let compared = 0;
  for (let f = 0; f < gamma.length; f += 1) {
    const c = model.comparisons[f]!;
    if (!c.personal || gamma[f] === MISSING) continue;
    compared += 1;
    if (gamma[f] !== c.levels.length - 1) return false;
  }
  return compared > 0;
}

/** The total log2 odds of a match for a pair already compared into `gamma`. */
export function pairWeight(model: Model, gamma: Uint8Array, a: Prepared): number {
  let weight = priorWeight(model);
  for (let f = 0; f < gamma.length; f += 1) weight += fieldWeight(model, f, gamma[f]!, a);
  return householdOnly(model, gamma) ? Math.min(weight, HOUSEHOLD_CAP_WEIGHT) : weight;
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

/** Compares, scores and explains one pair: which fields agreed and how much each added. */
export function explainPair(model: Model, a: Prepared, b: Prepared): { probability: number; why: Explanation } {
  const gamma = new Uint8Array(model.comparisons.length);
  comparePair(model.comparisons, a, b, gamma);
  const fields = model.comparisons.map((c, f) => ({
    field: c.field,
    level: gamma[f] === MISSING ? 'missing' : c.levels[gamma[f]!]!,
    weight: round(fieldWeight(model, f, gamma[f]!, a)),
  }));
  const why: Explanation = { prior: round(priorWeight(model)), fields };
  if (householdOnly(model, gamma)) why.capped = 'only household fields agree: every personal field differs';
  return { probability: probabilityOf(pairWeight(model, gamma, a)), why };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export function summarizeModel(model: Model): ModelSummary {
  return {
    lambda: model.lambda,
    fields: model.comparisons.map((c, f) => ({
      field: c.field,
      levels: c.levels.map((level, g) => ({
        level,
        m: model.m[f]![g]!,
        u: model.u[f]![g]!,
        weight: round(Math.log2(Math.max(FLOOR, model.m[f]![g]!) / Math.max(FLOOR, model.u[f]![g]!))),
      })),
    })),
  };
}
