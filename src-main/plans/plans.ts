/**
 * Plans: create, list, read, edit, submit, discard. Every change is one SQLite transaction with
 * its audit trail entry. Editing an operation clears its approval (the administrator approved
 * what it was, not what it became), and an approved plan that is edited goes back to review.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit-trail';
import type { DB } from '../db/open';
import {
  deleteOperation,
  getPlanRow,
  insertOperation,
  insertPlan,
  listOperationRows,
  listPlanRows,
  replaceOperation,
  setPlanState,
  toPlan,
  touchPlan,
  updateOperationRisk,
  type PlanRow,
} from './store/plans-store';
import { getMirrorPeople } from './store/mirror-reads';
import { AppError, conflict, notFound, validation } from '../errors/app-error';
import { planOperation, type PlannedOperation } from './operations';
import { claimsOf, loadCatalogue, loadPeopleContext, plannedOrganizationsOf, toOperation } from './planning-context';
import { BULK_PEOPLE_THRESHOLD, assessRisk } from './risk';
import type { Operation, OperationInput, PlanOrigin, PlanState, PlanSummary, PlanWithOperations } from './types';
import { EDITABLE_STATES, actorSchema, operationInputSchema } from './types';
import type { PlanChange, RejectedOperation } from '../../src-preload/contract';

export type { PlanChange, RejectedOperation };

const nowIso = () => new Date().toISOString();
const subject = (planId: string) => `plan:${planId}`;

export function requirePlan(db: DB, planId: string): PlanRow {
  const row = getPlanRow(db, planId);
  if (!row) throw notFound(`Plan ${planId}`);
  return row;
}

export function requireEditable(row: PlanRow): void {
  if (!EDITABLE_STATES.includes(row.state))
    throw conflict(`The plan is ${row.state.replace('_', ' ')}: it can no longer be edited.`);
}

export interface CreatePlanInput {
  instanceId: string;
  title: string;
  description?: string;
  origin?: PlanOrigin;
  createdBy: string;
  undoOf?: string | null;
  operations?: OperationInput[];
}

export function createPlan(db: DB, input: CreatePlanInput): PlanChange {
  const actor = actorSchema.parse(input.createdBy);
  const title = input.title.trim();
  if (!title) throw validation('A plan needs a title.');
  const id = randomUUID();
  let rejected: RejectedOperation[] = [];
  db.transaction(() => {
    insertPlan(db, {
      id,
      instanceId: input.instanceId,
      title,
      description: input.description ?? '',
      origin: input.origin ?? 'manual',
      undoOf: input.undoOf ?? null,
      createdBy: actor,
      at: nowIso(),
    });
    appendAudit(db, {
      actor,
      action: 'plan.created',
      subject: subject(id),
      instanceId: input.instanceId,
      details: { title, origin: input.origin ?? 'manual', undoOf: input.undoOf ?? null },
    });
    if (input.operations && input.operations.length > 0)
      rejected = insertPlanned(db, requirePlan(db, id), actor, input.operations);
  })();
  return { plan: getPlan(db, id), rejected };
}

export function listPlans(db: DB, filter: { instanceId: string; states?: PlanState[]; limit?: number }): PlanSummary[] {
  return listPlanRows(db, filter).map((r) => ({
    ...toPlan(r),
    operations: r.operations,
    people: r.people,
    approved: r.approved,
    privileged: r.privileged,
    risk: r.risk_rank === 3 ? 'high' : r.risk_rank === 2 ? 'medium' : r.risk_rank === 1 ? 'low' : null,
  }));
}

export function getPlan(db: DB, planId: string): PlanWithOperations {
  const row = requirePlan(db, planId);
  const catalogue = loadCatalogue(db, row.instance_id);
  return { ...toPlan(row), operations: listOperationRows(db, planId).map((r) => toOperation(r, catalogue)) };
}

/** Adds operations (by hand, or from a builder). Inputs that cannot be planned are returned, not thrown. */
export function addOperations(
  db: DB,
  input: { planId: string; actor: string; operations: OperationInput[] },
): PlanChange {
  const actor = actorSchema.parse(input.actor);
  let rejected: RejectedOperation[] = [];
  db.transaction(() => {
    const row = requirePlan(db, input.planId);
    requireEditable(row);
    rejected = insertPlanned(db, row, actor, input.operations);
  })();
  return { plan: getPlan(db, input.planId), rejected };
}

/** Plans `inputs` against the mirror and stores those that work. Runs inside the caller's transaction. */
function insertPlanned(db: DB, row: PlanRow, actor: string, inputs: OperationInput[]): RejectedOperation[] {
  const parsed: { index: number; value: ReturnType<typeof operationInputSchema.parse> }[] = [];
  const rejected: RejectedOperation[] = [];
  inputs.forEach((raw, index) => {
    const r = operationInputSchema.safeParse(raw);
    if (r.success) parsed.push({ index, value: r.data });
    else
      rejected.push({
        index,
        message: r.error.issues.map((i) => `${i.path.join('.') || 'operation'}: ${i.message}`).join('; '),
      });
  });
  const ctx = loadPeopleContext(
    db,
    row.instance_id,
    parsed.map((p) => p.value),
    undefined,
    plannedOrganizationsOf(listOperationRows(db, row.id)),
  );
  const candidates: { index: number; planned: PlannedOperation; person?: PlannedOperation['before'] | undefined }[] =
    [];
  for (const { index, value } of parsed) {
    let planned: PlannedOperation;
    try {
      planned = planOperation(value, ctx.contextFor(value));
    } catch (e) {
      if (e instanceof AppError) {
        rejected.push({ index, message: e.message });
        continue;
      }
      throw e;
    }
    const person = planned.personId === null ? undefined : ctx.people.get(planned.personId)?.fields;
    candidates.push({ index, planned, person });
  }
  rejected.push(...storePlanned(db, row, actor, candidates, ctx.roles));
  return rejected.sort((a, b) => a.index - b.index);
}

/**
 * Stores operations already planned (by a builder, or by undo from the journal): refuses those
 * that claim what another operation of the plan claims, assesses risk, records the edit.
 * Runs inside the caller's transaction.
 */
export function storePlanned(
  db: DB,
  row: PlanRow,
  actor: string,
  candidates: readonly { index: number; planned: PlannedOperation; person?: PlannedOperation['before'] | undefined }[],
  roles: ReturnType<typeof loadCatalogue>['roles'],
): RejectedOperation[] {
  const rejected: RejectedOperation[] = [];
  const claimed = new Set(
    listOperationRows(db, row.id).flatMap((r) =>
      claimsOf({
        kind: r.kind,
        personId: r.person_id,
        params: JSON.parse(r.params) as Record<string, unknown>,
        before: JSON.parse(r.before) as PlannedOperation['before'],
        after: JSON.parse(r.after) as PlannedOperation['after'],
      }),
    ),
  );
  const at = nowIso();
  let added = 0;
  for (const { index, planned, person } of candidates) {
    const claims = claimsOf(planned);
    if (claims.some((c) => claimed.has(c))) {
      rejected.push({
        index,
        message: 'Another operation of this plan already changes the same thing for this person.',
      });
      continue;
    }
    const { refused, ...risk } = assessRisk(planned, { roles, person, bulk: false });
    if (refused) {
      rejected.push({ index, message: `The approval policy refuses this operation: ${refused}` });
      continue;
    }
    for (const c of claims) claimed.add(c);
    insertOperation(db, { planId: row.id, ...planned, ...risk, at });
    added++;
  }
  if (added > 0) {
    afterEdit(db, row, at);
    appendAudit(db, {
      actor,
      action: 'plan.edited',
      subject: subject(row.id),
      instanceId: row.instance_id,
      details: { added, rejected: rejected.length },
    });
  }
  return rejected;
}

/** Re-plans one operation from the current mirror; its approval is cleared. */
export function editOperation(
  db: DB,
  input: { planId: string; operationId: number; actor: string; operation: OperationInput },
): Operation {
  const actor = actorSchema.parse(input.actor);
  db.transaction(() => {
    const row = requirePlan(db, input.planId);
    requireEditable(row);
    const rows = listOperationRows(db, row.id);
    const current = rows.find((r) => r.id === input.operationId);
    if (!current) throw notFound(`Operation ${input.operationId} of this plan`);
    const value = operationInputSchema.parse(input.operation);
    const ctx = loadPeopleContext(
      db,
      row.instance_id,
      [value],
      undefined,
      plannedOrganizationsOf(rows.filter((r) => r.id !== current.id)),
    );
    const planned = planOperation(value, ctx.contextFor(value));
    const others = new Set(
      rows
        .filter((r) => r.id !== current.id)
        .flatMap((r) =>
          claimsOf({
            kind: r.kind,
            personId: r.person_id,
            params: JSON.parse(r.params) as Record<string, unknown>,
            before: JSON.parse(r.before) as PlannedOperation['before'],
            after: JSON.parse(r.after) as PlannedOperation['after'],
          }),
        ),
    );
    if (claimsOf(planned).some((c) => others.has(c)))
      throw conflict('Another operation of this plan already changes the same thing for this person.');
    const person = planned.personId === null ? undefined : ctx.people.get(planned.personId)?.fields;
    const at = nowIso();
    const { refused, ...risk } = assessRisk(planned, { roles: ctx.roles, person, bulk: false });
    if (refused) throw new AppError('FORBIDDEN', `The approval policy refuses this operation: ${refused}`);
    replaceOperation(db, current.id, { ...planned, ...risk, at });
    afterEdit(db, row, at);
    appendAudit(db, {
      actor,
      action: 'plan.edited',
      subject: subject(row.id),
      instanceId: row.instance_id,
      details: {
        edited: current.id,
        approvalCleared: current.approved_by !== null,
        from: { kind: current.kind, after: JSON.parse(current.after) as unknown },
        to: { kind: planned.kind, after: planned.after },
      },
    });
  })();
  const op = getPlan(db, input.planId).operations.find((o) => o.id === input.operationId);
  if (!op) throw notFound(`Operation ${input.operationId}`);
  return op;
}

export function removeOperations(
  db: DB,
  input: { planId: string; operationIds: number[]; actor: string },
): PlanWithOperations {
  const actor = actorSchema.parse(input.actor);
  db.transaction(() => {
    const row = requirePlan(db, input.planId);
    requireEditable(row);
    const ids = new Set(listOperationRows(db, row.id).map((r) => r.id));
    const missing = input.operationIds.filter((id) => !ids.has(id));
    if (missing.length > 0) throw notFound(`Operation ${missing.join(', ')} of this plan`);
    for (const id of input.operationIds) deleteOperation(db, id);
    const at = nowIso();
    afterEdit(db, row, at);
    appendAudit(db, {
      actor,
      action: 'plan.edited',
      subject: subject(row.id),
      instanceId: row.instance_id,
      details: { removed: input.operationIds },
    });
  })();
  return getPlan(db, input.planId);
}

export function updatePlanText(
  db: DB,
  input: { planId: string; actor: string; title?: string; description?: string },
): PlanWithOperations {
  const actor = actorSchema.parse(input.actor);
  db.transaction(() => {
    const row = requirePlan(db, input.planId);
    requireEditable(row);
    if (input.title !== undefined && !input.title.trim()) throw validation('A plan needs a title.');
    touchPlan(db, row.id, nowIso(), {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
    appendAudit(db, {
      actor,
      action: 'plan.edited',
      subject: subject(row.id),
      instanceId: row.instance_id,
      details: { title: input.title, description: input.description },
    });
  })();
  return getPlan(db, input.planId);
}

/** draft -> in review: the plan is complete and waits for approvals. */
export function submitForReview(db: DB, input: { planId: string; actor: string }): PlanWithOperations {
  const actor = actorSchema.parse(input.actor);
  db.transaction(() => {
    const row = requirePlan(db, input.planId);
    if (row.state !== 'draft')
      throw conflict(`Only a draft can be submitted for review; this plan is ${row.state.replace('_', ' ')}.`);
    if (listOperationRows(db, row.id).length === 0) throw validation('The plan has no operations.');
    setPlanState(db, row.id, 'in_review', nowIso());
    appendAudit(db, {
      actor,
      action: 'plan.submitted',
      subject: subject(row.id),
      instanceId: row.instance_id,
      details: { revision: row.revision },
    });
  })();
  return getPlan(db, input.planId);
}

export function discardPlan(db: DB, input: { planId: string; actor: string; reason?: string }): PlanWithOperations {
  const actor = actorSchema.parse(input.actor);
  db.transaction(() => {
    const row = requirePlan(db, input.planId);
    requireEditable(row);
    setPlanState(db, row.id, 'discarded', nowIso());
    appendAudit(db, {
      actor,
      action: 'plan.discarded',
      subject: subject(row.id),
      instanceId: row.instance_id,
      details: { reason: input.reason ?? null },
    });
  })();
  return getPlan(db, input.planId);
}

/**
 * After any edit: a new revision; an approved plan goes back to review; and risk is reassessed
 * for every operation, since "many people at once" depends on the whole plan.
 */
export function afterEdit(db: DB, row: PlanRow, at: string): void {
  touchPlan(db, row.id, at);
  if (row.state === 'approved') setPlanState(db, row.id, 'in_review', at);
  const rows = listOperationRows(db, row.id);
  const people = new Set(rows.map((r) => r.person_id ?? `new:${r.id}`));
  const bulk = people.size > BULK_PEOPLE_THRESHOLD;
  const catalogue = loadCatalogue(db, row.instance_id);
  const mirror = getMirrorPeople(
    db,
    row.instance_id,
    rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])),
  );
  for (const r of rows) {
    const op = {
      kind: r.kind,
      params: JSON.parse(r.params) as Record<string, unknown>,
      before: JSON.parse(r.before) as PlannedOperation['before'],
      after: JSON.parse(r.after) as PlannedOperation['after'],
    };
    const person = r.person_id === null ? undefined : { ...op.before, ...mirror.get(r.person_id)?.fields };
    const risk = assessRisk(op, { roles: catalogue.roles, person, bulk });
    if (
      risk.risk !== r.risk ||
      risk.privileged !== (r.privileged === 1) ||
      JSON.stringify(risk.reasons) !== r.risk_reasons
    )
      updateOperationRisk(db, r.id, risk);
  }
}
