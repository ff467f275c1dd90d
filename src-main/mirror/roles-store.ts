/**
 * The mirrored roles catalogue with holder counts, and the administrator's privileged flag with
 * suggestions. The flag is the administrator's decision (later approval rules read it); a sync
 * never changes it, and a suggestion is only a hint with its reasons shown.
 */
import { notFound } from '../errors/app-error';
import { USER_TYPES } from '../smartsimple/protocol';
import type { DB } from '../db/open';
import type { PrivilegeSuggestion, RoleDepartment, RoleRow } from '../../src-preload/contract';

export type { PrivilegeSuggestion, RoleDepartment, RoleRow };

interface RoleDbRow {
  id: number;
  name: string;
  description: string;
  uta_only: number;
  privileged: number | null;
  privileged_set_at: string | null;
  deleted_at: string | null;
  holders: number | null;
  assignments: number | null;
  admin_holders: number | null;
}

/** Name and description hints, in the words administrators use. */
const HINTS: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\b(system|global|super|security)\b.*\badmin/i, reason: 'administers the system or its users' },
  { pattern: /\badmin(istrator)?s?\b/i, reason: 'an administrator role' },
  { pattern: /\bapprov(er|al|e)/i, reason: 'approves decisions, awards or payments' },
  { pattern: /\b(finance|financial|payments?|budget|treasur|accounting)\b/i, reason: 'handles money' },
  { pattern: /\bsigning authority\b|\bsign[- ]?off\b/i, reason: 'signs on behalf of an organization' },
  { pattern: /\b(audit(or)?|compliance)\b.*\b(all|full|write)\b/i, reason: 'broad audit or compliance access' },
];
/** Most holders being user administrators is a hint of its own. */
const ADMIN_HOLDER_SHARE = 0.5;

function reasonsFor(r: Pick<RoleDbRow, 'name' | 'description' | 'holders' | 'admin_holders'>): string[] {
  const text = `${r.name} ${r.description}`;
  const reasons = HINTS.filter((h) => h.pattern.test(text)).map((h) => h.reason);
  const holders = r.holders ?? 0;
  if (holders > 0 && (r.admin_holders ?? 0) / holders >= ADMIN_HOLDER_SHARE)
    reasons.push('held mostly by user administrators');
  return [...new Set(reasons)];
}

function selectRoles(db: DB, instanceId: string, where: string, params: unknown[]): RoleDbRow[] {
  return db
    .prepare(
      `SELECT r.id, r.name, r.description, r.uta_only, r.privileged, r.privileged_set_at, r.deleted_at,
         h.holders, h.admin_holders, a.assignments
       FROM mirror_roles r
       LEFT JOIN (
         SELECT hh.role_id, count(*) AS holders,
           sum(p.user_type IN ('${USER_TYPES.localAdmin}', '${USER_TYPES.globalAdmin}')) AS admin_holders
         FROM mirror_role_holdings hh JOIN mirror_people p ON p.instance_id = hh.instance_id AND p.id = hh.person_id
         WHERE hh.instance_id = ? GROUP BY hh.role_id
       ) h ON h.role_id = r.id
       LEFT JOIN (
         SELECT role_id, count(*) AS assignments FROM mirror_program_assignments
         WHERE instance_id = ? AND deleted_at IS NULL GROUP BY role_id
       ) a ON a.role_id = r.id
       WHERE r.instance_id = ? ${where}
       ORDER BY r.name COLLATE NOCASE, r.id`,
    )
    .all(instanceId, instanceId, instanceId, ...params) as RoleDbRow[];
}

const toRole = (r: RoleDbRow): RoleRow => ({
  id: r.id,
  name: r.name,
  description: r.description,
  utaOnly: r.uta_only === 1,
  privileged: r.privileged === null ? null : r.privileged === 1,
  privilegedSetAt: r.privileged_set_at,
  holders: r.holders ?? 0,
  assignments: r.assignments ?? 0,
  suggestedReasons: reasonsFor(r),
  removed: r.deleted_at !== null,
});

/** The catalogue by name, with holder counts (and, when asked, the departments that hold each). */
export function listRoles(
  db: DB,
  instanceId: string,
  options: { includeRemoved?: boolean; withDepartments?: boolean } = {},
): RoleRow[] {
  const roles = selectRoles(db, instanceId, options.includeRemoved ? '' : 'AND r.deleted_at IS NULL', []).map(toRole);
  if (options.withDepartments) {
    const byRole = new Map<number, RoleDepartment[]>();
    const rows = db
      .prepare(
        `SELECT h.role_id AS roleId, p.department, count(*) AS holders FROM mirror_role_holdings h
         JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id
         WHERE h.instance_id = ? GROUP BY h.role_id, p.department ORDER BY h.role_id, holders DESC`,
      )
      .all(instanceId) as { roleId: number; department: string | null; holders: number }[];
    for (const r of rows) {
      const list = byRole.get(r.roleId) ?? [];
      list.push({ department: r.department, holders: r.holders });
      byRole.set(r.roleId, list);
    }
    for (const role of roles) role.departments = byRole.get(role.id) ?? [];
  }
  return roles;
}

export function getRole(db: DB, instanceId: string, roleId: number): RoleRow {
  const row = selectRoles(db, instanceId, 'AND r.id = ?', [roleId])[0];
  if (!row) throw notFound('The role');
  const role = toRole(row);
  role.departments = getRoleDepartments(db, instanceId, roleId);
  return role;
}

/** Which departments hold a role, most holders first. */
export function getRoleDepartments(db: DB, instanceId: string, roleId: number): RoleDepartment[] {
  return db
    .prepare(
      `SELECT p.department, count(*) AS holders FROM mirror_role_holdings h
       JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id
       WHERE h.instance_id = ? AND h.role_id = ? GROUP BY p.department ORDER BY holders DESC, p.department`,
    )
    .all(instanceId, roleId) as RoleDepartment[];
}

/** The administrator's decision: privileged, not privileged, or undecided again (null). */
export function setRolePrivileged(
  db: DB,
  instanceId: string,
  roleId: number,
  privileged: boolean | null,
  now = new Date().toISOString(),
): RoleRow {
  const info = db
    .prepare('UPDATE mirror_roles SET privileged = ?, privileged_set_at = ? WHERE instance_id = ? AND id = ?')
    .run(privileged === null ? null : privileged ? 1 : 0, privileged === null ? null : now, instanceId, roleId);
  if (info.changes === 0) throw notFound('The role');
  return getRole(db, instanceId, roleId);
}

/** Undecided roles that look privileged, with the reasons to show beside each. */
export function suggestPrivileged(db: DB, instanceId: string): PrivilegeSuggestion[] {
  return selectRoles(db, instanceId, 'AND r.deleted_at IS NULL AND r.privileged IS NULL', [])
    .map(toRole)
    .filter((r) => r.suggestedReasons.length > 0)
    .map((r) => ({ roleId: r.id, name: r.name, reasons: r.suggestedReasons, holders: r.holders }));
}
