/**
 * The one check of whether a plan may be applied now: approved (a first apply) or applying (a
 * resume). The plans service asks it before starting a job, so a refusal is an answer rather than a
 * failed job, and applyPlan asks it again for callers that reach it directly.
 */
import { conflict } from '../../errors/app-error';
import type { PlanState } from '../types';

export function assertCanApply(state: PlanState): void {
  if (state === 'approved' || state === 'applying') return;
  throw conflict(
    state === 'in_review' || state === 'draft'
      ? 'Only an approved plan can be applied: every operation needs its approval.'
      : `The plan is ${state.replace('_', ' ')}.`,
  );
}
