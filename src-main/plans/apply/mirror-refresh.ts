/**
 * What apply reads back goes into the mirror at once, through the sync engine's own writers, so
 * the People list, a person's programs and a program's people show the change without a sync.
 * Program assignments: the program's association list as read to verify replaces its mirrored
 * assignments. A read-back record
 * carries the apply read function's fields only: it is laid over the mirror's raw record, so
 * fields that function does not return (last login, created) keep what the last sync stored.
 */
import type { DB } from '../../db/open';
import type { WireRecord } from '../../smartsimple/protocol';
import { recordIdOf } from '../../sync/entities';
import { createPeopleWriter } from '../../sync/write-people';
import { replaceProgramAssignments } from '../../sync/write-records';
import { getMirrorRawPeople } from '../store/mirror-reads';

/** Writes the records into the mirror; returns how many people it changed or added. */
export function refreshMirrorPeople(db: DB, instanceId: string, records: readonly WireRecord[]): number {
  const withIds = records.flatMap((r) => {
    const id = recordIdOf(r, 'sf_User ID');
    return id === undefined ? [] : [{ id, r }];
  });
  if (withIds.length === 0) return 0;
  const raw = getMirrorRawPeople(
    db,
    instanceId,
    withIds.map((x) => x.id),
  );
  const merged = withIds.map(({ id, r }) => ({ ...raw.get(id), ...r }));
  return db.transaction(() => {
    const counts = createPeopleWriter(db, instanceId).apply(merged, new Date().toISOString());
    return (counts.people?.added ?? 0) + (counts.people?.changed ?? 0);
  })();
}

/** Writes a program's live associations, as just listed, into the mirror; returns the rows changed. */
export function refreshMirrorAssignments(
  db: DB,
  instanceId: string,
  programId: number,
  records: readonly WireRecord[],
): number {
  return db.transaction(() => {
    const c = replaceProgramAssignments(db, instanceId, programId, records, new Date().toISOString());
    return c.added + c.changed + c.removed;
  })();
}
