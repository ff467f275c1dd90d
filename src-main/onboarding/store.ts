/** The mirror reads onboarding needs beyond the mirror service: role and program holdings, the e-mail domains of each organization. */
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

/** How many live people of an organization write from an e-mail domain. */
export interface DomainCount {
  organizationId: number;
  domain: string;
  people: number;
}

export function organizationDomains(db: DB, instanceId: string): DomainCount[] {
  return db
    .prepare(
      `SELECT company_id AS organizationId, lower(substr(email, instr(email, '@') + 1)) AS domain, COUNT(*) AS people
       FROM mirror_people
       WHERE instance_id = ? AND deleted_at IS NULL AND company_id IS NOT NULL AND instr(email, '@') > 0
       GROUP BY company_id, domain`,
    )
    .all(instanceId) as DomainCount[];
}
