/** The mirror's own names for one instance, read for the question lexicon (live rows only). */
import type { DB } from '../db/open';

export interface LexiconNames {
  roles: { name: string; utaOnly: boolean }[];
  departments: string[];
  organizations: string[];
  programs: string[];
  titles: string[];
  assignmentRoles: string[];
  statuses: string[];
  people: { id: number; first: string; last: string }[];
}

const distinct = (db: DB, sql: string, instanceId: string) =>
  (db.prepare(sql).pluck().all(instanceId) as (string | null)[]).filter((s): s is string => !!s && s.trim() !== '');

export function readLexiconNames(db: DB, instanceId: string): LexiconNames {
  const roles = (
    db
      .prepare('SELECT name, uta_only AS utaOnly FROM mirror_roles WHERE instance_id = ? AND deleted_at IS NULL')
      .all(instanceId) as { name: string; utaOnly: number }[]
  ).map((r) => ({ name: r.name, utaOnly: r.utaOnly === 1 }));
  return {
    roles,
    departments: distinct(
      db,
      'SELECT DISTINCT department FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL',
      instanceId,
    ),
    organizations: distinct(
      db,
      'SELECT DISTINCT name FROM mirror_organizations WHERE instance_id = ? AND deleted_at IS NULL',
      instanceId,
    ),
    programs: distinct(
      db,
      'SELECT DISTINCT name FROM mirror_programs WHERE instance_id = ? AND deleted_at IS NULL',
      instanceId,
    ),
    titles: distinct(
      db,
      'SELECT DISTINCT title FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL',
      instanceId,
    ),
    assignmentRoles: distinct(
      db,
      'SELECT DISTINCT role_name FROM mirror_program_assignments WHERE instance_id = ? AND deleted_at IS NULL',
      instanceId,
    ),
    statuses: distinct(
      db,
      'SELECT DISTINCT status FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL',
      instanceId,
    ),
    people: db
      .prepare(
        'SELECT id, first_name AS first, last_name AS last FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL',
      )
      .all(instanceId) as LexiconNames['people'],
  };
}

/** A small fact for suggestions: whether the mirror has anything to ask about yet. */
export function mirrorPeopleCount(db: DB, instanceId: string): number {
  return db
    .prepare('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL')
    .pluck()
    .get(instanceId) as number;
}

/**
 * What changes when the mirror's names may have changed: the last sync run (and when it ended)
 * and the number of live people and roles (an apply's read-back changes them without a sync).
 */
export function mirrorSignature(db: DB, instanceId: string): string {
  const row = db
    .prepare(
      `SELECT (SELECT max(id) || ':' || coalesce(max(finished_at), '') FROM sync_runs WHERE instance_id = @i) AS runs,
        (SELECT count(*) FROM mirror_roles WHERE instance_id = @i AND deleted_at IS NULL) AS roles,
        (SELECT max(last_updated) FROM mirror_people WHERE instance_id = @i) AS people`,
    )
    .get({ i: instanceId }) as { runs: string | null; roles: number; people: string | null };
  return `${row.runs ?? ''}|${row.roles}|${row.people ?? ''}`;
}
