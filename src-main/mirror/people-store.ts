/**
 * A person in the mirror, with everything the person page shows. Search lives in
 * mirror-people-search.ts (re-exported here).
 */
import { notFound } from '../errors/app-error';
import type { DB } from '../db/open';
import { listAccessEvents, listLoginSessions } from './logs-store';
import { ORG_JOIN, PERSON_COLUMNS, toPerson, type PersonDbRow } from './people-search-store';
import { getOrganizationPath } from './organizations-store';
import {
  PERSON_ID_FIELD,
  type DepartmentRow,
  type PersonDetail,
  type PersonProgram,
  type PersonRole,
} from '../../src-preload/contract';

export type { PersonDetail, PersonProgram, PersonRole };

export { NAME_ORDER_LIMIT, searchPeople } from './people-search-store';
export type { PeopleFilters, PersonRow, SearchPeopleInput, SearchPeopleResult } from './people-search-store';

/** Everything the person page shows. */
export function getPerson(
  db: DB,
  instanceId: string,
  personId: number,
  options: { recent?: number } = {},
): PersonDetail {
  const row = db
    .prepare(
      `SELECT ${PERSON_COLUMNS}, p.phone, p.access_expiry, p.manager_id, p.created, r.raw,
         m.first_name || ' ' || m.last_name AS manager_name
       FROM mirror_people p ${ORG_JOIN}
       JOIN mirror_people_raw r ON r.key = p.key
       LEFT JOIN mirror_people m ON m.instance_id = p.instance_id AND m.id = p.manager_id
       WHERE p.instance_id = ? AND p.id = ?`,
    )
    .get(instanceId, personId) as
    | (PersonDbRow & {
        phone: string | null;
        access_expiry: string | null;
        manager_id: number | null;
        created: string | null;
        raw: string;
        manager_name: string | null;
      })
    | undefined;
  if (!row) throw notFound('The person');
  const recent = options.recent ?? 20;
  const roles = db
    .prepare(
      `SELECT h.role_id AS id, r.name, r.privileged, r.uta_only FROM mirror_role_holdings h
       LEFT JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id
       WHERE h.instance_id = ? AND h.person_id = ? ORDER BY r.name COLLATE NOCASE`,
    )
    .all(instanceId, personId) as {
    id: number;
    name: string | null;
    privileged: number | null;
    uta_only: number | null;
  }[];
  const programs = db
    .prepare(
      `SELECT a.association_id AS associationId, a.program_id AS programId, g.name AS programName, a.role_id AS roleId,
         coalesce(r.name, a.role_name) AS roleName
       FROM mirror_program_assignments a
       LEFT JOIN mirror_programs g ON g.instance_id = a.instance_id AND g.id = a.program_id
       LEFT JOIN mirror_roles r ON r.instance_id = a.instance_id AND r.id = a.role_id
       WHERE a.instance_id = ? AND a.person_id = ? AND a.deleted_at IS NULL ORDER BY g.name COLLATE NOCASE, a.association_id`,
    )
    .all(instanceId, personId) as PersonProgram[];
  const raw = JSON.parse(row.raw) as Record<string, string | null>;
  return {
    ...toPerson(row),
    phone: row.phone,
    accessExpiry: row.access_expiry,
    managerId: row.manager_id,
    managerName: row.manager_name,
    created: row.created,
    raw,
    peopleNamed: namesOfPeopleIn(db, instanceId, raw),
    roles: roles.map((r) => ({
      id: r.id,
      name: r.name,
      privileged: r.privileged === null ? null : r.privileged === 1,
      utaOnly: r.uta_only === 1,
    })),
    programs,
    organizationPath: row.company_id === null ? [] : getOrganizationPath(db, instanceId, row.company_id),
    recentLogins: listLoginSessions(db, instanceId, { personId, limit: recent }),
    accessChanges: listAccessEvents(db, instanceId, { personId, limit: recent }),
  };
}

/** "Created By: 14543" reads as a name: the people the raw record names by id (removed ones too). */
function namesOfPeopleIn(db: DB, instanceId: string, raw: Record<string, string | null>): Record<string, string> {
  const ids = [
    ...new Set(
      Object.entries(raw)
        .filter(([k, v]) => PERSON_ID_FIELD.test(k) && v !== null && /^\d{1,15}$/.test(v))
        .map(([, v]) => Number(v)),
    ),
  ];
  if (ids.length === 0) return {};
  const rows = db
    .prepare(
      `SELECT id, trim(first_name || ' ' || last_name) AS name FROM mirror_people
       WHERE instance_id = ? AND id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(instanceId, ...ids) as { id: number; name: string }[];
  return Object.fromEntries(rows.filter((r) => r.name).map((r) => [String(r.id), r.name]));
}

/** A live person with the fields entity resolution compares (names, e-mail, phone, work details). */
export interface PersonForMatching {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  title: string | null;
  organization: string | null;
  department: string | null;
}

/** Every live person of the instance, for building a resolution index or a duplicate report. */
/** Every department named on a live person, by name, with its head count (one pass over the people). */
/** Every department of the live people with its head count (through mirror_people_department, migration 0022). */
export const DEPARTMENTS_SQL = `SELECT department AS name, count(*) AS people FROM mirror_people
  WHERE instance_id = ? AND deleted_at IS NULL AND department IS NOT NULL AND trim(department) <> ''
  GROUP BY department ORDER BY department COLLATE NOCASE, department`;

export function listDepartments(db: DB, instanceId: string): DepartmentRow[] {
  return db.prepare(DEPARTMENTS_SQL).all(instanceId) as DepartmentRow[];
}

export function listPeopleForMatching(db: DB, instanceId: string): PersonForMatching[] {
  return db
    .prepare(
      `SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, p.email, p.phone, p.title,
         o.name AS organization, p.department
       FROM mirror_people p LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       WHERE p.instance_id = ? AND p.deleted_at IS NULL ORDER BY p.id`,
    )
    .all(instanceId) as PersonForMatching[];
}
