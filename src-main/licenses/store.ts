/**
 * What license optimization reads from the mirror (accounts, sessions, who made access changes,
 * which roles external people hold) and its settings row (table license_settings, migration 12).
 */
import type { DB } from '../db/open';
import { personKeyRange } from '../db/mirror-keys';

export interface AccountRow {
  id: number;
  name: string;
  isExternal: boolean;
  accessType: string;
  userType: string | null;
  status: string | null;
  expiry: string | null;
  lastLogin: string | null;
  created: string | null;
  organization: string | null;
  roleIds: number[];
}

/** Accounts that can hold a licence: user or API access, not removed, not Inactive. */
export function licensedAccounts(db: DB, instanceId: string): AccountRow[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.first_name, p.last_name, p.is_external, p.access_type, p.user_type, p.status, p.access_expiry,
         p.last_login, p.created, o.name AS organization, p.role_ids
       FROM mirror_people p LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       WHERE p.instance_id = ? AND p.deleted_at IS NULL AND p.access_type IN ('1', '5')
         AND coalesce(p.status, '') <> 'Inactive'
       ORDER BY p.last_name, p.first_name, p.id`,
    )
    .raw(true)
    .all(instanceId) as [
    number,
    string,
    string,
    number,
    string,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    string,
  ][];
  return rows.map((r) => ({
    id: r[0],
    name: `${r[1]} ${r[2]}`.trim() || `Person ${r[0]}`,
    isExternal: r[3] === 1,
    accessType: r[4],
    userType: r[5] || null,
    status: r[6] || null,
    expiry: r[7] || null,
    lastLogin: r[8] || null,
    created: r[9] || null,
    organization: r[10],
    roleIds: r[11].split(',').filter(Boolean).map(Number),
  }));
}

/** Every session's start and end (wire text; the end may be missing), in no particular order. */
export function* sessionSpans(db: DB, instanceId: string): Generator<[string, string | null]> {
  const range = personKeyRange(db, instanceId);
  if (!range) return;
  yield* db
    .prepare('SELECT started_at, ended_at FROM mirror_login_sessions WHERE key BETWEEN ? AND ?')
    .raw(true)
    .iterate(range.base, range.last) as Iterable<[string, string | null]>;
}

/** How many access changes each person made (the Access Modification log's `changed_by`). */
export function changesMadeBy(db: DB, instanceId: string): Map<number, number> {
  const rows = db
    .prepare(
      'SELECT changed_by, count(*) FROM mirror_access_events WHERE instance_id = ? AND changed_by IS NOT NULL GROUP BY changed_by',
    )
    .raw(true)
    .all(instanceId) as [number, number][];
  return new Map(rows);
}

/** Per profile role: holders in all, and how many of them are external. */
export function roleHolderSides(db: DB, instanceId: string): Map<number, { holders: number; external: number }> {
  const rows = db
    .prepare(
      `SELECT h.role_id, count(*), coalesce(sum(p.is_external), 0) FROM mirror_role_holdings h
       JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id AND p.deleted_at IS NULL
       WHERE h.instance_id = ? GROUP BY h.role_id`,
    )
    .raw(true)
    .all(instanceId) as [number, number, number][];
  return new Map(rows.map(([id, holders, external]) => [id, { holders, external }]));
}

/** People with a staff part on a program (any program assignment of an internal person). */
export function programStaff(db: DB, instanceId: string): Set<number> {
  return new Set(
    db
      .prepare(
        `SELECT DISTINCT a.person_id FROM mirror_program_assignments a
         JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id
         WHERE a.instance_id = ? AND a.deleted_at IS NULL AND p.is_external = 0`,
      )
      .pluck()
      .all(instanceId) as number[],
  );
}

export function readLicenseSettings(db: DB, instanceId: string): string | undefined {
  return db.prepare('SELECT settings FROM license_settings WHERE instance_id = ?').pluck().get(instanceId) as
    string | undefined;
}

export function writeLicenseSettings(db: DB, instanceId: string, settings: string, by: string, at: string): void {
  db.prepare(
    `INSERT INTO license_settings (instance_id, settings, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (instance_id) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
  ).run(instanceId, settings, by, at);
}
