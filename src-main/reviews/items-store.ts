/**
 * Review items in SQLite: written once when a campaign is made, then filtered, paged and counted.
 * The filter is the one the list, the bulk decisions and the workbook all use.
 */
import type { DB } from '../db/open';
import type {
  ReviewCounts,
  ReviewDecision,
  ReviewItem,
  ReviewItemFilter,
  ReviewItemKind,
  ReviewReason,
  RiskBand,
} from '../../src-preload/contract';
import type { BuiltItem } from './build-items';

export function insertItems(db: DB, campaignId: string, items: readonly BuiltItem[]): void {
  const insert = db.prepare(
    `INSERT INTO review_items (campaign_id, kind, person_id, role_id, program_id, person_name, email, title, department,
       organization, is_external, reviewer_id, reviewer_name, target, privileged, risk_score, risk_band, last_sign_in,
       recommendation, confidence, reasons, reason_codes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const i of items)
    insert.run(
      campaignId,
      i.kind,
      i.personId,
      i.roleId,
      i.programId,
      i.person.name,
      i.person.email,
      i.person.title,
      i.person.department,
      i.person.organization,
      i.person.isExternal ? 1 : 0,
      i.reviewer?.id ?? null,
      i.reviewer?.name ?? null,
      i.target,
      i.privileged ? 1 : 0,
      i.riskScore,
      i.riskBand,
      i.lastSignIn,
      i.recommendation,
      i.confidence,
      JSON.stringify(i.reasons),
      `,${[...new Set(i.reasons.map((r) => r.code))].join(',')},`,
    );
}

export interface ItemDbRow {
  id: number;
  kind: ReviewItemKind;
  person_id: number;
  role_id: number | null;
  program_id: number | null;
  person_name: string;
  email: string;
  title: string | null;
  department: string | null;
  organization: string | null;
  is_external: number;
  reviewer_id: number | null;
  reviewer_name: string | null;
  target: string;
  privileged: number;
  risk_score: number | null;
  risk_band: RiskBand;
  last_sign_in: string | null;
  recommendation: ReviewDecision;
  confidence: number;
  reasons: string;
  stage: number;
  decision: ReviewDecision | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  decision_source: ReviewItem['decisionSource'];
  action_id: number | null;
}

export const toItem = (r: ItemDbRow): ReviewItem => ({
  id: r.id,
  kind: r.kind,
  personId: r.person_id,
  personName: r.person_name,
  email: r.email,
  title: r.title,
  department: r.department,
  organization: r.organization,
  isExternal: r.is_external === 1,
  reviewer: r.reviewer_id === null ? null : { id: r.reviewer_id, name: r.reviewer_name ?? `Person ${r.reviewer_id}` },
  roleId: r.role_id,
  programId: r.program_id,
  target: r.target,
  privileged: r.privileged === 1,
  riskScore: r.risk_score,
  riskBand: r.risk_band,
  lastSignIn: r.last_sign_in,
  recommendation: r.recommendation,
  confidence: r.confidence,
  reasons: JSON.parse(r.reasons) as ReviewReason[],
  stage: r.stage,
  decision: r.decision,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
  decisionSource: r.decision_source,
});

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause of a filter over one campaign (and, unless told otherwise, its current stage). */
export function itemWhere(
  campaignId: string,
  stage: number,
  f: ReviewItemFilter = {},
): { where: string; params: unknown[] } {
  const where = ['i.campaign_id = ?'];
  const params: unknown[] = [campaignId];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (f.currentStage !== false) add('i.stage = ?', stage);
  if (f.kinds?.length) add('i.kind IN (SELECT value FROM json_each(?))', JSON.stringify(f.kinds));
  if (f.recommendation) add('i.recommendation = ?', f.recommendation);
  if (f.decision === 'undecided') add('i.decision IS NULL');
  else if (f.decision === 'decided') add('i.decision IS NOT NULL');
  else if (f.decision === 'overridden') add('i.decision IS NOT NULL AND i.decision <> i.recommendation');
  else if (f.decision) add('i.decision = ?', f.decision);
  if (f.risk?.length) add('i.risk_band IN (SELECT value FROM json_each(?))', JSON.stringify(f.risk));
  if (f.reasons?.length)
    add(
      `(${f.reasons.map(() => "i.reason_codes LIKE ? ESCAPE '\\'").join(' OR ')})`,
      ...f.reasons.map((r) => `%,${likeEscape(r)},%`),
    );
  if (f.privileged !== undefined) add('i.privileged = ?', f.privileged ? 1 : 0);
  if (f.side) add('i.is_external = ?', f.side === 'external' ? 1 : 0);
  if (f.department) add("lower(coalesce(i.department, '')) = lower(?)", f.department);
  if (f.reviewerId === 0) add('i.reviewer_id IS NULL');
  else if (f.reviewerId !== undefined) add('i.reviewer_id = ?', f.reviewerId);
  if (f.personId !== undefined) add('i.person_id = ?', f.personId);
  for (const word of (f.search ?? '').split(/\s+/).filter(Boolean)) {
    const like = `%${likeEscape(word)}%`;
    add(
      "(i.person_name LIKE ? ESCAPE '\\' OR i.email LIKE ? ESCAPE '\\' OR i.target LIKE ? ESCAPE '\\')",
      like,
      like,
      like,
    );
  }
  return { where: where.join(' AND '), params };
}

const ORDER = {
  attention: `(i.recommendation = 'revoke') DESC, CASE i.risk_band WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
    coalesce(i.risk_score, 0) DESC, i.person_name, i.person_id, i.kind, i.target, i.id`,
  person: 'i.person_name, i.person_id, i.kind, i.target, i.id',
  risk: 'coalesce(i.risk_score, -1) DESC, i.person_name, i.person_id, i.kind, i.id',
} as const;

export function queryItems(
  db: DB,
  clause: { where: string; params: unknown[] },
  page: { sort?: keyof typeof ORDER | undefined; offset?: number | undefined; limit?: number | undefined },
): { total: number; rows: ReviewItem[] } {
  const total = db
    .prepare(`SELECT count(*) FROM review_items i WHERE ${clause.where}`)
    .pluck()
    .get(...clause.params) as number;
  const rows = db
    .prepare(
      `SELECT i.* FROM review_items i WHERE ${clause.where} ORDER BY ${ORDER[page.sort ?? 'attention']} LIMIT ? OFFSET ?`,
    )
    .all(...clause.params, page.limit ?? 200, page.offset ?? 0) as ItemDbRow[];
  return { total, rows: rows.map(toItem) };
}

/** Ids (and what a decision needs) of every item a filter selects. */
export function selectItems(
  db: DB,
  clause: { where: string; params: unknown[] },
): {
  id: number;
  recommendation: ReviewDecision;
  decision: ReviewDecision | null;
  action_id: number | null;
  stage: number;
}[] {
  return db
    .prepare(
      `SELECT i.id, i.recommendation, i.decision, i.action_id, i.stage FROM review_items i WHERE ${clause.where}`,
    )
    .all(...clause.params) as {
    id: number;
    recommendation: ReviewDecision;
    decision: ReviewDecision | null;
    action_id: number | null;
    stage: number;
  }[];
}

export function countItems(db: DB, clause: { where: string; params: unknown[] }): ReviewCounts {
  return db
    .prepare(
      `SELECT count(*) AS items, count(DISTINCT i.person_id) AS people,
         coalesce(sum(i.decision IS NOT NULL), 0) AS decided, coalesce(sum(i.decision = 'keep'), 0) AS keep,
         coalesce(sum(i.decision = 'revoke'), 0) AS revoke, coalesce(sum(i.recommendation = 'revoke'), 0) AS recommendedRevoke,
         coalesce(sum(i.decision IS NOT NULL AND i.decision <> i.recommendation), 0) AS overridden
       FROM review_items i WHERE ${clause.where}`,
    )
    .get(...clause.params) as ReviewCounts;
}

/** Every item of a campaign, in the report's order (person, then kind and name). */
export function allItems(db: DB, campaignId: string): ReviewItem[] {
  return (
    db
      .prepare(`SELECT i.* FROM review_items i WHERE i.campaign_id = ? ORDER BY ${ORDER.person}`)
      .all(campaignId) as ItemDbRow[]
  ).map(toItem);
}

export function reviewersOf(
  db: DB,
  campaignId: string,
  stage: number,
): { id: number; name: string; items: number; decided: number }[] {
  return db
    .prepare(
      `SELECT coalesce(reviewer_id, 0) AS id, coalesce(reviewer_name, 'The administrator') AS name, count(*) AS items,
         coalesce(sum(decision IS NOT NULL), 0) AS decided
       FROM review_items WHERE campaign_id = ? AND stage = ? GROUP BY coalesce(reviewer_id, 0) ORDER BY name`,
    )
    .all(campaignId, stage) as { id: number; name: string; items: number; decided: number }[];
}

export function departmentsOf(db: DB, campaignId: string): string[] {
  return db
    .prepare(
      'SELECT DISTINCT department FROM review_items WHERE campaign_id = ? AND department IS NOT NULL ORDER BY department',
    )
    .pluck()
    .all(campaignId) as string[];
}

export function getItemRows(db: DB, campaignId: string, ids: readonly number[]): ReviewItem[] {
  return (
    db
      .prepare('SELECT i.* FROM review_items i WHERE i.campaign_id = ? AND i.id IN (SELECT value FROM json_each(?))')
      .all(campaignId, JSON.stringify(ids)) as ItemDbRow[]
  ).map(toItem);
}

/** The action each item's current decision came from (null: undecided). */
export function actionIdsOf(db: DB, ids: readonly number[]): Map<number, number | null> {
  const rows = db
    .prepare('SELECT id, action_id FROM review_items WHERE id IN (SELECT value FROM json_each(?))')
    .raw(true)
    .all(JSON.stringify(ids)) as [number, number | null][];
  return new Map(rows);
}
