/** Campaigns in SQLite (table review_campaigns, migration 12) and their workbook exports. */
import type { DB } from '../db/open';
import type {
  CampaignState,
  ReviewDefault,
  ReviewItemKind,
  ReviewRecurrence,
  ReviewScope,
  ReviewStage,
  SignOffSummary,
} from '../../src-preload/contract';

export interface CampaignRecord {
  id: string;
  instanceId: string;
  seriesId: string;
  sequence: number;
  name: string;
  scope: ReviewScope;
  itemKinds: ReviewItemKind[];
  stages: ReviewStage[];
  currentStage: number;
  defaultDecision: ReviewDefault;
  recurrence: ReviewRecurrence;
  dueOn: string;
  state: CampaignState;
  asOf: string;
  scanId: number | null;
  /** The settings the recommendations were made with (dormant days, peer group size, scan time). */
  settings: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  closeReason: string | null;
  planId: string | null;
  signOff: SignOffSummary | null;
  nextStartOn: string | null;
  nextCampaignId: string | null;
}

interface CampaignDbRow {
  id: string;
  instance_id: string;
  series_id: string;
  sequence: number;
  name: string;
  scope: string;
  item_kinds: string;
  stages: string;
  current_stage: number;
  default_decision: ReviewDefault;
  recurrence: ReviewRecurrence;
  due_on: string;
  state: CampaignState;
  as_of: string;
  scan_id: number | null;
  settings: string;
  created_by: string;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
  close_reason: string | null;
  plan_id: string | null;
  sign_off: string | null;
  next_start_on: string | null;
  next_campaign_id: string | null;
}

const toRecord = (r: CampaignDbRow): CampaignRecord => ({
  id: r.id,
  instanceId: r.instance_id,
  seriesId: r.series_id,
  sequence: r.sequence,
  name: r.name,
  scope: JSON.parse(r.scope) as ReviewScope,
  itemKinds: JSON.parse(r.item_kinds) as ReviewItemKind[],
  stages: JSON.parse(r.stages) as ReviewStage[],
  currentStage: r.current_stage,
  defaultDecision: r.default_decision,
  recurrence: r.recurrence,
  dueOn: r.due_on,
  state: r.state,
  asOf: r.as_of,
  scanId: r.scan_id,
  settings: JSON.parse(r.settings) as Record<string, unknown>,
  createdBy: r.created_by,
  createdAt: r.created_at,
  closedBy: r.closed_by,
  closedAt: r.closed_at,
  closeReason: r.close_reason,
  planId: r.plan_id,
  signOff: r.sign_off ? (JSON.parse(r.sign_off) as SignOffSummary) : null,
  nextStartOn: r.next_start_on,
  nextCampaignId: r.next_campaign_id,
});

export type NewCampaign = Omit<
  CampaignRecord,
  'currentStage' | 'state' | 'closedBy' | 'closedAt' | 'closeReason' | 'planId' | 'signOff' | 'nextCampaignId'
>;

export function insertCampaign(db: DB, c: NewCampaign): void {
  db.prepare(
    `INSERT INTO review_campaigns (id, instance_id, series_id, sequence, name, scope, item_kinds, stages, default_decision,
       recurrence, due_on, state, as_of, scan_id, settings, created_by, created_at, next_start_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.instanceId,
    c.seriesId,
    c.sequence,
    c.name,
    JSON.stringify(c.scope),
    JSON.stringify(c.itemKinds),
    JSON.stringify(c.stages),
    c.defaultDecision,
    c.recurrence,
    c.dueOn,
    c.asOf,
    c.scanId,
    JSON.stringify(c.settings),
    c.createdBy,
    c.createdAt,
    c.nextStartOn,
  );
}

export function getCampaignRecord(db: DB, id: string): CampaignRecord | undefined {
  const row = db.prepare('SELECT * FROM review_campaigns WHERE id = ?').get(id) as CampaignDbRow | undefined;
  return row ? toRecord(row) : undefined;
}

export function listCampaignRecords(db: DB, instanceId: string): CampaignRecord[] {
  return (
    db
      .prepare('SELECT * FROM review_campaigns WHERE instance_id = ? ORDER BY created_at DESC, rowid DESC')
      .all(instanceId) as CampaignDbRow[]
  ).map(toRecord);
}

export function setCurrentStage(db: DB, id: string, stage: number): void {
  db.prepare('UPDATE review_campaigns SET current_stage = ? WHERE id = ?').run(stage, id);
}

export function closeCampaign(
  db: DB,
  id: string,
  c: { state: Exclude<CampaignState, 'active'>; by: string; at: string; reason: string | null },
): void {
  db.prepare(
    `UPDATE review_campaigns SET state = ?, closed_by = ?, closed_at = ?, close_reason = ? WHERE id = ? AND state = 'active'`,
  ).run(c.state, c.by, c.at, c.reason, id);
}

export function saveSignOff(db: DB, id: string, planId: string | null, summary: SignOffSummary): void {
  db.prepare('UPDATE review_campaigns SET plan_id = ?, sign_off = ? WHERE id = ?').run(
    planId,
    JSON.stringify(summary),
    id,
  );
}

/** Signed-off quarterly campaigns whose next one is due and not started yet. */
export function dueRecurrences(db: DB, instanceId: string, today: string): CampaignRecord[] {
  return (
    db
      .prepare(
        `SELECT * FROM review_campaigns WHERE instance_id = ? AND recurrence = 'quarterly' AND state = 'signed_off'
           AND next_campaign_id IS NULL AND next_start_on IS NOT NULL AND next_start_on <= ? ORDER BY created_at`,
      )
      .all(instanceId, today) as CampaignDbRow[]
  ).map(toRecord);
}

export function linkNextCampaign(db: DB, id: string, nextId: string): void {
  db.prepare('UPDATE review_campaigns SET next_campaign_id = ? WHERE id = ?').run(nextId, id);
}

export function previousCampaignId(db: DB, id: string): string | null {
  return (
    (db.prepare('SELECT id FROM review_campaigns WHERE next_campaign_id = ?').pluck().get(id) as string | undefined) ??
    null
  );
}

export function planStates(db: DB, planIds: readonly string[]): Map<string, { title: string; state: string }> {
  if (planIds.length === 0) return new Map();
  const rows = db
    .prepare('SELECT id, title, state FROM plans WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(planIds)) as { id: string; title: string; state: string }[];
  return new Map(rows.map((r) => [r.id, { title: r.title, state: r.state }]));
}

export function recordExport(
  db: DB,
  e: {
    campaignId: string;
    stage: number;
    format: 'xlsx' | 'csv';
    contentHash: string;
    items: number;
    by: string;
    at: string;
  },
): void {
  db.prepare(
    'INSERT INTO review_exports (campaign_id, stage, format, content_hash, items, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(e.campaignId, e.stage, e.format, e.contentHash, e.items, e.by, e.at);
}

export function findExport(db: DB, campaignId: string, contentHash: string): { stage: number; at: string } | undefined {
  return db
    .prepare('SELECT stage, at FROM review_exports WHERE campaign_id = ? AND content_hash = ? ORDER BY id DESC LIMIT 1')
    .get(campaignId, contentHash) as { stage: number; at: string } | undefined;
}
