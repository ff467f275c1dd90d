/** Sync bookkeeping: runs with their summaries, cursors per entity, and the status a screen shows. */
import type { SyncEntity, SyncKind, SyncPhase, SyncRun, SyncRunState, SyncSummary } from '../../src-preload/contract';
import { SUMMARY_KINDS } from '../../src-preload/contract';
import type { DB } from '../db/open';

export type { SyncRun, SyncRunState };

export interface SyncCursor {
  instanceId: string;
  entity: SyncEntity;
  /** The pass in progress (null when none is). */
  phase: SyncPhase | null;
  runId: number | null;
  /** Lower bound on the last-updated date of the pass in progress (null: all records). */
  since: string | null;
  /** Id of the last record of the last committed page (keyset). */
  afterId: number | null;
  pages: number;
  records: number;
  /** Highest last-updated date seen by the pass in progress (kept after it; a band pass holds its upper bound here). */
  maxSeen: string | null;
  passStartedMs: number | null;
  /** Records the pass expects in all (from the server's allcount). */
  total: number | null;
  /** What the last completed pass left for the next incremental one. */
  watermark: string | null;
  lastCount: number | null;
  completedAt: string | null;
  /**
   * The pass in progress began on empty tables (a first sync): everything in them came from it, so
   * it needs no deletion sweep. Optional when starting a pass (the batch that defers the indexes sets it).
   */
  bulk?: boolean;
}

interface RunRow {
  id: number;
  instance_id: string;
  kind: SyncKind;
  state: SyncRunState;
  started_at: string;
  finished_at: string | null;
  summary: string;
  error: string | null;
}

interface CursorRow {
  instance_id: string;
  entity: SyncEntity;
  phase: SyncPhase | null;
  run_id: number | null;
  since: string | null;
  after_id: number | null;
  pages: number;
  records: number;
  max_seen: string | null;
  pass_started_ms: number | null;
  total: number | null;
  watermark: string | null;
  last_count: number | null;
  completed_at: string | null;
  bulk: number;
}

export function emptySummary(): SyncSummary {
  const kinds = Object.fromEntries(
    SUMMARY_KINDS.map((k) => [k, { added: 0, changed: 0, removed: 0 }]),
  ) as SyncSummary['kinds'];
  return { kinds, calls: 0, records: 0, done: [], resumes: 0 };
}

function parseSummary(text: string): SyncSummary {
  const base = emptySummary();
  try {
    const parsed = JSON.parse(text) as Partial<SyncSummary>;
    return { ...base, ...parsed, kinds: { ...base.kinds, ...parsed.kinds } };
  } catch {
    return base;
  }
}

const toRun = (r: RunRow): SyncRun => ({
  id: r.id,
  instanceId: r.instance_id,
  kind: r.kind,
  state: r.state,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  summary: parseSummary(r.summary),
  error: r.error,
});

const toCursor = (r: CursorRow): SyncCursor => ({
  instanceId: r.instance_id,
  entity: r.entity,
  phase: r.phase,
  runId: r.run_id,
  since: r.since,
  afterId: r.after_id,
  pages: r.pages,
  records: r.records,
  maxSeen: r.max_seen,
  passStartedMs: r.pass_started_ms,
  total: r.total,
  watermark: r.watermark,
  lastCount: r.last_count,
  completedAt: r.completed_at,
  bulk: r.bulk === 1,
});

export function createSyncRun(db: DB, instanceId: string, kind: SyncKind, startedAt: string): SyncRun {
  const id = db
    .prepare("INSERT INTO sync_runs (instance_id, kind, state, started_at, summary) VALUES (?, ?, 'running', ?, ?)")
    .run(instanceId, kind, startedAt, JSON.stringify(emptySummary())).lastInsertRowid;
  return getSyncRun(db, Number(id)) as SyncRun;
}

export function getSyncRun(db: DB, runId: number): SyncRun | undefined {
  const row = db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(runId) as RunRow | undefined;
  return row && toRun(row);
}

export function latestSyncRun(db: DB, instanceId: string): SyncRun | undefined {
  const row = db.prepare('SELECT * FROM sync_runs WHERE instance_id = ? ORDER BY id DESC LIMIT 1').get(instanceId) as
    RunRow | undefined;
  return row && toRun(row);
}

export function listSyncRuns(db: DB, instanceId: string, limit = 20): SyncRun[] {
  const rows = db
    .prepare('SELECT * FROM sync_runs WHERE instance_id = ? ORDER BY id DESC LIMIT ?')
    .all(instanceId, limit) as RunRow[];
  return rows.map(toRun);
}

/** The last run of one of `kinds` that finished. */
export function lastSucceededRun(db: DB, instanceId: string, kinds: readonly SyncKind[]): SyncRun | undefined {
  const row = db
    .prepare(
      `SELECT * FROM sync_runs WHERE instance_id = ? AND state = 'succeeded' AND kind IN (SELECT value FROM json_each(?))
       ORDER BY id DESC LIMIT 1`,
    )
    .get(instanceId, JSON.stringify(kinds)) as RunRow | undefined;
  return row && toRun(row);
}

export function saveSyncRunSummary(db: DB, runId: number, summary: SyncSummary): void {
  db.prepare('UPDATE sync_runs SET summary = ? WHERE id = ?').run(JSON.stringify(summary), runId);
}

export function setSyncRunState(
  db: DB,
  runId: number,
  state: SyncRunState,
  finishedAt: string | null,
  error: string | null = null,
): void {
  db.prepare('UPDATE sync_runs SET state = ?, finished_at = ?, error = ? WHERE id = ?').run(
    state,
    finishedAt,
    error,
    runId,
  );
}

export function getSyncCursor(db: DB, instanceId: string, entity: SyncEntity): SyncCursor | undefined {
  const row = db.prepare('SELECT * FROM sync_cursors WHERE instance_id = ? AND entity = ?').get(instanceId, entity) as
    CursorRow | undefined;
  return row && toCursor(row);
}

export function listSyncCursors(db: DB, instanceId: string): SyncCursor[] {
  return (
    db.prepare('SELECT * FROM sync_cursors WHERE instance_id = ? ORDER BY entity').all(instanceId) as CursorRow[]
  ).map(toCursor);
}

export function saveSyncCursor(db: DB, c: SyncCursor): void {
  db.prepare(
    `INSERT INTO sync_cursors (instance_id, entity, phase, run_id, since, after_id, pages, records, max_seen, pass_started_ms, total, watermark, last_count, completed_at, bulk)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (instance_id, entity) DO UPDATE SET phase = excluded.phase, run_id = excluded.run_id, since = excluded.since,
       after_id = excluded.after_id, pages = excluded.pages, records = excluded.records, max_seen = excluded.max_seen,
       pass_started_ms = excluded.pass_started_ms, total = excluded.total, watermark = excluded.watermark,
       last_count = excluded.last_count, completed_at = excluded.completed_at, bulk = excluded.bulk`,
  ).run(
    c.instanceId,
    c.entity,
    c.phase,
    c.runId,
    c.since,
    c.afterId,
    c.pages,
    c.records,
    c.maxSeen,
    c.passStartedMs,
    c.total,
    c.watermark,
    c.lastCount,
    c.completedAt,
    c.bulk ? 1 : 0,
  );
}

export interface SyncStatus {
  /** When the last successful sync finished ("last synced"), null if never. */
  lastSyncedAt: string | null;
  lastRun: SyncRun | null;
  /** A run a crash, cancel or failure left unfinished: the next sync resumes it. */
  unfinished: boolean;
  /** As the last completed pass of each left them (live rows; all log rows). */
  counts: {
    people: number;
    organizations: number;
    roles: number;
    programs: number;
    assignments: number;
    accessEvents: number;
    loginSessions: number;
  };
}

/** The status line: last synced, the last run, and how many of each the mirror holds. */
export function getSyncStatus(db: DB, instanceId: string): SyncStatus {
  const last = latestSyncRun(db, instanceId) ?? null;
  const ok = lastSucceededRun(db, instanceId, ['full', 'incremental', 'reconcile']);
  // Counts as the last pass of each entity left them: counting a million log rows on every
  // status refresh would take the main process tens of milliseconds.
  const counts = new Map(listSyncCursors(db, instanceId).map((c) => [c.entity, c.lastCount ?? 0]));
  const n = (entity: SyncEntity) => counts.get(entity) ?? 0;
  return {
    lastSyncedAt: ok?.finishedAt ?? null,
    lastRun: last,
    unfinished: last !== null && last.state !== 'succeeded',
    counts: {
      people: n('people'),
      organizations: n('organizations'),
      roles: n('roles'),
      programs: n('programs'),
      assignments: n('assignments'),
      accessEvents: n('access_events'),
      loginSessions: n('login_sessions'),
    },
  };
}
