/**
 * Plans as a service: the one way any change reaches SmartSimple. Build, review, edit, approve,
 * export/import for a second administrator, apply as a job, results, undo. The actor is always
 * the administrator of the plan's instance on this computer (never an input).
 */
import type { ChannelName, ParsedInputOf, ResultOf } from '../../src-preload/contract';
import { appendAudit } from '../audit-trail';
import { budgetInfo } from '../connect/budget-info';
import { AppError, validation } from '../errors/app-error';
import { getApplyResult } from './apply/apply-plan';
import { approveOperations, approvePlan, revokeApprovals } from './approval';
import { exportPlanCsv, exportPlanJson, importPlanApprovals } from './exchange';
import {
  addOperations,
  createPlan,
  discardPlan,
  editOperation,
  getPlan,
  listPlans,
  removeOperations,
  submitForReview,
} from './plans';
import { reviewPlan } from './review';
import { applyJobFor, resumeInterruptedApplies, startApply, type RunningApplies } from './service/apply-jobs';
import { buildPlanFromCsv, buildPlanFromFilter, buildPlanFromSelection, previewPlanFromCsv } from './service/builds';
import { actorForPlan, instanceOfPlan, type PlansServiceDeps } from './service/deps';
import { previewPlanBuild } from './service/preview-build';
import { createUndoPlan } from './undo';
import { splitLinks, splitUnapproved } from './split';
import { getPlanRow } from './store/plans-store';
import type { PlanState } from './types';
import { operationInputSchema, type OperationInput } from './types';

export type { PlansServiceDeps } from './service/deps';
export { withAdministratorName } from './service/deps';

type Out<C extends ChannelName> = ResultOf<C>;
type In<C extends ChannelName> = ParsedInputOf<C>;

export interface PlansService {
  list(instanceId: string): Out<'plans:list'>;
  get(input: In<'plans:get'>): Out<'plans:get'>;
  create(input: In<'plans:create'>): Out<'plans:create'>;
  buildFromFilter(input: In<'plans:buildFromFilter'>): Out<'plans:buildFromFilter'>;
  buildFromSelection(input: In<'plans:buildFromSelection'>): Out<'plans:buildFromSelection'>;
  buildFromCsv(input: In<'plans:buildFromCsv'>): Out<'plans:buildFromCsv'>;
  /** A selection, filter or named bulk action, tried and rolled back: what it would add. */
  previewBuild(input: In<'plans:previewBuild'>): Out<'plans:previewBuild'>;
  /** The CSV build, tried and rolled back: nothing is written. */
  previewCsv(input: In<'plans:previewCsv'>): Out<'plans:previewCsv'>;
  addOperations(input: In<'plans:addOperation'>): Out<'plans:addOperation'>;
  editOperation(input: In<'plans:editOperation'>): Out<'plans:editOperation'>;
  removeOperations(input: In<'plans:removeOperations'>): Out<'plans:removeOperations'>;
  discard(input: In<'plans:discard'>): Out<'plans:discard'>;
  submit(planId: string): Out<'plans:submit'>;
  /** The operations named, or the whole plan; privileged ones only on their own (FORBIDDEN otherwise). */
  approve(input: In<'plans:approve'>): Out<'plans:approve'>;
  revoke(input: In<'plans:revoke'>): Out<'plans:revoke'>;
  export(input: In<'plans:export'>): Out<'plans:export'>;
  import(input: In<'plans:import'>): Out<'plans:import'>;
  /** Starts (or resumes) the apply as a job; CONFLICT while another apply holds the instance. */
  apply(planId: string): Promise<Out<'plans:apply'>>;
  /** Splits the operations not approved into a new draft, then applies the approved plan. */
  applyApproved(planId: string): Promise<Out<'plans:applyApproved'>>;
  result(planId: string): Out<'plans:result'>;
  undo(planId: string): Out<'plans:undo'>;
  /** Start-up work: resume every apply a crash or quit interrupted. */
  resumeInterruptedApplies(): void;
}

export function createPlansService(deps: PlansServiceDeps): PlansService {
  const { db } = deps;
  const running: RunningApplies = new Map();
  const actor = (planId: string) => actorForPlan(deps, planId);
  return {
    list: (instanceId) => listPlans(db, { instanceId: deps.instances.get(instanceId).id }),
    get: ({ planId, instanceId }) => planDetail(deps, running, planId, instanceId),
    create({ instanceId, title, description }) {
      const id = deps.instances.get(instanceId).id;
      const extra = description !== undefined ? { description } : {};
      return createPlan(db, { instanceId: id, title, ...extra, origin: 'manual', createdBy: deps.administrator(id) })
        .plan;
    },
    buildFromFilter: (input) => buildPlanFromFilter(deps, input),
    buildFromSelection: (input) => buildPlanFromSelection(deps, input),
    buildFromCsv: (input) => buildPlanFromCsv(deps, input),
    previewBuild: (input) => previewPlanBuild(deps, input),
    previewCsv: (input) => previewPlanFromCsv(deps, input),
    addOperations: ({ planId, operations }) =>
      addOperations(db, { planId, actor: actor(planId), operations: operations.map(checkOperation) }),
    editOperation: ({ planId, operationId, operation }) =>
      editOperation(db, { planId, operationId, actor: actor(planId), operation: checkOperation(operation) }),
    removeOperations: ({ planId, operationIds }) =>
      removeOperations(db, { planId, operationIds, actor: actor(planId) }),
    discard: ({ planId, reason }) => discardPlan(db, { planId, actor: actor(planId), ...(reason ? { reason } : {}) }),
    submit: (planId) => submitForReview(db, { planId, actor: actor(planId) }),
    approve: (input) => approve(deps, input),
    revoke: ({ planId, operationIds }) => revokeApprovals(db, { planId, operationIds, actor: actor(planId) }),
    export: ({ planId, format }) => exportPlan(deps, planId, format),
    // An export is JSON when it opens with a brace; anything else is read as the CSV export.
    import: ({ planId, text }) =>
      importPlanApprovals(db, {
        planId,
        content: text,
        format: text.trimStart().startsWith('{') ? 'json' : 'csv',
        importedBy: actor(planId),
        fourEyes: requireAdministratorName(deps).fourEyes,
      }),
    apply: (planId) => startApply(deps, running, planId),
    applyApproved: (planId) => applyApproved(deps, running, planId),
    result: (planId) => ({ ...getApplyResult(db, planId), applyJobId: applyJobFor(deps, running, planId) }),
    undo: (planId) => createUndoPlan(db, { planId, actor: actor(planId) }),
    resumeInterruptedApplies: () => resumeInterruptedApplies(deps, running),
  };
}

function planDetail(
  deps: PlansServiceDeps,
  running: RunningApplies,
  planId: string,
  expectedInstance?: string,
): Out<'plans:get'> {
  const owner = instanceOfPlan(deps, planId, expectedInstance);
  const budget = deps.connections.budgetFor(owner);
  const review = reviewPlan(deps.db, planId, { budget });
  const applyJobId = applyJobFor(deps, running, planId);
  return {
    ...review,
    budget: budgetInfo(budget),
    approver: deps.administrator(owner),
    administratorName: deps.instances.settings().administratorName,
    fourEyes: deps.instances.settings().fourEyes,
    applyJobId,
    canResume: review.plan.state === 'applying' && applyJobId === null,
    ...planLinks(deps, owner, planId, review.plan.undoOf),
  };
}

function planLinks(deps: PlansServiceDeps, owner: string, planId: string, undoOf: string | null) {
  const link = (p: { id: string; title: string; state: PlanState }) => ({ id: p.id, title: p.title, state: p.state });
  const undone = undoOf ? getPlanRow(deps.db, undoOf) : undefined;
  return {
    undoPlans: listPlans(deps.db, { instanceId: owner })
      .filter((p) => p.undoOf === planId)
      .map(link),
    undoes: undone ? link(undone) : null,
    ...splitLinks(deps.db, planId),
  };
}

async function applyApproved(
  deps: PlansServiceDeps,
  running: RunningApplies,
  planId: string,
): Promise<Out<'plans:applyApproved'>> {
  instanceOfPlan(deps, planId);
  const { rest } = splitUnapproved(deps.db, { planId, actor: actorForPlan(deps, planId) });
  const job = await startApply(deps, running, planId);
  return { job, rest: rest ? { id: rest.id, title: rest.title, operations: rest.operations.length } : null };
}

function approve(deps: PlansServiceDeps, input: In<'plans:approve'>): Out<'plans:approve'> {
  const { planId, operationIds, note, reason, secondApprover } = input;
  const instanceId = instanceOfPlan(deps, planId);
  const { fourEyes } = requireAdministratorName(deps);
  const approver = deps.administrator(instanceId);
  const plan = operationIds
    ? approveOperations(deps.db, { planId, operationIds, approver, reason, secondApprover, fourEyes })
    : approvePlan(deps.db, { planId, approver }).plan;
  const needOwnApproval = plan.operations.filter((o) => o.privileged && !o.approval);
  // The plans backend takes no note; the trail keeps it next to the approval it explains.
  if (note?.trim())
    appendAudit(deps.db, {
      actor: approver,
      action: 'plan.approval_note',
      subject: `plan:${planId}`,
      instanceId,
      details: { note: note.trim(), operations: operationIds ?? 'plan' },
    });
  return { plan, needOwnApproval };
}

/** Approvals are recorded under the administrator's own name: set once in Settings, never the OS login. */
function requireAdministratorName(deps: PlansServiceDeps) {
  const settings = deps.instances.settings();
  if (!settings.administratorName) {
    const message = 'Enter your own name in Settings first: approvals are recorded under it, not the computer login.';
    throw new AppError('VALIDATION', message, [{ path: ['administratorName'], message }]);
  }
  return settings;
}

function exportPlan(deps: PlansServiceDeps, planId: string, format: 'json' | 'csv'): Out<'plans:export'> {
  const actor = actorForPlan(deps, planId);
  const plan = getPlan(deps.db, planId);
  const text =
    format === 'json' ? exportPlanJson(deps.db, { planId, actor }) : exportPlanCsv(deps.db, { planId, actor });
  return {
    filename: `plan-${slug(plan.title)}-${plan.id.slice(0, 8)}.${format}`,
    mime: format === 'json' ? 'application/json' : 'text/csv',
    text,
  };
}

/** The contract bounds shapes; the plans schema knows the vocabulary. Its refusal is VALIDATION. */
function checkOperation(op: unknown): OperationInput {
  const r = operationInputSchema.safeParse(op);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'operation'}: ${i.message}`);
    throw validation(`Invalid operation: ${issues.join('; ')}`);
  }
  return r.data;
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'plan'
  );
}
