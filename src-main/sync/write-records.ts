/**
 * Organizations, programs, program assignments and the roles catalogue into the mirror: the same
 * insert / update-when-raw-differs / mark-unseen-as-removed pattern as people, without holdings.
 * The roles writer never touches `privileged`: that flag is the administrator's.
 */
import type { DB } from '../db/open';
import type { WireRecord } from '../smartsimple/protocol';
import { recordIdOf } from './entities';
import type { EntityWriter } from './write-common';
import { emptyCounts, flag, int, markUnseenSlice, text, unseenQuery } from './write-common';
import type { SummaryKind, SyncEntity } from './types';

interface TableSpec {
  entity: SyncEntity;
  kind: SummaryKind;
  table: string;
  idColumn: string;
  /** Wire field holding the id when a record lacks `recordid`. */
  idField: string;
  columns: readonly string[];
  values(r: WireRecord): unknown[];
}

const TABLES: Record<'organizations' | 'programs' | 'assignments' | 'roles', TableSpec> = {
  organizations: {
    entity: 'organizations',
    kind: 'organizations',
    table: 'mirror_organizations',
    idColumn: 'id',
    idField: 'sf_Company ID',
    columns: ['parent_id', 'name', 'is_external', 'status', 'last_updated'],
    values: (r) => [
      int(r, 'sf_Parent Company ID'),
      text(r, 'sf_Name') ?? '',
      flag(r, 'sf_Is External'),
      text(r, 'sf_Status'),
      text(r, 'sf_Last Updated'),
    ],
  },
  programs: {
    entity: 'programs',
    kind: 'programs',
    table: 'mirror_programs',
    idColumn: 'id',
    idField: 'sf_Level One ID',
    columns: ['name', 'status', 'type', 'owner_id', 'last_updated'],
    values: (r) => [
      text(r, 'sf_Name') ?? '',
      text(r, 'sf_Status'),
      text(r, 'sf_Type'),
      int(r, 'sf_Owner ID'),
      text(r, 'sf_Last Updated'),
    ],
  },
  assignments: {
    entity: 'assignments',
    kind: 'assignments',
    table: 'mirror_program_assignments',
    idColumn: 'association_id',
    idField: 'associationid',
    columns: ['program_id', 'person_id', 'role_id', 'role_name'],
    values: (r) => [int(r, 'objectid') ?? 0, int(r, 'contactid') ?? 0, int(r, 'roleid') ?? 0, text(r, 'rolename')],
  },
  roles: {
    entity: 'roles',
    kind: 'roles',
    table: 'mirror_roles',
    idColumn: 'id',
    idField: 'sf_Role ID',
    columns: ['name', 'description', 'uta_only'],
    values: (r) => [text(r, 'sf_Role Name') ?? '', text(r, 'sf_Description') ?? '', flag(r, 'sf_UTA Roles Only')],
  },
};

function createTableWriter(db: DB, instanceId: string, spec: TableSpec): EntityWriter {
  const { table, idColumn, columns } = spec;
  const select = db.prepare(`SELECT raw, deleted_at FROM ${table} WHERE instance_id = ? AND ${idColumn} = ?`);
  const insert = db.prepare(
    `INSERT INTO ${table} (instance_id, ${idColumn}, ${columns.join(', ')}, raw) VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?)`,
  );
  const update = db.prepare(
    `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, raw = ?, deleted_at = NULL WHERE instance_id = ? AND ${idColumn} = ?`,
  );
  const markRemoved = db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE instance_id = ? AND ${idColumn} = ?`);
  const unseen = unseenQuery(db, table, idColumn, spec.entity);
  const countLive = db.prepare(`SELECT count(*) FROM ${table} WHERE instance_id = ? AND deleted_at IS NULL`).pluck();
  const maxId = db.prepare(`SELECT max(${idColumn}) FROM ${table} WHERE instance_id = ?`).pluck();

  const writer: EntityWriter = {
    apply(records) {
      const counts = emptyCounts();
      for (const r of records) {
        const id = recordIdOf(r, spec.idField);
        if (id === undefined) continue;
        const raw = JSON.stringify(r);
        const current = select.get(instanceId, id) as { raw: string; deleted_at: string | null } | undefined;
        if (!current) {
          insert.run(instanceId, id, ...spec.values(r), raw);
          counts.added++;
        } else if (current.raw !== raw || current.deleted_at !== null) {
          update.run(...spec.values(r), raw, instanceId, id);
          counts.changed++;
        }
      }
      return { [spec.kind]: counts };
    },
    markUnseen(afterId, limit, at) {
      const counts = emptyCounts();
      const { lastId } = markUnseenSlice(
        unseen,
        (id) => void (markRemoved.run(at, instanceId, id), counts.removed++),
        instanceId,
        afterId,
        limit,
      );
      return { lastId, counts: { [spec.kind]: counts } };
    },
    maxId: () => (maxId.get(instanceId) as number | null) ?? 0,
    count: () => countLive.get(instanceId) as number,
  };
  return writer;
}

export const createOrganizationsWriter = (db: DB, instanceId: string) =>
  createTableWriter(db, instanceId, TABLES.organizations);
export const createProgramsWriter = (db: DB, instanceId: string) => createTableWriter(db, instanceId, TABLES.programs);
export const createAssignmentsWriter = (db: DB, instanceId: string) =>
  createTableWriter(db, instanceId, TABLES.assignments);
export const createRolesWriter = (db: DB, instanceId: string) => createTableWriter(db, instanceId, TABLES.roles);

/**
 * One program's live associations as just listed from the server (apply's read-back): written as
 * a sync would write them, and the program's other mirrored associations marked removed.
 */
export function replaceProgramAssignments(
  db: DB,
  instanceId: string,
  programId: number,
  records: readonly WireRecord[],
  at: string,
): { added: number; changed: number; removed: number } {
  const withProgram = records.map((r) => ({ ...r, objectid: String(programId) }));
  const { assignments } = createAssignmentsWriter(db, instanceId).apply(withProgram, at);
  const live = withProgram.flatMap((r) => recordIdOf(r, 'associationid') ?? []);
  const gone = db
    .prepare(
      `UPDATE mirror_program_assignments SET deleted_at = ?
       WHERE instance_id = ? AND program_id = ? AND deleted_at IS NULL
         AND association_id NOT IN (SELECT value FROM json_each(?))`,
    )
    .run(at, instanceId, programId, JSON.stringify(live));
  return { added: assignments?.added ?? 0, changed: assignments?.changed ?? 0, removed: gone.changes };
}
