/** The troubleshooter's outcomes: what was checked, what it found, and the fix plan made from it. */
import type { DB } from '../db/open';
import type { HelpdeskCheckId, HelpdeskTargetKind } from '../../src-preload/contract';
import type { CheckOutcome } from './types';

export interface OutcomeRecord {
  id: number;
  instanceId: string;
  personId: number;
  personName: string;
  targetKind: HelpdeskTargetKind;
  targetId: number | null;
  targetName: string;
  /** As shown at the time, with the operation inputs the fixes would use. */
  checks: CheckOutcome[];
  failed: HelpdeskCheckId[];
  syncedAt: string | null;
  createdAt: string;
  plan: { id: string; title: string; state: string; appliedAt: string | null } | null;
}

interface OutcomeRow {
  id: number;
  instance_id: string;
  person_id: number;
  person_name: string;
  target_kind: HelpdeskTargetKind;
  target_id: number | null;
  target_name: string | null;
  checks: string;
  failed: string;
  synced_at: string | null;
  created_at: string;
  plan_id: string | null;
  plan_title: string | null;
  plan_state: string | null;
  plan_applied_at: string | null;
}

const SELECT = `SELECT o.*, p.title AS plan_title, p.state AS plan_state, p.apply_finished_at AS plan_applied_at
  FROM helpdesk_outcomes o LEFT JOIN plans p ON p.id = o.plan_id`;

function toRecord(r: OutcomeRow): OutcomeRecord {
  return {
    id: r.id,
    instanceId: r.instance_id,
    personId: r.person_id,
    personName: r.person_name,
    targetKind: r.target_kind,
    targetId: r.target_id,
    targetName: r.target_name ?? 'the portal',
    checks: JSON.parse(r.checks) as CheckOutcome[],
    failed: r.failed ? (r.failed.split(',') as HelpdeskCheckId[]) : [],
    syncedAt: r.synced_at,
    createdAt: r.created_at,
    plan:
      r.plan_id && r.plan_title && r.plan_state
        ? { id: r.plan_id, title: r.plan_title, state: r.plan_state, appliedAt: r.plan_applied_at }
        : null,
  };
}

export function insertOutcome(db: DB, o: Omit<OutcomeRecord, 'id' | 'plan'>): number {
  const info = db
    .prepare(
      `INSERT INTO helpdesk_outcomes
        (instance_id, person_id, person_name, target_kind, target_id, target_name, checks, failed, synced_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      o.instanceId,
      o.personId,
      o.personName,
      o.targetKind,
      o.targetId,
      o.targetKind === 'portal' ? null : o.targetName,
      JSON.stringify(o.checks),
      o.failed.join(','),
      o.syncedAt,
      o.createdAt,
    );
  return Number(info.lastInsertRowid);
}

export function getOutcome(db: DB, id: number): OutcomeRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OutcomeRow | undefined;
  return row && toRecord(row);
}

export function listOutcomes(
  db: DB,
  instanceId: string,
  filter: { personId?: number | undefined; limit: number },
): OutcomeRecord[] {
  const rows = (
    filter.personId === undefined
      ? db.prepare(`${SELECT} WHERE o.instance_id = ? ORDER BY o.id DESC LIMIT ?`).all(instanceId, filter.limit)
      : db
          .prepare(`${SELECT} WHERE o.instance_id = ? AND o.person_id = ? ORDER BY o.id DESC LIMIT ?`)
          .all(instanceId, filter.personId, filter.limit)
  ) as OutcomeRow[];
  return rows.map(toRecord);
}

export function setOutcomePlan(db: DB, id: number, planId: string): void {
  db.prepare('UPDATE helpdesk_outcomes SET plan_id = ? WHERE id = ?').run(planId, id);
}

/** Other outcomes for the same person and target, before this one (what was tried). */
export function earlierOutcomes(db: DB, o: OutcomeRecord, limit: number): OutcomeRecord[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE o.instance_id = ? AND o.person_id = ? AND o.target_kind = ? AND o.target_id IS ? AND o.id < ?
       ORDER BY o.id DESC LIMIT ?`,
    )
    .all(o.instanceId, o.personId, o.targetKind, o.targetId, o.id, limit) as OutcomeRow[];
  return rows.map(toRecord);
}
