/**
 * What the troubleshooter reads from the mirror: the person (removed ones too: they need
 * explaining most), their organization, the program or role asked about, their parts on the
 * program, the roles catalogue, which side plays each program part, the latest lock event of the
 * access log, and when the mirror was last synced. Typed columns only, never `raw`.
 */
import type { DB } from '../db/open';
import { LOCK_ACTIONS, parseRoleList } from '../smartsimple/protocol';
import type { LockEvent, Part, RoleFacts, RoleSide, SubjectOrganization, SubjectPerson, SubjectProgram } from './types';

interface PersonRow {
  id: number;
  key: number;
  first_name: string;
  last_name: string;
  email: string;
  company_id: number | null;
  is_external: number;
  role_ids: string;
  access_type: string | null;
  user_type: string | null;
  status: string | null;
  access_expiry: string | null;
  deleted_at: string | null;
}

const PERSON_COLUMNS = `id, key, first_name, last_name, email, company_id, is_external, role_ids, access_type, user_type,
  status, access_expiry, deleted_at`;

const roleIdsOf = (list: string): number[] =>
  parseRoleList(list)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);

function toPerson(r: PersonRow): SubjectPerson {
  return {
    id: r.id,
    key: r.key,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    companyId: r.company_id,
    isExternal: r.is_external === 1,
    roleIds: roleIdsOf(r.role_ids),
    accessType: r.access_type,
    userType: r.user_type,
    status: r.status,
    accessExpiry: r.access_expiry,
    removedAt: r.deleted_at,
  };
}

export function getSubjectPerson(db: DB, instanceId: string, personId: number): SubjectPerson | undefined {
  const row = db
    .prepare(`SELECT ${PERSON_COLUMNS} FROM mirror_people WHERE instance_id = ? AND id = ?`)
    .get(instanceId, personId) as PersonRow | undefined;
  return row && toPerson(row);
}

/** People whose e-mail is `email` (several people may share one), live ones first. */
export function findPeopleByEmail(db: DB, instanceId: string, email: string, limit: number): SubjectPerson[] {
  const rows = db
    .prepare(
      `SELECT ${PERSON_COLUMNS} FROM mirror_people WHERE instance_id = ? AND email = ?
       ORDER BY deleted_at IS NOT NULL, id LIMIT ?`,
    )
    .all(instanceId, email, limit) as PersonRow[];
  return rows.map(toPerson);
}

/** People by name: the full name exactly (any case) when someone has it, else names containing every word. */
export function findPeopleByName(db: DB, instanceId: string, name: string, limit: number): SubjectPerson[] {
  const exact = db
    .prepare(
      `SELECT ${PERSON_COLUMNS} FROM mirror_people
       WHERE instance_id = ? AND (first_name || ' ' || last_name) = ? COLLATE NOCASE
       ORDER BY deleted_at IS NOT NULL, id LIMIT ?`,
    )
    .all(instanceId, name, limit) as PersonRow[];
  if (exact.length > 0) return exact.map(toPerson);
  const words = name.split(/\s+/).filter(Boolean).slice(0, 5);
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT ${PERSON_COLUMNS} FROM mirror_people WHERE instance_id = ?
       ${words.map(() => `AND (first_name || ' ' || last_name) LIKE ? ESCAPE '\\'`).join(' ')}
       ORDER BY deleted_at IS NOT NULL, last_name, first_name, id LIMIT ?`,
    )
    .all(instanceId, ...words.map(like), limit) as PersonRow[];
  return rows.map(toPerson);
}

export function getSubjectOrganization(
  db: DB,
  instanceId: string,
  organizationId: number,
): SubjectOrganization | undefined {
  const row = db
    .prepare(
      'SELECT id, name, is_external, status, deleted_at FROM mirror_organizations WHERE instance_id = ? AND id = ?',
    )
    .get(instanceId, organizationId) as
    { id: number; name: string; is_external: number; status: string | null; deleted_at: string | null } | undefined;
  return (
    row && {
      id: row.id,
      name: row.name,
      isExternal: row.is_external === 1,
      status: row.status,
      removedAt: row.deleted_at,
    }
  );
}

interface ProgramRow {
  id: number;
  name: string;
  status: string | null;
  deleted_at: string | null;
}
const toProgram = (r: ProgramRow): SubjectProgram => ({
  id: r.id,
  name: r.name,
  status: r.status,
  removedAt: r.deleted_at,
});

export function getSubjectProgram(db: DB, instanceId: string, programId: number): SubjectProgram | undefined {
  const row = db
    .prepare('SELECT id, name, status, deleted_at FROM mirror_programs WHERE instance_id = ? AND id = ?')
    .get(instanceId, programId) as ProgramRow | undefined;
  return row && toProgram(row);
}

/** Programs named exactly `name` (any case), else containing it; live ones first. */
export function findProgramsByName(db: DB, instanceId: string, name: string, limit: number): SubjectProgram[] {
  const select = (where: string, value: string) =>
    db
      .prepare(
        `SELECT id, name, status, deleted_at FROM mirror_programs WHERE instance_id = ? AND ${where}
         ORDER BY deleted_at IS NOT NULL, name, id LIMIT ?`,
      )
      .all(instanceId, value, limit) as ProgramRow[];
  const exact = select('name = ? COLLATE NOCASE', name);
  const rows = exact.length > 0 ? exact : select("name LIKE ? ESCAPE '\\'", `%${name.replace(/[\\%_]/g, '\\$&')}%`);
  return rows.map(toProgram);
}

/** The roles catalogue (removed roles too: a person may still hold one). */
export function listRoleFacts(db: DB, instanceId: string): Map<number, RoleFacts> {
  const rows = db
    .prepare('SELECT id, name, uta_only, privileged, deleted_at FROM mirror_roles WHERE instance_id = ?')
    .all(instanceId) as {
    id: number;
    name: string;
    uta_only: number;
    privileged: number | null;
    deleted_at: string | null;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        utaOnly: r.uta_only === 1,
        privileged: r.privileged === null ? null : r.privileged === 1,
        removed: r.deleted_at !== null,
      },
    ]),
  );
}

/** The person's live parts (UTA roles) on the program. */
export function listParts(db: DB, instanceId: string, personId: number, programId: number): Part[] {
  const rows = db
    .prepare(
      `SELECT association_id, role_id FROM mirror_program_assignments
       WHERE instance_id = ? AND person_id = ? AND program_id = ? AND deleted_at IS NULL ORDER BY association_id`,
    )
    .all(instanceId, personId, programId) as { association_id: number; role_id: number }[];
  return rows.map((r) => ({ associationId: r.association_id, roleId: r.role_id }));
}

/**
 * Who plays each program part: live assignments of live people by role, counting the external
 * ones; optionally on one program only.
 */
export function listRoleSides(db: DB, instanceId: string, programId?: number): RoleSide[] {
  const rows = db
    .prepare(
      `SELECT a.role_id, count(*) AS total, sum(p.is_external) AS external
       FROM mirror_program_assignments a
       JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id AND p.deleted_at IS NULL
       WHERE a.instance_id = ? AND a.deleted_at IS NULL ${programId === undefined ? '' : 'AND a.program_id = ?'}
       GROUP BY a.role_id`,
    )
    .all(...(programId === undefined ? [instanceId] : [instanceId, programId])) as {
    role_id: number;
    total: number;
    external: number;
  }[];
  return rows.map((r) => ({ roleId: r.role_id, total: r.total, external: r.external }));
}

/** The person's latest locked / unlocked / password reset event, if the access log has one. */
export function latestLockEvent(db: DB, personKey: number): LockEvent | undefined {
  const row = db
    .prepare(
      `SELECT action, detail, at FROM mirror_access_events
       WHERE user_key = ? AND action IN (SELECT value FROM json_each(?))
       ORDER BY at DESC, event_id DESC LIMIT 1`,
    )
    .get(personKey, JSON.stringify(LOCK_ACTIONS)) as LockEvent | undefined;
  return row;
}

/** When the last sync of the instance finished, if one ever did. */
export function lastSyncedAt(db: DB, instanceId: string): string | null {
  const at = db
    .prepare(`SELECT finished_at FROM sync_runs WHERE instance_id = ? AND state = 'succeeded' ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get(instanceId) as string | undefined;
  return at ?? null;
}
