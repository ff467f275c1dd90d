/**
 * What a campaign reads, read-only: the mirror (people with their latest session, roles,
 * programs, assignments, the organization tree) and the investigation's open findings and risk
 * scores. One pass per table; a campaign over 100,000 people reads each once.
 */
import type { DB } from '../db/open';
import type { FindingKind, RiskContribution } from '../../src-preload/contract';
import { wireToSeconds } from '../investigate/model';
import { latestSessionByPerson } from '../mirror/logs-store';
import type { OpenFinding, PersonRisk, ReviewAssignment, ReviewPerson, ReviewProgram, ReviewRole } from './model';

const nonEmpty = (s: string | null) => (s === null || s === '' ? null : s);

interface PersonDbRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  title: string | null;
  department: string | null;
  is_external: number;
  company_id: number | null;
  organization: string | null;
  manager_id: number | null;
  access_type: string | null;
  user_type: string | null;
  status: string | null;
  access_expiry: string | null;
  last_login: string | null;
  created: string | null;
  role_ids: string;
}

/** Live people (removed ones are nobody's peers and hold nothing to review), with their latest session. */
export function loadReviewPeople(db: DB, instanceId: string): ReviewPerson[] {
  const latest = latestSessions(db, instanceId);
  const rows = db
    .prepare(
      `SELECT p.id, p.first_name, p.last_name, p.email, p.title, p.department, p.is_external, p.company_id,
              o.name AS organization, p.manager_id, p.access_type, p.user_type, p.status, p.access_expiry,
              p.last_login, p.created, p.role_ids
       FROM mirror_people p
       LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       WHERE p.instance_id = ? AND p.deleted_at IS NULL`,
    )
    .all(instanceId) as PersonDbRow[];
  return rows.map((r) => ({
    id: r.id,
    name: `${r.first_name} ${r.last_name}`.trim() || `Person ${r.id}`,
    email: r.email,
    isExternal: r.is_external === 1,
    accessType: nonEmpty(r.access_type),
    userType: nonEmpty(r.user_type),
    status: nonEmpty(r.status),
    expiry: nonEmpty(r.access_expiry),
    department: nonEmpty(r.department),
    title: nonEmpty(r.title),
    lastLogin: wireToSeconds(r.last_login),
    created: wireToSeconds(r.created),
    deleted: false,
    roleIds: r.role_ids.split(',').filter(Boolean).map(Number),
    lastSessionAt: latest.get(r.id) ?? null,
    companyId: r.company_id,
    organization: r.organization,
    managerId: r.manager_id,
  }));
}

/** Each person's newest session start, in seconds. */
function latestSessions(db: DB, instanceId: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const [id, at] of latestSessionByPerson(db, instanceId)) {
    const s = wireToSeconds(at);
    if (s !== null) out.set(id, s);
  }
  return out;
}

export function loadReviewRoles(db: DB, instanceId: string, likely: ReadonlySet<number>): Map<number, ReviewRole> {
  const rows = db
    .prepare('SELECT id, name, uta_only, privileged FROM mirror_roles WHERE instance_id = ? AND deleted_at IS NULL')
    .all(instanceId) as { id: number; name: string; uta_only: number; privileged: number | null }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        utaOnly: r.uta_only === 1,
        flagged: r.privileged === null ? null : r.privileged === 1,
        privileged: r.privileged === 1,
        likelyPrivileged: r.privileged === null && likely.has(r.id),
      },
    ]),
  );
}

export function loadReviewPrograms(db: DB, instanceId: string): Map<number, ReviewProgram> {
  const rows = db
    .prepare(
      'SELECT id, name, status, owner_id AS ownerId FROM mirror_programs WHERE instance_id = ? AND deleted_at IS NULL',
    )
    .all(instanceId) as ReviewProgram[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function loadReviewAssignments(db: DB, instanceId: string): ReviewAssignment[] {
  return db
    .prepare(
      `SELECT person_id AS personId, program_id AS programId, role_id AS roleId, role_name AS roleName
       FROM mirror_program_assignments WHERE instance_id = ? AND deleted_at IS NULL
       ORDER BY person_id, program_id, role_id`,
    )
    .all(instanceId) as ReviewAssignment[];
}

interface FindingDbRow {
  kind: FindingKind;
  person_id: number;
  score: number;
  reason: string;
  numbers: string;
  evidence: string;
}

/** Findings still detected and not dismissed or remediated, by person, with the roles each is about. */
export function loadOpenFindings(db: DB, instanceId: string): Map<number, OpenFinding[]> {
  const rows = db
    .prepare(
      `SELECT kind, person_id, score, reason, numbers, evidence FROM investigate_findings
       WHERE instance_id = ? AND detected = 1 AND status IN ('open', 'acknowledged')`,
    )
    .all(instanceId) as FindingDbRow[];
  const out = new Map<number, OpenFinding[]>();
  for (const r of rows) {
    const evidence = JSON.parse(r.evidence) as {
      roles?: { roleId: number; subject?: boolean; privileged?: boolean }[];
    };
    const numbers = JSON.parse(r.numbers) as Record<string, unknown>;
    const roles = evidence.roles ?? [];
    const subject = roles.filter((x) => x.subject).map((x) => x.roleId);
    const roleIds =
      r.kind === 'privileged_unused'
        ? roles.map((x) => x.roleId)
        : subject.length > 0
          ? subject
          : typeof numbers.roleId === 'number'
            ? [numbers.roleId]
            : [];
    const finding: OpenFinding = { kind: r.kind, personId: r.person_id, score: r.score, reason: r.reason, roleIds };
    const list = out.get(r.person_id);
    if (list) list.push(finding);
    else out.set(r.person_id, [finding]);
  }
  return out;
}

export function loadRiskScores(db: DB, instanceId: string): Map<number, PersonRisk> {
  const rows = db
    .prepare('SELECT person_id, score, contributions FROM investigate_risk WHERE instance_id = ?')
    .raw(true)
    .all(instanceId) as [number, number, string][];
  return new Map(rows.map(([id, score, c]) => [id, { score, contributions: JSON.parse(c) as RiskContribution[] }]));
}

/** Ids of these organizations and every organization under them. */
export function organizationSubtree(db: DB, instanceId: string, roots: readonly number[]): Set<number> {
  if (roots.length === 0) return new Set();
  const rows = db
    .prepare(
      `WITH RECURSIVE sub(id) AS (
         SELECT value FROM json_each(?)
         UNION SELECT c.id FROM mirror_organizations c JOIN sub ON c.parent_id = sub.id
           WHERE c.instance_id = ? AND c.deleted_at IS NULL)
       SELECT id FROM sub`,
    )
    .pluck()
    .all(JSON.stringify(roots), instanceId) as number[];
  return new Set(rows);
}

/** Names for a scope in words. */
export function organizationNames(db: DB, instanceId: string, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      'SELECT id, name FROM mirror_organizations WHERE instance_id = ? AND id IN (SELECT value FROM json_each(?))',
    )
    .all(instanceId, JSON.stringify(ids)) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
