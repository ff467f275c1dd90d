/** The scans: one row each, with the high-water marks an incremental scan starts from. */
import type { DB } from '../db/open';
import type { ScanRun, ScanSummary } from '../../src-preload/contract';
import type { ScanMarks } from './scan/scan-store';

interface ScanDbRow {
  id: number;
  kind: ScanRun['kind'];
  state: ScanRun['state'];
  started_at: string;
  finished_at: string | null;
  as_of: string;
  session_key: number;
  event_key: number;
  dirty_seq: number;
  settings_digest: string;
  role_stats: string;
  summary: string;
  error: string | null;
}

/** Holders of each role: [internal, external]. */
export type RoleStats = Map<number, { internal: number; external: number }>;

export interface ScanRecord extends ScanRun {
  marks: ScanMarks;
  settingsDigest: string;
  roleStats: RoleStats;
}

const toRecord = (r: ScanDbRow): ScanRecord => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  asOf: r.as_of,
  summary: r.summary === '{}' ? null : (JSON.parse(r.summary) as ScanSummary),
  error: r.error,
  marks: { sessionKey: r.session_key, eventKey: r.event_key, dirtySeq: r.dirty_seq },
  settingsDigest: r.settings_digest,
  roleStats: new Map(
    Object.entries(JSON.parse(r.role_stats) as Record<string, [number, number]>).map(([id, [internal, external]]) => [
      Number(id),
      { internal, external },
    ]),
  ),
});

export function startScanRecord(
  db: DB,
  input: { instanceId: string; kind: ScanRun['kind']; startedAt: string; asOf: string; settingsDigest: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO investigate_scans (instance_id, kind, state, started_at, as_of, settings_digest)
         VALUES (?, ?, 'running', ?, ?, ?)`,
      )
      .run(input.instanceId, input.kind, input.startedAt, input.asOf, input.settingsDigest).lastInsertRowid,
  );
}

export function finishScanRecord(
  db: DB,
  id: number,
  input: {
    state: ScanRun['state'];
    finishedAt: string;
    marks?: ScanMarks;
    summary?: ScanSummary;
    roleStats?: RoleStats;
    error?: string;
  },
): void {
  const stats = input.roleStats
    ? JSON.stringify(Object.fromEntries([...input.roleStats].map(([id, s]) => [id, [s.internal, s.external]])))
    : null;
  db.prepare(
    `UPDATE investigate_scans SET state = ?, finished_at = ?, session_key = coalesce(?, session_key),
       event_key = coalesce(?, event_key), dirty_seq = coalesce(?, dirty_seq),
       summary = coalesce(?, summary), role_stats = coalesce(?, role_stats), error = ? WHERE id = ?`,
  ).run(
    input.state,
    input.finishedAt,
    input.marks?.sessionKey ?? null,
    input.marks?.eventKey ?? null,
    input.marks?.dirtySeq ?? null,
    input.summary ? JSON.stringify(input.summary) : null,
    stats,
    input.error ?? null,
    id,
  );
}

export function latestScan(db: DB, instanceId: string): ScanRecord | undefined {
  const row = db
    .prepare('SELECT * FROM investigate_scans WHERE instance_id = ? ORDER BY id DESC LIMIT 1')
    .get(instanceId) as ScanDbRow | undefined;
  return row ? toRecord(row) : undefined;
}

export function lastSucceededScan(db: DB, instanceId: string, kind?: ScanRun['kind']): ScanRecord | undefined {
  const row = db
    .prepare(
      `SELECT * FROM investigate_scans WHERE instance_id = ? AND state = 'succeeded' ${kind ? 'AND kind = ?' : ''}
       ORDER BY id DESC LIMIT 1`,
    )
    .get(instanceId, ...(kind ? [kind] : [])) as ScanDbRow | undefined;
  return row ? toRecord(row) : undefined;
}

/** A process that died mid-scan leaves a running row: it did not finish. */
export function markInterruptedScans(db: DB, at: string): number {
  return db
    .prepare(
      "UPDATE investigate_scans SET state = 'failed', finished_at = ?, error = 'interrupted' WHERE state = 'running'",
    )
    .run(at).changes;
}
