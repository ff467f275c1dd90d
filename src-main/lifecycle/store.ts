/**
 * The lifecycle capability's reads of the mirror: what the consequences of a plan are judged
 * against (live people, profile roles, program assignments), assignments to remove, ids by name.
 */
import type { DB } from '../db/open';

export interface ConsequenceFacts {
  people: Map<number, { name: string; external: boolean; active: boolean; accessNone: boolean }>;
  /** person -> profile role ids. */
  holdings: Map<number, Set<number>>;
  roles: Map<number, { name: string; privileged: boolean; utaOnly: boolean }>;
  assignments: { personId: number; programId: number; roleId: number; roleName: string }[];
  programs: Map<number, string>;
}

export function readConsequenceFacts(db: DB, instanceId: string): ConsequenceFacts {
  const people = new Map<number, { name: string; external: boolean; active: boolean; accessNone: boolean }>();
  const rows = db
    .prepare(
      `SELECT id, first_name, last_name, is_external, status, access_type FROM mirror_people
       WHERE instance_id = ? AND deleted_at IS NULL`,
    )
    .all(instanceId) as {
    id: number;
    first_name: string;
    last_name: string;
    is_external: number;
    status: string | null;
    access_type: string | null;
  }[];
  for (const r of rows)
    people.set(r.id, {
      name: `${r.first_name} ${r.last_name}`.trim() || `Person ${r.id}`,
      external: r.is_external === 1,
      active: r.status === 'Active',
      accessNone: r.access_type === '0',
    });
  const holdings = new Map<number, Set<number>>();
  const h = db.prepare('SELECT person_id, role_id FROM mirror_role_holdings WHERE instance_id = ?').all(instanceId) as {
    person_id: number;
    role_id: number;
  }[];
  for (const r of h) {
    let s = holdings.get(r.person_id);
    if (!s) holdings.set(r.person_id, (s = new Set()));
    s.add(r.role_id);
  }
  const roles = new Map(
    (
      db
        .prepare('SELECT id, name, privileged, uta_only FROM mirror_roles WHERE instance_id = ? AND deleted_at IS NULL')
        .all(instanceId) as { id: number; name: string; privileged: number | null; uta_only: number }[]
    ).map((r) => [r.id, { name: r.name, privileged: r.privileged === 1, utaOnly: r.uta_only === 1 }]),
  );
  const assignments = (
    db
      .prepare(
        `SELECT a.person_id, a.program_id, a.role_id, coalesce(a.role_name, r.name, '') AS role_name
         FROM mirror_program_assignments a
         LEFT JOIN mirror_roles r ON r.instance_id = a.instance_id AND r.id = a.role_id
         WHERE a.instance_id = ? AND a.deleted_at IS NULL`,
      )
      .all(instanceId) as { person_id: number; program_id: number; role_id: number; role_name: string }[]
  ).map((r) => ({ personId: r.person_id, programId: r.program_id, roleId: r.role_id, roleName: r.role_name }));
  const programs = new Map(
    (
      db
        .prepare('SELECT id, name FROM mirror_programs WHERE instance_id = ? AND deleted_at IS NULL')
        .all(instanceId) as {
        id: number;
        name: string;
      }[]
    ).map((r) => [r.id, r.name]),
  );
  return { people, holdings, roles, assignments, programs };
}

/** Live assignments of the people given on a program (any when null) with a role (any when null). */
export function assignmentsOf(
  db: DB,
  instanceId: string,
  personIds: number[],
  program: string | null,
  role: string | null,
): { personId: number; programId: number; roleId: number }[] {
  if (personIds.length === 0) return [];
  return (
    db
      .prepare(
        `SELECT a.person_id, a.program_id, a.role_id FROM mirror_program_assignments a
         JOIN mirror_programs g ON g.instance_id = a.instance_id AND g.id = a.program_id
         LEFT JOIN mirror_roles r ON r.instance_id = a.instance_id AND r.id = a.role_id
         WHERE a.instance_id = @i AND a.deleted_at IS NULL
           AND a.person_id IN (SELECT value FROM json_each(@ids))
           AND (@program IS NULL OR g.name = @program)
           AND (@role IS NULL OR coalesce(a.role_name, r.name) = @role)
         ORDER BY a.person_id, a.program_id, a.role_id`,
      )
      .all({ i: instanceId, ids: JSON.stringify(personIds), program, role }) as {
      person_id: number;
      program_id: number;
      role_id: number;
    }[]
  ).map((r) => ({ personId: r.person_id, programId: r.program_id, roleId: r.role_id }));
}

/** Role and program ids by the mirror's names. */
export function idsByName(db: DB, instanceId: string): { roles: Map<string, number>; programs: Map<string, number> } {
  const roles = db
    .prepare('SELECT id, name FROM mirror_roles WHERE instance_id = ? AND deleted_at IS NULL')
    .all(instanceId) as { id: number; name: string }[];
  const programs = db
    .prepare('SELECT id, name FROM mirror_programs WHERE instance_id = ? AND deleted_at IS NULL')
    .all(instanceId) as { id: number; name: string }[];
  return {
    roles: new Map(roles.map((r) => [r.name.toLowerCase(), r.id])),
    programs: new Map(programs.map((r) => [r.name.toLowerCase(), r.id])),
  };
}
