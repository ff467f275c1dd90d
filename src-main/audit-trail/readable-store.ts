/**
 * The trail as an administrator reads it: filtered (who, kind, plan, dates, words) and paged, with
 * the names its entries point at (plan titles, people, roles) read now from the plans and the
 * mirror. The chained rows are never changed: names are resolved at read time.
 */
import type { AuditKind, AuditTrailQuery } from '../../src-preload/contract';
import type { DB } from '../db/open';
import type { AuditRow } from './trail-store';

export const KIND_ACTIONS: Record<AuditKind, string[]> = {
  plans: ['plan.created', 'plan.edited', 'plan.submitted', 'plan.discarded', 'plan.undo_created'],
  approvals: ['plan.approved', 'plan.approval_revoked', 'plan.approval_note'],
  apply: ['plan.apply_started', 'plan.apply_resumed', 'plan.applied'],
  exchange: ['plan.exported', 'plan.imported', 'evidence.exported'],
  settings: ['settings.changed'],
  roles: ['role.privileged_set'],
};

export interface TrailRow extends AuditRow {
  plan_id: string | null;
  plan_title: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(q: AuditTrailQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.instanceId !== undefined) {
    where.push('(a.instance_id = ? OR a.instance_id IS NULL)');
    params.push(q.instanceId);
  }
  if (q.actor) {
    where.push('a.actor = ?');
    params.push(q.actor);
  }
  if (q.kind) {
    const actions = KIND_ACTIONS[q.kind];
    where.push(`a.action IN (${actions.map(() => '?').join(', ')})`);
    params.push(...actions);
  }
  if (q.planId) {
    where.push('a.subject = ?');
    params.push(`plan:${q.planId}`);
  }
  if (q.from) {
    where.push('a.at >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('a.at < ?');
    params.push(nextDay(q.to));
  }
  const words = (q.q ?? '').trim();
  if (words) {
    const like = `%${escapeLike(words)}%`;
    where.push(`(a.actor LIKE ? ESCAPE '\\' OR a.action LIKE ? ESCAPE '\\' OR a.details LIKE ? ESCAPE '\\'
      OR p.title LIKE ? ESCAPE '\\' OR EXISTS (
        SELECT 1 FROM plan_operations o JOIN mirror_people m ON m.instance_id = p.instance_id AND m.id = o.person_id
        WHERE o.plan_id = p.id AND (m.first_name || ' ' || m.last_name) LIKE ? ESCAPE '\\'))`);
    params.push(like, like, like, like, like);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const FROM = "FROM audit_trail a LEFT JOIN plans p ON a.subject = 'plan:' || p.id";

export function queryTrail(db: DB, q: AuditTrailQuery, page: number, pageSize: number) {
  const { sql, params } = whereOf(q);
  const total = db
    .prepare(`SELECT count(*) ${FROM} ${sql}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT a.*, p.id AS plan_id, p.title AS plan_title ${FROM} ${sql} ORDER BY a.seq DESC LIMIT ? OFFSET ?`)
    .all(...params, pageSize, page * pageSize) as TrailRow[];
  return { total, rows };
}

export function trailActors(db: DB): string[] {
  return db.prepare('SELECT DISTINCT actor FROM audit_trail ORDER BY actor COLLATE NOCASE').pluck().all() as string[];
}

export function trailPlans(db: DB, instanceId?: string): { id: string; title: string }[] {
  return db
    .prepare(`SELECT id, title FROM plans WHERE (? IS NULL OR instance_id = ?) ORDER BY created_at DESC LIMIT 500`)
    .all(instanceId ?? null, instanceId ?? null) as { id: string; title: string }[];
}

/** Operation id -> the person's name and the operation's kind and params, for the entries shown. */
export function operationNames(
  db: DB,
  planIds: string[],
): Map<number, { person: string | null; kind: string; params: string; planId: string }> {
  const out = new Map<number, { person: string | null; kind: string; params: string; planId: string }>();
  if (planIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT o.id, o.plan_id, o.kind, o.params, trim(m.first_name || ' ' || m.last_name) AS person
         FROM plan_operations o JOIN plans p ON p.id = o.plan_id
         LEFT JOIN mirror_people m ON m.instance_id = p.instance_id AND m.id = o.person_id
        WHERE o.plan_id IN (${planIds.map(() => '?').join(', ')})`,
    )
    .all(...planIds) as { id: number; plan_id: string; kind: string; params: string; person: string | null }[];
  for (const r of rows) out.set(r.id, { person: r.person || null, kind: r.kind, params: r.params, planId: r.plan_id });
  return out;
}

/** Role id -> name, for the instances shown. */
export function roleNames(db: DB, instanceIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (instanceIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT instance_id, id, name FROM mirror_roles WHERE instance_id IN (${instanceIds.map(() => '?').join(', ')})`,
    )
    .all(...instanceIds) as { instance_id: string; id: number; name: string }[];
  for (const r of rows) out.set(`${r.instance_id}:${r.id}`, r.name);
  return out;
}
