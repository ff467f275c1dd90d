/**
 * The raw baseline a sync's writes are compared with: the same rows, inserted by better-sqlite3
 * into a fresh database of the same schema, under the sync's own conditions:
 * - the write worker's pragmas (64 MB page cache, synchronous NORMAL, foreign keys, checkpoints
 *   between transactions rather than inside them, as the worker runs them);
 * - every secondary index (and the logs' per-person tables' triggers) dropped on the empty tables,
 *   including those a first sync keeps while filling (index-store.ts; a bulk load in one
 *   transaction per table builds them fastest at the end), and built back at the end: every index
 *   in one statement, every per-person table with one sorted INSERT ... SELECT. The build is counted.
 * - one prepared statement and one transaction per table, rows already in memory as value arrays
 *   (read from the synced mirror before the clock starts).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DB } from '../../src-main/db/open';
import { createInstance } from '../../src-main/instances/instances-store';
import { deferIndexes, deferredItems, logShadow } from '../../src-main/sync/index-store';
import { threadCpuMs } from '../../src-main/sync/thread-cpu';
import { SYNC_ENTITIES } from '../../src-main/sync/types';

/** Rows of each mirror table, read back as value arrays for the raw insert. */
const COPY: readonly { table: string; columns: string }[] = [
  { table: 'mirror_instances', columns: 'instance_id, ordinal' },
  {
    table: 'mirror_organizations',
    columns: 'instance_id, id, parent_id, name, is_external, status, last_updated, raw, deleted_at',
  },
  {
    table: 'mirror_roles',
    columns: 'instance_id, id, name, description, uta_only, privileged, privileged_set_at, raw, deleted_at',
  },
  {
    table: 'mirror_people',
    columns:
      'key, instance_id, id, first_name, last_name, email, title, phone, company_id, is_external, role_ids, access_type, user_type, status, access_expiry, department, manager_id, last_login, last_updated, created, deleted_at',
  },
  { table: 'mirror_people_raw', columns: 'key, raw' },
  { table: 'mirror_role_holdings', columns: 'instance_id, role_id, person_id' },
  { table: 'mirror_programs', columns: 'instance_id, id, name, status, type, owner_id, last_updated, raw, deleted_at' },
  {
    table: 'mirror_program_assignments',
    columns: 'instance_id, association_id, program_id, person_id, role_id, role_name, raw, deleted_at',
  },
  {
    table: 'mirror_access_events',
    columns: 'key, instance_id, event_id, user_key, user_id, action, detail, changed_by, at',
  },
  {
    table: 'mirror_login_sessions',
    columns: 'key, instance_id, session_id, user_key, user_id, started_at, ended_at, ip, user_agent',
  },
];

export interface RawInsertResult {
  /** Wall-clock time of everything timed: the inserts, the checkpoints, the index builds. */
  ms: number;
  cpuMs: number | null;
  rows: number;
  byTable: Record<string, { ms: number; cpuMs: number | null }>;
  /** The deferred indexes and per-person tables built back at the end. */
  rebuildMs: number;
}

/** Times `work` on the wall clock and in this thread's CPU. */
function clock() {
  let ms = 0;
  let cpu: number | null = 0;
  return {
    time<T>(work: () => T): { value: T; ms: number; cpuMs: number | null } {
      const started = performance.now();
      const cpuStart = threadCpuMs();
      const value = work();
      const cpuEnd = threadCpuMs();
      const took = performance.now() - started;
      ms += took;
      cpu = cpu === null || cpuStart === null || cpuEnd === null ? null : cpu + (cpuEnd - cpuStart);
      return { value, ms: took, cpuMs: cpuStart === null || cpuEnd === null ? null : cpuEnd - cpuStart };
    },
    totals: () => ({ ms, cpuMs: cpu }),
  };
}

function rebuild(db: DB): void {
  for (const item of deferredItems(db, 'all')) {
    if (item.kind === 'index') db.exec(item.sql);
    else {
      const shadow = logShadow(item.tableName);
      if (!shadow) throw new Error(`no per-person table for ${item.tableName}`);
      db.exec(
        `INSERT INTO ${shadow.shadow} (${shadow.columns}) SELECT ${shadow.columns} FROM ${item.tableName} ORDER BY ${shadow.columns}`,
      );
      db.exec(item.sql);
    }
    db.prepare('DELETE FROM sync_deferred_indexes WHERE name = ?').run(item.name);
  }
}

export function rawInsert(source: DB, dir: string, instanceId: string, instanceName: string): RawInsertResult {
  const { db } = openDatabase(path.join(dir, 'raw.sqlite'));
  createInstance(db, { name: instanceName, host: 'http://127.0.0.1:1', alias: 'x', rootCompanyId: '1', apiVersion: 1 });
  db.prepare('UPDATE instances SET id = ?').run(instanceId);
  // The write worker's connection settings (write-worker.ts).
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 0');
  const timer = clock();
  const byTable: RawInsertResult['byTable'] = {};
  let rows = 0;
  timer.time(() =>
    db.transaction(() => SYNC_ENTITIES.forEach((e) => deferIndexes(db, e, { keepSmall: false }))).immediate(),
  );
  for (const { table, columns } of COPY) {
    const values = source.prepare(`SELECT ${columns} FROM ${table}`).raw(true).all() as unknown[][];
    const marks = columns
      .split(',')
      .map(() => '?')
      .join(', ');
    const insert = db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${marks})`);
    const { ms, cpuMs } = timer.time(() => {
      db.transaction(() => {
        for (const r of values) insert.run(...r);
      })();
      db.pragma('wal_checkpoint(PASSIVE)');
    });
    byTable[table] = { ms, cpuMs };
    if (!['mirror_instances', 'mirror_people_raw', 'mirror_role_holdings'].includes(table)) rows += values.length;
  }
  const built = timer.time(() => {
    db.transaction(() => rebuild(db)).immediate();
    db.pragma('wal_checkpoint(PASSIVE)');
  });
  byTable['(indexes built back)'] = { ms: built.ms, cpuMs: built.cpuMs };
  db.close();
  return { ...timer.totals(), rows, byTable, rebuildMs: built.ms };
}
