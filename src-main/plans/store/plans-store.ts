/** Plans and their operations as rows: plain functions taking the database first. */
import type { DB } from '../../db/open';
import type {
  ApplySummary,
  FieldMap,
  OperationKind,
  OperationSource,
  Plan,
  PlanOrigin,
  PlanState,
  Risk,
  RiskReason,
} from '../types';

export interface PlanRow {
  id: string;
  instance_id: string;
  title: string;
  description: string;
  state: PlanState;
  origin: PlanOrigin;
  undo_of: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  revision: number;
  applied_by: string | null;
  apply_started_at: string | null;
  apply_finished_at: string | null;
  result: string | null;
}

export interface OperationRow {
  id: number;
  plan_id: string;
  seq: number;
  kind: OperationKind;
  person_id: number | null;
  params: string;
  before: string;
  after: string;
  risk: Risk;
  risk_reasons: string;
  privileged: number;
  source: OperationSource;
  ai_suggestion_id: string | null;
  approved_by: string | null;
  approved_at: string | null;
  approval_scope: 'operation' | 'plan' | 'import' | null;
  approval_reason: string | null;
  approval_recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

export function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    instanceId: r.instance_id,
    title: r.title,
    description: r.description,
    state: r.state,
    origin: r.origin,
    undoOf: r.undo_of,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
    appliedBy: r.applied_by,
    applyStartedAt: r.apply_started_at,
    applyFinishedAt: r.apply_finished_at,
    result: r.result ? (JSON.parse(r.result) as ApplySummary) : null,
  };
}

export function insertPlan(
  db: DB,
  p: {
    id: string;
    instanceId: string;
    title: string;
    description: string;
    origin: PlanOrigin;
    undoOf: string | null;
    createdBy: string;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO plans (id, instance_id, title, description, state, origin, undo_of, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
  ).run(p.id, p.instanceId, p.title, p.description, p.origin, p.undoOf, p.createdBy, p.at, p.at);
}

export function getPlanRow(db: DB, planId: string): PlanRow | undefined {
  return db.prepare('SELECT * FROM plans WHERE id = ?').get(planId) as PlanRow | undefined;
}

export interface PlanListRow extends PlanRow {
  operations: number;
  people: number;
  approved: number;
  privileged: number;
  /** The highest operation risk: 3 high, 2 medium, 1 low, null without operations. */
  risk_rank: number | null;
}

export function listPlanRows(
  db: DB,
  filter: { instanceId: string; states?: readonly PlanState[]; limit?: number },
): PlanListRow[] {
  const states = filter.states && filter.states.length > 0 ? filter.states : undefined;
  return db
    .prepare(
      `SELECT p.*,
         (SELECT count(*) FROM plan_operations o WHERE o.plan_id = p.id) AS operations,
         (SELECT count(DISTINCT coalesce(o.person_id, -o.id)) FROM plan_operations o WHERE o.plan_id = p.id) AS people,
         (SELECT count(*) FROM plan_operations o WHERE o.plan_id = p.id AND o.approved_by IS NOT NULL) AS approved,
         (SELECT count(*) FROM plan_operations o WHERE o.plan_id = p.id AND o.privileged = 1) AS privileged,
         (SELECT max(CASE o.risk WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)
            FROM plan_operations o WHERE o.plan_id = p.id) AS risk_rank
       FROM plans p WHERE p.instance_id = ? ${states ? `AND p.state IN (${states.map(() => '?').join(',')})` : ''}
       ORDER BY p.updated_at DESC, p.id LIMIT ?`,
    )
    .all(filter.instanceId, ...(states ?? []), Math.min(Math.max(1, filter.limit ?? 200), 1000)) as PlanListRow[];
}

export function setPlanState(
  db: DB,
  planId: string,
  state: PlanState,
  at: string,
  extra: { appliedBy?: string; applyStartedAt?: string; applyFinishedAt?: string; result?: ApplySummary } = {},
): void {
  db.prepare(
    `UPDATE plans SET state = ?, updated_at = ?,
       applied_by = coalesce(?, applied_by), apply_started_at = coalesce(?, apply_started_at),
       apply_finished_at = coalesce(?, apply_finished_at), result = coalesce(?, result)
     WHERE id = ?`,
  ).run(
    state,
    at,
    extra.appliedBy ?? null,
    extra.applyStartedAt ?? null,
    extra.applyFinishedAt ?? null,
    extra.result ? JSON.stringify(extra.result) : null,
    planId,
  );
}

export function savePlanResult(db: DB, planId: string, result: ApplySummary): void {
  db.prepare('UPDATE plans SET result = ? WHERE id = ?').run(JSON.stringify(result), planId);
}

/** An edit: new revision, new updated_at, and title/description when given. */
export function touchPlan(
  db: DB,
  planId: string,
  at: string,
  text: { title?: string; description?: string } = {},
): void {
  db.prepare(
    'UPDATE plans SET revision = revision + 1, updated_at = ?, title = coalesce(?, title), description = coalesce(?, description) WHERE id = ?',
  ).run(at, text.title ?? null, text.description ?? null, planId);
}

export interface NewOperationRow {
  planId: string;
  kind: OperationKind;
  personId: number | null;
  params: Record<string, unknown>;
  before: FieldMap;
  after: FieldMap;
  risk: Risk;
  reasons: RiskReason[];
  privileged: boolean;
  source: OperationSource;
  aiSuggestionId: string | null;
  at: string;
}

export function insertOperation(db: DB, op: NewOperationRow): number {
  const seq =
    (db
      .prepare('SELECT coalesce(max(seq), 0) + 1 FROM plan_operations WHERE plan_id = ?')
      .pluck()
      .get(op.planId) as number) ?? 1;
  return Number(
    db
      .prepare(
        `INSERT INTO plan_operations (plan_id, seq, kind, person_id, params, before, after, risk, risk_reasons, privileged, source, ai_suggestion_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        op.planId,
        seq,
        op.kind,
        op.personId,
        JSON.stringify(op.params),
        JSON.stringify(op.before),
        JSON.stringify(op.after),
        op.risk,
        JSON.stringify(op.reasons),
        op.privileged ? 1 : 0,
        op.source,
        op.aiSuggestionId,
        op.at,
        op.at,
      ).lastInsertRowid,
  );
}

/** Replaces what an operation does; its approval goes with the old content. */
export function replaceOperation(db: DB, id: number, op: Omit<NewOperationRow, 'planId'>): void {
  db.prepare(
    `UPDATE plan_operations SET kind = ?, person_id = ?, params = ?, before = ?, after = ?, risk = ?, risk_reasons = ?, privileged = ?, source = ?,
       ai_suggestion_id = ?, updated_at = ?, approved_by = NULL, approved_at = NULL, approval_scope = NULL, approval_reason = NULL, approval_recorded_by = NULL WHERE id = ?`,
  ).run(
    op.kind,
    op.personId,
    JSON.stringify(op.params),
    JSON.stringify(op.before),
    JSON.stringify(op.after),
    op.risk,
    JSON.stringify(op.reasons),
    op.privileged ? 1 : 0,
    op.source,
    op.aiSuggestionId,
    op.at,
    id,
  );
}

/**
 * Rewrites a risk that changed (a plan grew past the bulk threshold, a role was flagged). An
 * operation that became privileged loses an approval it only had from the whole plan.
 */
export function updateOperationRisk(
  db: DB,
  id: number,
  risk: { risk: Risk; reasons: RiskReason[]; privileged: boolean },
): void {
  db.prepare(
    `UPDATE plan_operations SET risk = ?, risk_reasons = ?, privileged = ?,
       approved_by = CASE WHEN ? = 1 AND approval_scope = 'plan' THEN NULL ELSE approved_by END,
       approved_at = CASE WHEN ? = 1 AND approval_scope = 'plan' THEN NULL ELSE approved_at END,
       approval_scope = CASE WHEN ? = 1 AND approval_scope = 'plan' THEN NULL ELSE approval_scope END
     WHERE id = ?`,
  ).run(
    risk.risk,
    JSON.stringify(risk.reasons),
    risk.privileged ? 1 : 0,
    risk.privileged ? 1 : 0,
    risk.privileged ? 1 : 0,
    risk.privileged ? 1 : 0,
    id,
  );
}

export function deleteOperation(db: DB, id: number): void {
  db.prepare('DELETE FROM plan_operations WHERE id = ?').run(id);
}

export function countOperations(db: DB, planId: string): number {
  return db.prepare('SELECT count(*) FROM plan_operations WHERE plan_id = ?').pluck().get(planId) as number;
}

export function listOperationRows(db: DB, planId: string): OperationRow[] {
  return db.prepare('SELECT * FROM plan_operations WHERE plan_id = ? ORDER BY seq').all(planId) as OperationRow[];
}

/** The named operations of a plan (an id of another plan's operation is not among them), in plan order. */
export function getOperationRows(db: DB, planId: string, ids: readonly number[]): OperationRow[] {
  if (ids.length === 0) return [];
  return db
    .prepare('SELECT * FROM plan_operations WHERE plan_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY seq')
    .all(planId, JSON.stringify(ids)) as OperationRow[];
}

/** How many operations the plan has, and how many of them wait for an approval. */
export function approvalCounts(db: DB, planId: string): { total: number; unapproved: number } {
  return db
    .prepare(
      'SELECT count(*) AS total, coalesce(sum(approved_by IS NULL), 0) AS unapproved FROM plan_operations WHERE plan_id = ?',
    )
    .get(planId) as { total: number; unapproved: number };
}

export function setApproval(
  db: DB,
  ids: readonly number[],
  approval: {
    by: string;
    at: string;
    scope: 'operation' | 'plan' | 'import';
    reason?: string | null;
    recordedBy?: string | null;
  } | null,
): void {
  const stmt = db.prepare(
    `UPDATE plan_operations SET approved_by = ?, approved_at = ?, approval_scope = ?, approval_reason = ?,
       approval_recorded_by = ? WHERE id = ?`,
  );
  for (const id of ids)
    stmt.run(
      approval?.by ?? null,
      approval?.at ?? null,
      approval?.scope ?? null,
      approval?.reason ?? null,
      approval?.recordedBy ?? null,
      id,
    );
}

/** Other open plans of the instance that touch these people: person id -> plan ids and titles. */
export function openPlansTouching(
  db: DB,
  instanceId: string,
  excludePlanId: string,
  personIds: readonly number[],
): Map<number, { planId: string; title: string }[]> {
  const out = new Map<number, { planId: string; title: string }[]>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT DISTINCT o.person_id AS personId, p.id AS planId, p.title FROM plan_operations o JOIN plans p ON p.id = o.plan_id
         WHERE p.instance_id = ? AND p.id <> ? AND p.state IN ('draft', 'in_review', 'approved', 'applying')
           AND o.person_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(instanceId, excludePlanId, ...chunk) as { personId: number; planId: string; title: string }[];
    for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), { planId: r.planId, title: r.title }]);
  }
  return out;
}

/** Moves operations to another plan of the same instance (their seq stays unique: it was in the old one). */
export function moveOperations(db: DB, ids: readonly number[], toPlanId: string, at: string): void {
  const stmt = db.prepare('UPDATE plan_operations SET plan_id = ?, updated_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(toPlanId, at, id);
}
