/**
 * Lifecycle: bulk change planning. Describe the change (a sentence -> a checked, explained draft
 * plan) and the consequences of any plan before it is approved; the lifecycle templates (roster,
 * mover, leaver) add their functions beside these. A small composition: each part is its own file.
 */
import type { Consequence } from '../../src-preload/contract';
import { getPlan } from '../plans';
import { planConsequences } from './consequences';
import { describeFunctions, type DescribeDeps } from './describe/describe-change';
import { readConsequenceFacts } from './store';

export type LifecycleServiceDeps = DescribeDeps;

export type LifecycleService = ReturnType<typeof describeFunctions> & {
  /** What a plan would do beyond its operations, counted, each with the operations behind it. */
  consequences(planId: string): Consequence[];
};

export function createLifecycleService(deps: LifecycleServiceDeps): LifecycleService {
  return {
    ...describeFunctions(deps),
    consequences(planId) {
      const plan = getPlan(deps.db, planId);
      return planConsequences(readConsequenceFacts(deps.db, plan.instanceId), plan.operations);
    },
  };
}
