/** Plans: build, review, edit, approve, export/import, apply as a job, results, undo. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type PlanChannels = Extract<keyof Handlers, `plans:${string}`>;

export function planHandlers({ plans }: Services): Pick<Handlers, PlanChannels> {
  return {
    'plans:list': ({ instanceId }) => plans.list(instanceId),
    'plans:get': (input) => plans.get(input),
    'plans:create': (input) => plans.create(input),
    'plans:buildFromFilter': (input) => plans.buildFromFilter(input),
    'plans:buildFromSelection': (input) => plans.buildFromSelection(input),
    'plans:buildFromCsv': (input) => plans.buildFromCsv(input),
    'plans:previewBuild': (input) => plans.previewBuild(input),
    'plans:previewCsv': (input) => plans.previewCsv(input),
    'plans:addOperation': (input) => plans.addOperations(input),
    'plans:editOperation': (input) => plans.editOperation(input),
    'plans:removeOperations': (input) => plans.removeOperations(input),
    'plans:discard': (input) => plans.discard(input),
    'plans:submit': ({ planId }) => plans.submit(planId),
    'plans:approve': (input) => plans.approve(input),
    'plans:revoke': (input) => plans.revoke(input),
    'plans:export': (input) => plans.export(input),
    'plans:import': (input) => plans.import(input),
    'plans:apply': ({ planId }) => plans.apply(planId),
    'plans:applyApproved': ({ planId }) => plans.applyApproved(planId),
    'plans:result': ({ planId }) => plans.result(planId),
    'plans:undo': ({ planId }) => plans.undo(planId),
  };
}
