/**
 * Deciding: one item or every item a filter selects, keep, revoke, "as recommended" or clear;
 * each action recorded with who, when and why, and undone exactly until the sign-off. Closing a
 * stage gives undecided items the campaign's default and sends the kept ones to the next stage.
 */
import type { DecideResult, ReviewDecision, ReviewItemFilter } from '../../src-preload/contract';
import { REVIEW_ITEM_KIND_LABELS, REVIEW_REASON_LABELS } from '../../src-preload/contract';
import { appendAudit } from '../audit-trail';
import { conflict, notFound, validation } from '../errors/app-error';
import { plural } from '../investigate/model';
import type { CampaignRecord } from './campaigns-store';
import { setCurrentStage } from './campaigns-store';
import { campaignOf, nowOf, type ReviewsServiceDeps } from './deps';
import {
  getAction,
  moveKeptItems,
  recordAction,
  undoAction,
  type DecisionSource,
  type ItemChange,
} from './decisions-store';
import { countItems, itemWhere, selectItems } from './items-store';

type Decision = 'keep' | 'revoke' | 'recommendation' | 'clear';

export function requireActive(c: CampaignRecord): void {
  if (c.state !== 'active')
    throw conflict(
      `The campaign is ${c.state === 'signed_off' ? 'signed off' : 'cancelled'}: its decisions are final.`,
    );
}

/** A filter in words, for the action's record and the audit trail. */
export function describeFilter(f: ReviewItemFilter): string {
  const parts: string[] = [];
  if (f.kinds?.length) parts.push(f.kinds.map((k) => REVIEW_ITEM_KIND_LABELS[k].toLowerCase()).join(' or '));
  if (f.recommendation) parts.push(`recommended ${f.recommendation}`);
  if (f.decision) parts.push(f.decision === 'overridden' ? 'decided against the recommendation' : f.decision);
  if (f.risk?.length) parts.push(`${f.risk.join(' or ')} risk`);
  if (f.reasons?.length) parts.push(f.reasons.map((r) => REVIEW_REASON_LABELS[r].toLowerCase()).join(' or '));
  if (f.privileged !== undefined) parts.push(f.privileged ? 'privileged' : 'not privileged');
  if (f.side) parts.push(f.side);
  if (f.department) parts.push(`department ${f.department}`);
  if (f.reviewerId !== undefined) parts.push(f.reviewerId === 0 ? "the administrator's" : `reviewer ${f.reviewerId}`);
  if (f.personId !== undefined) parts.push(`person ${f.personId}`);
  if (f.search) parts.push(`matching "${f.search}"`);
  return parts.length === 0 ? 'every item of the stage' : `items: ${parts.join('; ')}`;
}

function changesFor(rows: ReturnType<typeof selectItems>, decision: Decision): ItemChange[] {
  const out: ItemChange[] = [];
  for (const r of rows) {
    const next: ReviewDecision | null =
      decision === 'recommendation' ? r.recommendation : decision === 'clear' ? null : decision;
    if (next === r.decision) continue;
    out.push({ itemId: r.id, decision: next, previousActionId: r.action_id });
  }
  return out;
}

export interface DecideInput {
  campaignId: string;
  itemIds?: number[] | undefined;
  filter?: ReviewItemFilter | undefined;
  decision: Decision;
  reason?: string | undefined;
}

export function decide(deps: ReviewsServiceDeps, input: DecideInput, source?: DecisionSource): DecideResult {
  const c = campaignOf(deps, input.campaignId);
  requireActive(c);
  const by = deps.administrator(c.instanceId);
  const at = nowOf(deps).toISOString();
  return deps.db.transaction((): DecideResult => {
    const clause = input.itemIds
      ? {
          where: 'i.campaign_id = ? AND i.id IN (SELECT value FROM json_each(?))',
          params: [c.id, JSON.stringify(input.itemIds)],
        }
      : itemWhere(c.id, c.currentStage, { ...input.filter, currentStage: true });
    const rows = selectItems(deps.db, clause);
    if (input.itemIds) {
      if (rows.length !== new Set(input.itemIds).size) throw notFound('An item of the campaign');
      if (rows.some((r) => r.stage !== c.currentStage))
        throw conflict(
          `Only items of the current stage (${c.currentStage}) can be decided; earlier stages are closed.`,
        );
    }
    const changes = changesFor(rows, input.decision);
    const counts = () => countItems(deps.db, itemWhere(c.id, c.currentStage));
    if (changes.length === 0) return { action: null, changed: 0, counts: counts() };
    const selection = input.itemIds
      ? plural(input.itemIds.length, 'item') + ' chosen'
      : `${describeFilter(input.filter ?? {})} (${plural(rows.length, 'item')})`;
    const reason = input.reason?.trim() || null;
    const actionId = recordAction(
      deps.db,
      {
        campaignId: c.id,
        stage: c.currentStage,
        decision: input.decision,
        source: source ?? (input.itemIds && input.itemIds.length === 1 ? 'reviewer' : 'bulk'),
        by,
        at,
        reason,
        selection,
      },
      changes,
    );
    appendAudit(deps.db, {
      actor: by,
      action: 'review.decided',
      subject: `review:${c.id}`,
      instanceId: c.instanceId,
      at,
      details: { actionId, stage: c.currentStage, decision: input.decision, items: changes.length, selection, reason },
    });
    return { action: getAction(deps.db, c.id, actionId) ?? null, changed: changes.length, counts: counts() };
  })();
}

export function undo(deps: ReviewsServiceDeps, campaignId: string, actionId: number): DecideResult {
  const c = campaignOf(deps, campaignId);
  requireActive(c);
  const action = getAction(deps.db, c.id, actionId);
  if (!action) throw notFound('The decision');
  if (action.undoneAt) throw conflict(`That decision was undone already, by ${action.undoneBy}.`);
  if (action.stage !== c.currentStage) throw conflict('That decision belongs to a closed stage.');
  const by = deps.administrator(c.instanceId);
  const at = nowOf(deps).toISOString();
  return deps.db.transaction((): DecideResult => {
    const restored = undoAction(deps.db, actionId, by, at);
    appendAudit(deps.db, {
      actor: by,
      action: 'review.decision_undone',
      subject: `review:${c.id}`,
      instanceId: c.instanceId,
      at,
      details: { actionId, restored, selection: action.selection },
    });
    return {
      action: getAction(deps.db, c.id, actionId) ?? null,
      changed: restored,
      counts: countItems(deps.db, itemWhere(c.id, c.currentStage)),
    };
  })();
}

/** Undecided items of the current stage take the campaign's default; returns how many. Inside a transaction. */
export function applyDefault(deps: ReviewsServiceDeps, c: CampaignRecord, by: string, at: string): number {
  const rows = selectItems(deps.db, itemWhere(c.id, c.currentStage, { decision: 'undecided' }));
  if (rows.length === 0) return 0;
  const decision = c.defaultDecision === 'recommendation' ? 'recommendation' : c.defaultDecision;
  const changes = changesFor(rows, decision);
  const reason = `Nobody decided it; the campaign's default (${c.defaultDecision === 'recommendation' ? 'the recommendation' : c.defaultDecision}) applies.`;
  recordAction(
    deps.db,
    {
      campaignId: c.id,
      stage: c.currentStage,
      decision,
      source: 'default',
      by,
      at,
      reason,
      selection: 'every undecided item',
    },
    changes,
  );
  return changes.length;
}

export function advanceStage(deps: ReviewsServiceDeps, campaignId: string): void {
  const c = campaignOf(deps, campaignId);
  requireActive(c);
  if (c.currentStage >= c.stages.length)
    throw validation(`Stage ${c.currentStage} is the last one: sign the campaign off instead.`);
  const by = deps.administrator(c.instanceId);
  const at = nowOf(deps).toISOString();
  deps.db.transaction(() => {
    const defaulted = applyDefault(deps, c, by, at);
    const counts = countItems(deps.db, itemWhere(c.id, c.currentStage));
    const moved = moveKeptItems(deps.db, c.id, c.currentStage, c.currentStage + 1);
    setCurrentStage(deps.db, c.id, c.currentStage + 1);
    appendAudit(deps.db, {
      actor: by,
      action: 'review.stage_closed',
      subject: `review:${c.id}`,
      instanceId: c.instanceId,
      at,
      details: {
        stage: c.currentStage,
        name: c.stages[c.currentStage - 1]?.name,
        defaulted,
        keep: counts.keep,
        revoke: counts.revoke,
        nextStage: c.currentStage + 1,
        moved,
      },
    });
  })();
}
