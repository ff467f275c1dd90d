/** Mirrored programs (Level 1 records) and the UTA role assignments on them. */
import type { DB } from '../db/open';
import type { ProgramAssignmentRow, ProgramRow } from '../../src-preload/contract';

export type { ProgramAssignmentRow, ProgramRow };

export function listPrograms(db: DB, instanceId: string, options: { includeRemoved?: boolean } = {}): ProgramRow[] {
  const rows = db
    .prepare(
      `SELECT g.id, g.name, g.status, g.type, g.owner_id AS ownerId, o.first_name || ' ' || o.last_name AS ownerName,
         coalesce(a.assignments, 0) AS assignments, coalesce(a.people, 0) AS people, g.deleted_at IS NOT NULL AS removed
       FROM mirror_programs g
       LEFT JOIN mirror_people o ON o.instance_id = g.instance_id AND o.id = g.owner_id
       LEFT JOIN (
         SELECT program_id, count(*) AS assignments, count(DISTINCT person_id) AS people FROM mirror_program_assignments
         WHERE instance_id = ? AND deleted_at IS NULL GROUP BY program_id
       ) a ON a.program_id = g.id
       WHERE g.instance_id = ? ${options.includeRemoved ? '' : 'AND g.deleted_at IS NULL'}
       ORDER BY g.name COLLATE NOCASE, g.id`,
    )
    .all(instanceId, instanceId) as (Omit<ProgramRow, 'removed'> & { removed: number })[];
  return rows.map((r) => ({ ...r, removed: r.removed === 1 }));
}

export function listProgramAssignments(db: DB, instanceId: string, programId: number): ProgramAssignmentRow[] {
  return db
    .prepare(
      `SELECT a.association_id AS associationId, a.program_id AS programId, a.person_id AS personId,
         p.first_name || ' ' || p.last_name AS personName, a.role_id AS roleId, coalesce(r.name, a.role_name) AS roleName
       FROM mirror_program_assignments a
       LEFT JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id
       LEFT JOIN mirror_roles r ON r.instance_id = a.instance_id AND r.id = a.role_id
       WHERE a.instance_id = ? AND a.program_id = ? AND a.deleted_at IS NULL
       ORDER BY roleName COLLATE NOCASE, personName COLLATE NOCASE, a.association_id`,
    )
    .all(instanceId, programId) as ProgramAssignmentRow[];
}
