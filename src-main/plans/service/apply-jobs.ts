/**
 * Applying plans as background jobs: one apply per instance at a time (two would share the hourly
 * budget and could touch the same people), held by the job runner's exclusive key
 * `apply:<instance>`; cancel through jobs:cancel. The journal makes "resume" simply applying a
 * plan that is still 'applying' again: at start-up for every interrupted apply (the backend's
 * composition root calls `resumeInterruptedApplies`), or when the administrator presses Resume.
 */
import type { JobInfo } from '../../../src-preload/contract';
import { conflict } from '../../errors/app-error';
import { createWaitRelay } from '../../sync/wait-relay';
import { applyPlan } from '../apply/apply-plan';
import { assertCanApply } from '../apply/can-apply';
import { getPlan, listPlans } from '../plans';
import type { PlansServiceDeps } from './deps';

const exclusiveKey = (instanceId: string) => `apply:${instanceId}`;

/** job id -> the plan it applies: the runner holds the instance's key, this names the plan. */
export type RunningApplies = Map<string, string>;

/** The apply job running for this plan now, if any. */
export function applyJobFor(deps: PlansServiceDeps, running: RunningApplies, planId: string): string | null {
  const plan = getPlan(deps.db, planId);
  const job = deps.jobs.holder(exclusiveKey(plan.instanceId));
  return job && running.get(job.id) === planId ? job.id : null;
}

const BUSY = 'Another plan is being applied to this instance: wait for it to finish.';

export async function startApply(deps: PlansServiceDeps, running: RunningApplies, planId: string): Promise<JobInfo> {
  const plan = getPlan(deps.db, planId);
  const { instanceId } = plan;
  const key = exclusiveKey(instanceId);
  // The runner's key is the guard; asking it first turns a second click into a precise answer.
  const holder = deps.jobs.holder(key);
  if (holder) throw conflict(running.get(holder.id) === planId ? 'This plan is being applied now.' : BUSY);
  assertCanApply(plan.state);
  const waits = createWaitRelay();
  const client = await deps.connections.clientFor(instanceId, { onWait: waits.onWait });
  const resuming = plan.state === 'applying';
  const title = `${resuming ? 'Resume' : 'Apply'} "${plan.title}"`;
  const job = deps.jobs.start(
    { kind: 'plan-apply', title, instanceId, total: plan.operations.length, exclusive: { key, busyMessage: BUSY } },
    async (ctx) => {
      try {
        const approver = deps.administrator(instanceId);
        const result = await applyPlan({
          db: deps.db,
          client,
          instanceId,
          planId,
          ctx,
          approver,
          logger: deps.logger,
          waits,
        });
        return result.message;
      } finally {
        running.delete(job.id);
        deps.onApplyFinished();
      }
    },
  );
  running.set(job.id, planId);
  return job;
}

/**
 * Start-up: every apply a crash or quit interrupted continues on its own. Failures (no keychain
 * yet, offline) are logged and leave the plan waiting for the Resume button.
 */
export function resumeInterruptedApplies(deps: PlansServiceDeps, running: RunningApplies): void {
  for (const instance of deps.instances.list()) {
    for (const plan of listPlans(deps.db, { instanceId: instance.id, states: ['applying'] })) {
      startApply(deps, running, plan.id).then(
        (job) => deps.logger.info('resuming an interrupted apply', { planId: plan.id, jobId: job.id }),
        (error: unknown) =>
          deps.logger.warn('could not resume an interrupted apply; Resume will retry', { planId: plan.id, error }),
      );
    }
  }
}
