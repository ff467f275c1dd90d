/**
 * The review of a plan: a diff per person (every operation, and the person's fields before and
 * after all of them), totals, warnings, and the estimate of calls against the hourly budget.
 */
import type { DB } from '../db/open';
import { getMirrorAssignments, getMirrorPeople } from './store/mirror-reads';
import { openPlansTouching } from './store/plans-store';
import type { CallBudget } from '../smartsimple/client';
import { DEFAULT_APPLY_BATCH_SIZE, DEFAULT_IDS_PER_CALL } from './apply/apply-plan';
import { estimateCalls } from './estimate';
import { applyToRecord, assignmentKey, mismatches, rolesOf } from './operations';
import { loadCatalogue } from './planning-context';
import { getPlan } from './plans';
import type { FieldMap, Operation, OperationKind, Risk } from './types';
import type { PersonDiff, PlanReview, ReviewWarning, WarningKind } from '../../src-preload/contract';

export type { PersonDiff, PlanReview, ReviewWarning, WarningKind };

export interface ReviewOptions {
  budget?: CallBudget;
  batchSize?: number;
  idsPerCall?: number;
  now?: number;
}

export function reviewPlan(db: DB, planId: string, options: ReviewOptions = {}): PlanReview {
  const plan = getPlan(db, planId);
  const { operations: ops } = plan;
  const catalogue = loadCatalogue(db, plan.instanceId);
  const personIds = [...new Set(ops.flatMap((o) => (o.personId === null ? [] : [o.personId])))];
  const mirror = getMirrorPeople(db, plan.instanceId, personIds);
  const context: WarningContext = {
    held: new Set(
      getMirrorAssignments(db, plan.instanceId, personIds).map(
        (a) => `${a.personId}:${assignmentKey(a.programId, a.roleId)}`,
      ),
    ),
    others: openPlansTouching(db, plan.instanceId, plan.id, personIds),
    roleName: (id: number) => catalogue.roles.get(id)?.name ?? `role ${id}`,
  };
  const warnings: ReviewWarning[] = [];
  const people: PersonDiff[] = [];
  for (const personOps of groupByPerson(ops)) {
    const personId = personOps[0]?.personId ?? null;
    const m = personId === null ? undefined : mirror.get(personId);
    const diff = diffPerson(personId, personOps, m);
    people.push(diff);
    warnings.push(...personWarnings(diff, m, context));
  }
  return {
    plan,
    people,
    totals: totalsOf(ops, people.length),
    warnings,
    estimate: estimateCalls(ops, {
      batchSize: options.batchSize ?? DEFAULT_APPLY_BATCH_SIZE,
      idsPerCall: options.idsPerCall ?? DEFAULT_IDS_PER_CALL,
      ...(options.budget ? { budget: options.budget } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
    }),
  };
}

type MirrorPerson = ReturnType<typeof getMirrorPeople> extends Map<number, infer P> ? P : never;

/** What the warnings of a person are checked against, loaded once for the whole plan. */
interface WarningContext {
  /** `personId:assignmentKey` of every program role the mirror holds for the plan's people. */
  held: Set<string>;
  others: ReturnType<typeof openPlansTouching>;
  roleName: (id: number) => string;
}

/** The plan's operations per person, in plan order; each person it creates is a group of its own. */
function groupByPerson(ops: Operation[]): Operation[][] {
  const groups = new Map<string, Operation[]>();
  for (const op of ops) {
    const key = op.personId === null ? `new:${op.id}` : String(op.personId);
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  return [...groups.values()];
}

function diffPerson(personId: number | null, personOps: Operation[], m: MirrorPerson | undefined): PersonDiff {
  const created = personOps.find((o) => o.kind === 'create_person');
  let before: FieldMap = {};
  for (const op of personOps) before = { ...op.before, ...before };
  let after: FieldMap = { ...before };
  for (const op of personOps)
    after = {
      ...applyToRecord(op, after),
      ...Object.fromEntries(Object.entries(op.after).filter(([k]) => k.startsWith('UTA '))),
    };
  if (created) after = { ...created.after };
  const name = m
    ? `${m.firstName} ${m.lastName}`.trim()
    : created
      ? `${created.after['sf_First Name'] ?? ''} ${created.after['sf_Last Name'] ?? ''}`.trim()
      : `person ${personId}`;
  return {
    personId,
    name,
    email: m?.email ?? created?.after['sf_Email'] ?? '',
    organization: m?.organization ?? null,
    isExternal: m?.isExternal ?? created?.after['sf_Is External'] === '1',
    operations: personOps,
    before,
    after,
  };
}

function personWarnings(diff: PersonDiff, m: MirrorPerson | undefined, context: WarningContext): ReviewWarning[] {
  const { personId, name, before, after } = diff;
  const warnings: ReviewWarning[] = [];
  if ('sf_User Role' in after && rolesOf(before).length > 0 && rolesOf(after).length === 0) {
    warnings.push({
      kind: 'loses-last-role',
      severity: 'warning',
      personId,
      operationId: null,
      message: `${name} loses their last profile role.`,
    });
  }
  if (personId !== null && context.others.has(personId)) {
    const list = context.others.get(personId) ?? [];
    warnings.push({
      kind: 'other-open-plan',
      severity: 'warning',
      personId,
      operationId: null,
      message: `${name} is also changed by ${list.map((p) => `"${p.title}"`).join(', ')}.`,
    });
  }
  for (const op of diff.operations) warnings.push(...operationWarnings(op, diff, m, context));
  return warnings;
}

function operationWarnings(
  op: Operation,
  { personId, name }: PersonDiff,
  m: MirrorPerson | undefined,
  context: WarningContext,
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  if (op.privileged) {
    const what = privilegedWhat(op, context, name);
    warnings.push({
      kind: 'privileged-grant',
      severity: 'danger',
      personId,
      operationId: op.id,
      message: `Grants ${what}: approve this operation on its own.`,
    });
  }
  if (op.riskReasons.includes('unclassified-role')) {
    warnings.push({
      kind: 'unclassified-role',
      severity: 'info',
      personId,
      operationId: op.id,
      message: `${context.roleName(op.params.roleId as number)} is not marked privileged or not yet: decide on the Roles screen.`,
    });
  }
  if (op.kind === 'create_person' || personId === null) return warnings;
  if (!m) {
    warnings.push({
      kind: 'not-in-mirror',
      severity: 'warning',
      personId,
      operationId: op.id,
      message: `${name} is no longer in the mirror (removed on the server?).`,
    });
    return warnings;
  }
  const drift = driftOf(op, personId, m, context.held);
  if (drift.length > 0) {
    const synced = mismatches(op, 'after', m.fields).length === 0;
    warnings.push({
      kind: 'mirror-drift',
      severity: 'warning',
      personId,
      operationId: op.id,
      message: synced
        ? `The mirror already shows "${op.summary}" for ${name}: it is done already, or the mirror is ahead of this plan.`
        : `The mirror changed since planning for ${name}: ${drift.join('; ')}. Apply will skip it unless the server matches the plan.`,
    });
  }
  return warnings;
}

/** What a privileged operation grants and to whom, in words (the approval policy's reasons go beyond roles). */
function privilegedWhat(op: Operation, context: WarningContext, name: string): string {
  const roleId = op.params.roleId as number | undefined;
  if (op.riskReasons.includes('admin-access')) return `administrator access to ${name}`;
  if (op.riskReasons.includes('reactivates-privileged')) return `access back to ${name}, a privileged account`;
  if (op.kind === 'set_access') return `sign-in back to ${name}, who holds a privileged or undecided role`;
  if (roleId !== undefined) return `the privileged role ${context.roleName(roleId)} to ${name}`;
  return `access the approval policy counts as privileged to ${name}`;
}

/** How the mirror differs from what the operation was planned on (program roles: held or not). */
function driftOf(op: Operation, personId: number, m: MirrorPerson, held: Set<string>): string[] {
  if (op.kind === 'add_assignment' || op.kind === 'remove_assignment') {
    const key = assignmentKey(op.params.programId as number, op.params.roleId as number);
    const has = held.has(`${personId}:${key}`);
    return has === (op.before[key] === '1') ? [] : [`the assignment is ${has ? 'there' : 'gone'}`];
  }
  return mismatches(op, 'before', m.fields);
}

function totalsOf(ops: Operation[], people: number): PlanReview['totals'] {
  const byKind: Partial<Record<OperationKind, number>> = {};
  const byRisk: Record<Risk, number> = { low: 0, medium: 0, high: 0 };
  for (const op of ops) {
    byKind[op.kind] = (byKind[op.kind] ?? 0) + 1;
    byRisk[op.risk]++;
  }
  const approved = ops.filter((o) => o.approval).length;
  return {
    operations: ops.length,
    people,
    byKind,
    byRisk,
    privileged: ops.filter((o) => o.privileged).length,
    approved,
    awaitingApproval: ops.length - approved,
    awaitingOwnApproval: ops.filter((o) => o.privileged && !o.approval).length,
    fromAi: ops.filter((o) => o.source === 'ai').length,
  };
}
