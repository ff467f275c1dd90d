/**
 * What the lifecycle templates read from the mirror beyond the mirror service (a program's holders
 * of a role, people with their access, an organization's people, direct reports), and the reasons
 * they keep beside the operations they put in plans.
 */
import type { DB } from '../../db/open';
import type { OperationReason } from '../../../src-preload/contract';

export interface TemplatePerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  title: string | null;
  department: string | null;
  companyId: number | null;
  organization: string | null;
  isExternal: boolean;
  accessType: string | null;
  status: string | null;
  managerId: number | null;
}

const PERSON_COLUMNS = `p.id, p.first_name AS firstName, p.last_name AS lastName, p.email, p.title, p.department,
  p.company_id AS companyId, o.name AS organization, p.is_external AS isExternal, p.access_type AS accessType,
  p.status, p.manager_id AS managerId`;
const PERSON_FROM = `mirror_people p LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id`;

type PersonRow = Omit<TemplatePerson, 'isExternal'> & { isExternal: number };
const toPerson = (r: PersonRow): TemplatePerson => ({ ...r, isExternal: r.isExternal === 1 });

/** Live people by id (those not in the mirror are left out). */
export function peopleByIds(db: DB, instanceId: string, ids: readonly number[]): TemplatePerson[] {
  const stmt = db.prepare(
    `SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE p.instance_id = ? AND p.id = ? AND p.deleted_at IS NULL`,
  );
  return ids.flatMap((id) => {
    const row = stmt.get(instanceId, id) as PersonRow | undefined;
    return row ? [toPerson(row)] : [];
  });
}

/** The live people of an organization, and of every organization under it when asked. */
export function peopleOfOrganization(
  db: DB,
  instanceId: string,
  organizationId: number,
  deep: boolean,
): TemplatePerson[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE tree(id) AS (
         SELECT ? UNION SELECT o.id FROM mirror_organizations o JOIN tree t ON o.parent_id = t.id
         WHERE o.instance_id = ? AND o.deleted_at IS NULL AND ?)
       SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM}
       WHERE p.instance_id = ? AND p.deleted_at IS NULL AND p.company_id IN (SELECT id FROM tree) ORDER BY p.id`,
    )
    .all(organizationId, instanceId, deep ? 1 : 0, instanceId) as PersonRow[];
  return rows.map(toPerson);
}

/** Live people whose manager is one of `managerIds`. */
export function directReports(db: DB, instanceId: string, managerIds: readonly number[]): TemplatePerson[] {
  const stmt = db.prepare(
    `SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE p.instance_id = ? AND p.manager_id = ? AND p.deleted_at IS NULL ORDER BY p.id`,
  );
  return managerIds.flatMap((m) => (stmt.all(instanceId, m) as PersonRow[]).map(toPerson));
}

/** Who holds `roleId` on `programId` now (live assignments of live people). */
export function programRoleHolders(db: DB, instanceId: string, programId: number, roleId: number): TemplatePerson[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT ${PERSON_COLUMNS} FROM mirror_program_assignments a
       JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id AND p.deleted_at IS NULL
       LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       WHERE a.instance_id = ? AND a.program_id = ? AND a.role_id = ? AND a.deleted_at IS NULL ORDER BY p.id`,
    )
    .all(instanceId, programId, roleId) as PersonRow[];
  return rows.map(toPerson);
}

/** The organizations by name (lower-cased, trimmed), for rows that name theirs. */
export function organizationIdsByName(db: DB, instanceId: string): Map<string, number> {
  const rows = db
    .prepare('SELECT id, name FROM mirror_organizations WHERE instance_id = ? AND deleted_at IS NULL ORDER BY id')
    .all(instanceId) as { id: number; name: string }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = r.name.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!out.has(key)) out.set(key, r.id);
  }
  return out;
}

export function insertReasons(
  db: DB,
  planId: string,
  template: 'roster' | 'mover' | 'offboard',
  reasons: readonly { operationId: number; step: string; reason: string }[],
): void {
  const stmt = db.prepare(
    `INSERT INTO lifecycle_operation_reasons (operation_id, plan_id, template, step, reason) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (operation_id) DO UPDATE SET template = excluded.template, step = excluded.step, reason = excluded.reason`,
  );
  for (const r of reasons) stmt.run(r.operationId, planId, template, r.step.slice(0, 200), r.reason.slice(0, 1000));
}

export function reasonsOfPlan(db: DB, planId: string): OperationReason[] {
  return db
    .prepare(
      `SELECT r.operation_id AS operationId, r.template, r.step, r.reason FROM lifecycle_operation_reasons r
       JOIN plan_operations o ON o.id = r.operation_id WHERE r.plan_id = ? ORDER BY o.seq`,
    )
    .all(planId) as OperationReason[];
}
