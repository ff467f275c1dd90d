/**
 * Applying plans as background jobs: one apply per instance at a time (two would share the
 * hourly budget and could touch the same people), cancel through jobs:cancel, and resume. The
 * plans backend journals every operation, so "resume" is simply applying a plan that is still
 * 'applying' again: on backend start for every interrupted apply, or when the administrator
 * presses Resume.
 */
import { applyPlan, createUndoPlan, getApplyResult, getPlan, listPlans } from '../plans';
import { listInstances } from '../instances/instances-store';
import { conflict } from '../errors/app-error';
import { createWaitRelay } from '../sync';
import type { JobInfo } from '../../src-preload/contract';
import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';
import { localAdministrator } from './local-admin';

export interface ApplyRegistry {
  /** instance id -> the plan being applied to it and its job (null while the job is being set up). */
  readonly byInstance: Map<string, { planId: string; jobId: string | null }>;
  runningFor(planId: string): string | null;
}

export function createApplyRegistry(): ApplyRegistry {
  const byInstance = new Map<string, { planId: string; jobId: string | null }>();
  return {
    byInstance,
    runningFor: (planId) => [...byInstance.values()].find((r) => r.planId === planId)?.jobId ?? null,
  };
}

export function applyHandlers(
  s: Services,
  applies: ApplyRegistry,
): Pick<Handlers, 'plans:apply' | 'plans:result' | 'plans:undo'> {
  const start = async (planId: string): Promise<JobInfo> => {
    const plan = getPlan(s.db, planId);
    const { instanceId } = plan;
    const busy = applies.byInstance.get(instanceId);
    if (busy)
      throw conflict(
        busy.planId === planId
          ? 'This plan is being applied now.'
          : 'Another plan is being applied to this instance: wait for it to finish.',
      );
    // Checked here too so a refusal is an answer, not a failed job.
    if (plan.state !== 'approved' && plan.state !== 'applying') {
      throw conflict(
        plan.state === 'draft' || plan.state === 'in_review'
          ? 'Only an approved plan can be applied: every operation needs its approval.'
          : `The plan is ${plan.state.replace('_', ' ')}.`,
      );
    }
    // Reserved before the first await, so two quick clicks cannot start two applies.
    const slot = { planId, jobId: null as string | null };
    applies.byInstance.set(instanceId, slot);
    try {
      const waits = createWaitRelay();
      const client = await s.connections.clientFor(instanceId, { onWait: waits.onWait });
      const resuming = plan.state === 'applying';
      const job = s.jobs.start(
        {
          kind: 'plan-apply',
          title: `${resuming ? 'Resume' : 'Apply'} "${plan.title}"`,
          instanceId,
          total: plan.operations.length,
        },
        async (ctx) => {
          try {
            const result = await applyPlan({
              db: s.db,
              client,
              instanceId,
              planId,
              ctx,
              approver: localAdministrator(s.db, instanceId),
              logger: s.logger,
              waits,
            });
            return result.message;
          } finally {
            applies.byInstance.delete(instanceId);
            s.changed(['plans', 'audit', 'jobs']);
          }
        },
      );
      slot.jobId = job.id;
      return job;
    } catch (e) {
      applies.byInstance.delete(instanceId);
      throw e;
    }
  };

  // An apply a crash or quit interrupted continues on its own once the backend is up. Deferred so
  // the backend finishes building first; failures (no keychain yet, offline) are logged and leave
  // the plan waiting for the Resume button.
  setTimeout(() => {
    try {
      for (const instance of listInstances(s.db)) {
        for (const plan of listPlans(s.db, { instanceId: instance.id, states: ['applying'] })) {
          start(plan.id).then(
            (job) => s.logger.info('resuming an interrupted apply', { planId: plan.id, jobId: job.id }),
            (error: unknown) =>
              s.logger.warn('could not resume an interrupted apply; Resume will retry', { planId: plan.id, error }),
          );
        }
      }
    } catch (error) {
      // The backend may have been closed already (a short-lived test backend).
      s.logger.debug('no interrupted applies resumed', { error });
    }
  }, 0).unref?.();

  return {
    'plans:apply': ({ planId }) => start(planId),
    'plans:result': ({ planId }) => ({ ...getApplyResult(s.db, planId), applyJobId: applies.runningFor(planId) }),
    'plans:undo': ({ planId }) => {
      const plan = getPlan(s.db, planId);
      return createUndoPlan(s.db, { planId, actor: localAdministrator(s.db, plan.instanceId) });
    },
  };
}
