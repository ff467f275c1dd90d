/**
 * Lifecycle templates as a service: guided forms that end in a draft plan built through the plans
 * builders, every operation with the step and reason it came from, every AI suggestion recorded
 * and decided with the operation it became. Nothing is approved here: the plan goes through the
 * usual review, policy, approval and journaled apply (apply signs AI-sourced changes AI_Service).
 */
import type { ChannelName, ParsedInputOf, ResultOf } from '../../../src-preload/contract';
import type { TemplatesDeps } from './deps';
import { proposeMover, planMover } from './mover';
import { planOffboarding, proposeOffboarding } from './offboard';
import { planRoster, previewRoster } from './roster';
import { reasonsOfPlan } from './store';

export type { TemplatesDeps } from './deps';

type Out<C extends ChannelName> = ResultOf<C>;
type In<C extends ChannelName> = ParsedInputOf<C>;

export interface LifecycleTemplatesService {
  /** Reads a roster (CSV, XLSX, pasted) and resolves each row: same / review / new, or the row's error. */
  readRoster(input: In<'lifecycle:rosterRead'>): Promise<Out<'lifecycle:rosterRead'>>;
  /** The roster plan: new people created, the program role added, with `exact` the others removed. */
  planRoster(input: In<'lifecycle:rosterPlan'>): Out<'lifecycle:rosterPlan'>;
  /** A mover's proposal: the new peer group's typical roles (k of n) and the untypical ones held. */
  mover(input: In<'lifecycle:mover'>): Promise<Out<'lifecycle:mover'>>;
  planMover(input: In<'lifecycle:moverPlan'>): Out<'lifecycle:moverPlan'>;
  /** Leavers (or an organization): what they hold, what must be transferred, and to whom. */
  offboard(input: In<'lifecycle:offboard'>): Out<'lifecycle:offboard'>;
  planOffboard(input: In<'lifecycle:offboardPlan'>): Out<'lifecycle:offboardPlan'>;
  /** Why each operation of a plan a template built is there. */
  reasons(planId: string): Out<'lifecycle:templateReasons'>;
}

export function createLifecycleTemplatesService(deps: TemplatesDeps): LifecycleTemplatesService {
  const instance = <T extends { instanceId: string }>(input: T): T => ({
    ...input,
    // NOT_FOUND for an instance this computer does not know, before anything is read.
    instanceId: deps.instances.get(input.instanceId).id,
  });
  return {
    readRoster: (input) => previewRoster(deps, instance(input)),
    planRoster: (input) => planRoster(deps, instance(input)),
    mover: (input) => proposeMover(deps, instance(input)),
    planMover: (input) => planMover(deps, instance(input)),
    offboard: (input) => proposeOffboarding(deps, instance(input)),
    planOffboard: (input) => planOffboarding(deps, instance(input)),
    reasons: (planId) => reasonsOfPlan(deps.db, planId),
  };
}
