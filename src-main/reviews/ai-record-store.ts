/**
 * What the AI record view reads, read-only: the AI suggestion record (ai_suggestions) by kind and
 * month, and the review items of an instance's campaigns with their recommendation and the human
 * decision.
 */
import type { DB } from '../db/open';
import type { ReviewDecision, ReviewItemKind } from '../../src-preload/contract';

export interface MonthlyRow {
  kind: string;
  month: string;
  suggested: number;
  decided: number;
  accepted: number;
  overridden: number;
}

/** The AI suggestion record by kind and month: accepted as it was, or edited or rejected. */
export function suggestionMonths(db: DB, instanceId: string): MonthlyRow[] {
  return db
    .prepare(
      `SELECT kind, substr(coalesce(decided_at, created_at), 1, 7) AS month, count(*) AS suggested,
         coalesce(sum(decision IS NOT NULL), 0) AS decided, coalesce(sum(decision = 'accepted'), 0) AS accepted,
         coalesce(sum(decision IN ('edited', 'rejected')), 0) AS overridden
       FROM ai_suggestions WHERE instance_id = ? OR instance_id IS NULL GROUP BY kind, month ORDER BY month, kind`,
    )
    .all(instanceId) as MonthlyRow[];
}

/** Review recommendations by item kind and month; decisions made by people only (a default is nobody's). */
export function recommendationMonths(db: DB, instanceId: string): MonthlyRow[] {
  return db
    .prepare(
      `SELECT 'review_' || i.kind AS kind, substr(coalesce(i.decided_at, c.created_at), 1, 7) AS month, count(*) AS suggested,
         coalesce(sum(i.decision IS NOT NULL AND i.decision_source <> 'default'), 0) AS decided,
         coalesce(sum(i.decision = i.recommendation AND i.decision_source <> 'default'), 0) AS accepted,
         coalesce(sum(i.decision <> i.recommendation AND i.decision_source <> 'default'), 0) AS overridden
       FROM review_items i JOIN review_campaigns c ON c.id = i.campaign_id
       WHERE c.instance_id = ? AND c.state <> 'cancelled' GROUP BY 1, 2 ORDER BY 2, 1`,
    )
    .all(instanceId) as MonthlyRow[];
}

export interface OverrideRow {
  id: number;
  personName: string;
  target: string;
  recommendation: ReviewDecision;
  decision: ReviewDecision;
  decidedBy: string;
  decidedAt: string;
  decisionReason: string | null;
  campaignId: string;
  campaignName: string;
}

export function recentOverrides(db: DB, instanceId: string, limit: number): OverrideRow[] {
  return db
    .prepare(
      `SELECT i.id, i.person_name AS personName, i.target, i.recommendation, i.decision, i.decided_by AS decidedBy,
         i.decided_at AS decidedAt, i.decision_reason AS decisionReason, c.id AS campaignId, c.name AS campaignName
       FROM review_items i JOIN review_campaigns c ON c.id = i.campaign_id
       WHERE c.instance_id = ? AND i.decision IS NOT NULL AND i.decision <> i.recommendation AND i.decision_source <> 'default'
       ORDER BY i.decided_at DESC, i.id DESC LIMIT ?`,
    )
    .all(instanceId, limit) as OverrideRow[];
}

export interface FairnessRow {
  campaignId: string;
  signedOff: number;
  kind: ReviewItemKind;
  isExternal: number;
  department: string | null;
  recommendation: ReviewDecision;
  decision: ReviewDecision | null;
  human: number;
}

export function fairnessRows(db: DB, instanceId: string): FairnessRow[] {
  return db
    .prepare(
      `SELECT i.campaign_id AS campaignId, (c.state = 'signed_off') AS signedOff, i.kind, i.is_external AS isExternal,
         i.department, i.recommendation, i.decision,
         (i.decision IS NOT NULL AND i.decision_source <> 'default') AS human
       FROM review_items i JOIN review_campaigns c ON c.id = i.campaign_id
       WHERE c.instance_id = ? AND c.state <> 'cancelled'`,
    )
    .all(instanceId) as FairnessRow[];
}
