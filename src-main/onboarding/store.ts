/** The mirror reads onboarding needs beyond the mirror service: who holds which profile role and program assignment. */
import type { DB } from '../db/open';

export function roleHoldingsOf(db: DB, instanceId: string, personIds: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>(personIds.map((id) => [id, []]));
  const stmt = db.prepare('SELECT role_id AS roleId FROM mirror_role_holdings WHERE instance_id = ? AND person_id = ?');
  for (const id of personIds)
    out.set(
      id,
      (stmt.all(instanceId, id) as { roleId: number }[]).map((r) => r.roleId),
    );
  return out;
}

export interface AssignmentHolding {
  programId: number;
  roleId: number;
}

export function assignmentsOf(
  db: DB,
  instanceId: string,
  personIds: readonly number[],
): Map<number, AssignmentHolding[]> {
  const out = new Map<number, AssignmentHolding[]>();
  const stmt = db.prepare(
    `SELECT program_id AS programId, role_id AS roleId FROM mirror_program_assignments
     WHERE instance_id = ? AND person_id = ? AND deleted_at IS NULL`,
  );
  for (const id of personIds) out.set(id, stmt.all(instanceId, id) as AssignmentHolding[]);
  return out;
}
