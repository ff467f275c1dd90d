/**
 * Decisions in SQLite: each action (who, when, why, what it selected) and one row per item it
 * changed, holding the action the item's decision came from before, so an undo restores exactly
 * what was there (items decided again since are left alone). Runs inside the caller's transaction.
 */
import type { DB } from '../db/open';
import type { ReviewAction, ReviewDecision } from '../../src-preload/contract';

export type DecisionSource = ReviewAction['source'];

export interface NewAction {
  campaignId: string;
  stage: number;
  decision: ReviewAction['decision'];
  source: DecisionSource;
  by: string;
  at: string;
  reason: string | null;
  selection: string;
}

export interface ItemChange {
  itemId: number;
  decision: ReviewDecision | null;
  /** The action the item's decision came from before this one (null: undecided). */
  previousActionId: number | null;
}

/** Writes the action and its decisions, and sets each item's current decision. */
export function recordAction(db: DB, a: NewAction, changes: readonly ItemChange[]): number {
  const actionId = Number(
    db
      .prepare(
        `INSERT INTO review_actions (campaign_id, stage, decision, source, by, at, reason, selection, items)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.campaignId, a.stage, a.decision, a.source, a.by, a.at, a.reason, a.selection, changes.length)
      .lastInsertRowid,
  );
  const row = db.prepare(
    'INSERT INTO review_decisions (action_id, item_id, stage, decision, reason, previous_action_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const set = db.prepare(
    `UPDATE review_items SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?, decision_source = ?,
       action_id = ? WHERE id = ?`,
  );
  for (const c of changes) {
    row.run(actionId, c.itemId, a.stage, c.decision, a.reason, c.previousActionId);
    if (c.decision === null) set.run(null, null, null, null, null, null, c.itemId);
    else set.run(c.decision, a.by, a.at, a.reason, a.source, actionId, c.itemId);
  }
  return actionId;
}

interface ActionDbRow {
  id: number;
  stage: number;
  decision: ReviewAction['decision'];
  source: DecisionSource;
  by: string;
  at: string;
  reason: string | null;
  selection: string;
  items: number;
  undone_by: string | null;
  undone_at: string | null;
}

const toAction = (r: ActionDbRow): ReviewAction => ({
  id: r.id,
  stage: r.stage,
  decision: r.decision,
  source: r.source,
  by: r.by,
  at: r.at,
  reason: r.reason,
  selection: r.selection,
  items: r.items,
  undoneBy: r.undone_by,
  undoneAt: r.undone_at,
});

export function listActions(db: DB, campaignId: string, limit = 200): ReviewAction[] {
  return (
    db
      .prepare('SELECT * FROM review_actions WHERE campaign_id = ? ORDER BY id DESC LIMIT ?')
      .all(campaignId, limit) as ActionDbRow[]
  ).map(toAction);
}

export function getAction(db: DB, campaignId: string, actionId: number): ReviewAction | undefined {
  const row = db.prepare('SELECT * FROM review_actions WHERE campaign_id = ? AND id = ?').get(campaignId, actionId) as
    ActionDbRow | undefined;
  return row ? toAction(row) : undefined;
}

/**
 * Undoes an action: each item it decided that still holds its decision goes back to the decision
 * it had before (or to undecided). Returns how many items were restored.
 */
export function undoAction(db: DB, actionId: number, by: string, at: string): number {
  const rows = db
    .prepare(
      `SELECT d.item_id AS itemId, d.previous_action_id AS previous FROM review_decisions d
       JOIN review_items i ON i.id = d.item_id AND i.action_id IS ? WHERE d.action_id = ?`,
    )
    .all(actionId, actionId) as { itemId: number; previous: number | null }[];
  const before = db.prepare(
    `SELECT d.decision, a.by, a.at, d.reason, a.source FROM review_decisions d JOIN review_actions a ON a.id = d.action_id
     WHERE d.action_id = ? AND d.item_id = ?`,
  );
  const set = db.prepare(
    `UPDATE review_items SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?, decision_source = ?,
       action_id = ? WHERE id = ?`,
  );
  for (const r of rows) {
    const prev =
      r.previous === null
        ? undefined
        : (before.get(r.previous, r.itemId) as
            | { decision: ReviewDecision | null; by: string; at: string; reason: string | null; source: DecisionSource }
            | undefined);
    if (!prev || prev.decision === null) set.run(null, null, null, null, null, null, r.itemId);
    else set.run(prev.decision, prev.by, prev.at, prev.reason, prev.source, r.previous, r.itemId);
  }
  db.prepare('UPDATE review_actions SET undone_by = ?, undone_at = ? WHERE id = ?').run(by, at, actionId);
  return rows.length;
}

/** Closing a stage: the items kept in it go on to the next stage, undecided. */
export function moveKeptItems(db: DB, campaignId: string, from: number, to: number): number {
  return db
    .prepare(
      `UPDATE review_items SET stage = ?, decision = NULL, decided_by = NULL, decided_at = NULL, decision_reason = NULL,
         decision_source = NULL, action_id = NULL
       WHERE campaign_id = ? AND stage = ? AND decision = 'keep'`,
    )
    .run(to, campaignId, from).changes;
}

/** Every decision ever recorded in a campaign, oldest first (the report's trail). */
export function decisionHistory(
  db: DB,
  campaignId: string,
): {
  actionId: number;
  itemId: number;
  stage: number;
  decision: ReviewDecision | null;
  by: string;
  at: string;
  source: DecisionSource;
  reason: string | null;
  undone: boolean;
}[] {
  return (
    db
      .prepare(
        `SELECT d.action_id AS actionId, d.item_id AS itemId, d.stage, d.decision, a.by, a.at, a.source, d.reason,
           (a.undone_at IS NOT NULL) AS undone
         FROM review_decisions d JOIN review_actions a ON a.id = d.action_id
         WHERE a.campaign_id = ? ORDER BY d.action_id, d.item_id`,
      )
      .all(campaignId) as {
      actionId: number;
      itemId: number;
      stage: number;
      decision: ReviewDecision | null;
      by: string;
      at: string;
      source: DecisionSource;
      reason: string | null;
      undone: number;
    }[]
  ).map((r) => ({ ...r, undone: r.undone === 1 }));
}
