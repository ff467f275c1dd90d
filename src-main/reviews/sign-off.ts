/**
 * Closing the loop: the sign-off gives undecided items the default, then turns every revocation
 * into an operation of one draft plan (origin 'review') that goes through the normal review,
 * approval and journaled apply. A revocation the mirror no longer shows (the role was removed
 * meanwhile) is reported, not planned. Cancelling ends a campaign with nothing planned.
 */
import type { OperationInput } from '../plans/types';
import { createPlan } from '../plans';
import type { SignOffSummary } from '../../src-preload/contract';
import { appendAudit } from '../audit-trail';
import { closeCampaign, saveSignOff, type CampaignRecord } from './campaigns-store';
import { applyDefault, requireActive } from './decide';
import { campaignOf, nowOf, type ReviewsServiceDeps } from './deps';
import { allItems, countItems, itemWhere } from './items-store';
import type { ReviewItem } from '../../src-preload/contract';

/** The plan operation a revocation becomes. */
export function operationOf(item: Pick<ReviewItem, 'kind' | 'personId' | 'roleId' | 'programId'>): OperationInput {
  switch (item.kind) {
    case 'role':
      return { kind: 'remove_role', personId: item.personId, roleId: item.roleId! };
    case 'assignment':
      return { kind: 'remove_assignment', personId: item.personId, programId: item.programId!, roleId: item.roleId! };
    case 'access':
      return { kind: 'set_access', personId: item.personId, accessType: '0' };
  }
}

export function signOff(deps: ReviewsServiceDeps, campaignId: string): { planId: string | null; operations: number } {
  const c = campaignOf(deps, campaignId);
  requireActive(c);
  const by = deps.administrator(c.instanceId);
  const at = nowOf(deps).toISOString();
  return deps.db.transaction(() => {
    const defaulted = applyDefault(deps, c, by, at);
    const revoked = allItems(deps.db, c.id).filter((i) => i.decision === 'revoke');
    const counts = countItems(deps.db, itemWhere(c.id, c.currentStage, { currentStage: false }));
    let planId: string | null = null;
    const rejected: SignOffSummary['rejected'] = [];
    if (revoked.length > 0) {
      const change = createPlan(deps.db, {
        instanceId: c.instanceId,
        title: `Access review: ${c.name}`,
        description: planDescription(c, revoked.length),
        origin: 'review',
        createdBy: by,
        operations: revoked.map(operationOf),
      });
      planId = change.plan.id;
      for (const r of change.rejected) rejected.push({ itemId: revoked[r.index]!.id, message: r.message });
    }
    const summary: SignOffSummary = {
      defaulted,
      keep: counts.keep,
      revoke: counts.revoke,
      operations: revoked.length - rejected.length,
      rejected,
    };
    saveSignOff(deps.db, c.id, planId, summary);
    closeCampaign(deps.db, c.id, { state: 'signed_off', by, at, reason: null });
    appendAudit(deps.db, {
      actor: by,
      action: 'review.signed_off',
      subject: `review:${c.id}`,
      instanceId: c.instanceId,
      at,
      details: { ...summary, rejected: rejected.length, planId },
    });
    return { planId, operations: summary.operations };
  })();
}

function planDescription(c: CampaignRecord, revocations: number): string {
  return (
    `The revocations of the access review "${c.name}" (campaign ${c.id}), signed off with ${revocations} ` +
    `revocation${revocations === 1 ? '' : 's'}. Each operation removes access a reviewer decided to revoke.`
  );
}

export function cancel(deps: ReviewsServiceDeps, campaignId: string, reason: string): void {
  const c = campaignOf(deps, campaignId);
  requireActive(c);
  const by = deps.administrator(c.instanceId);
  const at = nowOf(deps).toISOString();
  deps.db.transaction(() => {
    closeCampaign(deps.db, c.id, { state: 'cancelled', by, at, reason });
    appendAudit(deps.db, {
      actor: by,
      action: 'review.cancelled',
      subject: `review:${c.id}`,
      instanceId: c.instanceId,
      at,
      details: { reason },
    });
  })();
}
