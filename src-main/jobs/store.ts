/** The job history: one row per long-running piece of work. */
import type { ApiError, JobInfo, JobState } from '../../src-preload/contract';
import type { DB } from '../db/open';

interface JobRow {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  done: number;
  total: number | null;
  message: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

function toJob(row: JobRow): JobInfo {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state,
    done: row.done,
    total: row.total,
    message: row.message,
    error: row.error ? (JSON.parse(row.error) as ApiError) : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function saveJob(db: DB, job: JobInfo, instanceId: string | null = null): void {
  db.prepare(
    `INSERT INTO jobs (id, kind, title, instance_id, state, done, total, message, error, started_at, finished_at)
     VALUES (@id, @kind, @title, @instanceId, @state, @done, @total, @message, @error, @startedAt, @finishedAt)
     ON CONFLICT(id) DO UPDATE SET state = excluded.state, done = excluded.done, total = excluded.total,
       message = excluded.message, error = excluded.error, finished_at = excluded.finished_at`,
  ).run({ ...job, instanceId, error: job.error ? JSON.stringify(job.error) : null });
}

export function listJobs(db: DB, limit = 50): JobInfo[] {
  const rows = db.prepare('SELECT * FROM jobs ORDER BY started_at DESC LIMIT ?').all(limit) as JobRow[];
  return rows.map(toJob);
}

/** Jobs left running by a process that ended: they did not finish. */
export function markInterruptedJobs(db: DB, now: string): number {
  return db
    .prepare(
      `UPDATE jobs SET state = 'failed', finished_at = ?, message = 'Interrupted: Admin Desk closed before this finished.'
       WHERE state IN ('queued', 'running')`,
    )
    .run(now).changes;
}
