/**
 * The dense band of an incremental sync: mirror rows whose last-updated date lies between the
 * watermark and the newest date the previous pass saw. See runBandPass in pass-reconcile.ts.
 */
import type { DB } from '../db/open';
import { getSyncCursor } from './store';
import { STAMPED_TABLES } from './write-common';
import type { SyncEntity } from './types';

/** Live mirror rows last updated within [from, to]: how big a band sweep would be. */
export function bandSize(
  db: DB,
  instanceId: string,
  entity: 'people' | 'organizations',
  from: string,
  to: string,
): number {
  return db
    .prepare(
      `SELECT count(*) FROM ${STAMPED_TABLES[entity]} WHERE instance_id = ? AND deleted_at IS NULL AND last_updated >= ? AND last_updated <= ?`,
    )
    .pluck()
    .get(instanceId, from, to) as number;
}

/** The band an incremental pass of `entity` would re-read for nothing, when it is worth a sweep. */
export function denseBand(
  db: DB,
  instanceId: string,
  entity: SyncEntity,
  pageSize: number,
): { from: string; to: string; records: number } | null {
  if (entity !== 'people' && entity !== 'organizations') return null;
  const cursor = getSyncCursor(db, instanceId, entity);
  const from = cursor?.watermark;
  const to = cursor?.maxSeen;
  if (!from || !to || to < from) return null;
  const records = bandSize(db, instanceId, entity, from, to);
  return records > pageSize ? { from, to, records } : null;
}
