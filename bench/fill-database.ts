/**
 * Fills an app database with `rows` rows spread over its largest tables, so start-up is measured
 * against a realistic file. It writes through plain SQL in one transaction.
 */
import Database from 'better-sqlite3';

export function fillDatabase(file: string, rows: number): number {
  const db = new Database(file);
  const insertJob = db.prepare(
    `INSERT INTO jobs (id, kind, title, state, done, total, message, started_at, finished_at)
     VALUES (?, 'sync', 'Sync', 'succeeded', 100, 100, 'Synced.', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      insertJob.run(`job-${i}`, at, at);
    }
  })();
  const count = db.prepare('SELECT count(*) FROM jobs').pluck().get() as number;
  db.close();
  return count;
}
