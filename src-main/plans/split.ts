/**
 * "Apply the approved operations": a plan in review with only part of it approved is split. The
 * operations not approved yet move to a new draft (their own trail entries link the two plans
 * both ways), and what stays is all approved, so the plan becomes 'approved' and applies normally.
 */
import { appendAudit, listAudit } from '../audit-trail';
import type { DB } from '../db/open';
import { conflict, validation } from '../errors/app-error';
import { afterEdit, createPlan, getPlan, requirePlan } from './plans';
import { getPlanRow, listOperationRows, moveOperations, setPlanState } from './store/plans-store';
import type { LinkedPlan } from '../../src-preload/contract';
import type { PlanWithOperations } from './types';
import { actorSchema } from './types';

const MAX_TITLE = 200;
const subject = (planId: string) => `plan:${planId}`;

export interface SplitResult {
  /** The plan that keeps the approved operations, now 'approved'. */
  plan: PlanWithOperations;
  /** The new draft with the rest, or null when nothing was left to split off. */
  rest: PlanWithOperations | null;
}

function restTitle(title: string): string {
  const t = `${title} (not approved yet)`;
  return t.length <= MAX_TITLE ? t : 'Operations not approved yet (split from a plan)';
}

export function splitUnapproved(db: DB, input: { planId: string; actor: string }): SplitResult {
  const actor = actorSchema.parse(input.actor);
  const restId = db.transaction(() => {
    const row = requirePlan(db, input.planId);
    if (row.state !== 'in_review' && row.state !== 'approved')
      throw conflict(`Only a plan in review can be split; this plan is ${row.state.replace('_', ' ')}.`);
    const rows = listOperationRows(db, row.id);
    const approved = rows.filter((r) => r.approved_by !== null);
    const rest = rows.filter((r) => r.approved_by === null);
    if (approved.length === 0)
      throw validation('No operation of this plan is approved yet: approve the ones to apply first.');
    if (rest.length === 0) return null;
    const at = new Date().toISOString();
    const { plan: draft } = createPlan(db, {
      instanceId: row.instance_id,
      title: restTitle(row.title),
      description: `The operations of "${row.title}" that were not approved when its approved part was applied.`,
      origin: row.origin,
      createdBy: actor,
    });
    moveOperations(
      db,
      rest.map((r) => r.id),
      draft.id,
      at,
    );
    afterEdit(db, row, at);
    afterEdit(db, requirePlan(db, draft.id), at);
    const stillApproved = listOperationRows(db, row.id).every((r) => r.approved_by !== null);
    if (!stillApproved) throw conflict('The approvals changed while the plan was split: nothing was moved.');
    setPlanState(db, row.id, 'approved', at);
    const moved = rest.map((r) => r.id);
    appendAudit(db, {
      actor,
      action: 'plan.split',
      subject: subject(row.id),
      instanceId: row.instance_id,
      details: { into: draft.id, intoTitle: draft.title, moved, kept: approved.length },
    });
    appendAudit(db, {
      actor,
      action: 'plan.split_from',
      subject: subject(draft.id),
      instanceId: row.instance_id,
      details: { from: row.id, fromTitle: row.title, moved },
    });
    return draft.id;
  })();
  return { plan: getPlan(db, input.planId), rest: restId ? getPlan(db, restId) : null };
}

/** The plans a plan's trail links it to by a split: those split off it, and the one it was split from. */
export function splitLinks(db: DB, planId: string): { splitInto: LinkedPlan[]; splitFrom: LinkedPlan | null } {
  const linked = (id: unknown): LinkedPlan[] => {
    const r = typeof id === 'string' ? getPlanRow(db, id) : undefined;
    return r ? [{ id: r.id, title: r.title, state: r.state }] : [];
  };
  const into = listAudit(db, { subject: subject(planId), action: 'plan.split', limit: 100 }).entries.flatMap((e) =>
    linked(e.details['into']),
  );
  const from = listAudit(db, { subject: subject(planId), action: 'plan.split_from', limit: 1 }).entries.flatMap((e) =>
    linked(e.details['from']),
  );
  return { splitInto: into, splitFrom: from[0] ?? null };
}
