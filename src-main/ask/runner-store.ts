/**
 * The question runner: a child process of its own (started by runner.ts) with a read-only
 * connection to the database, the ask views of the instance asked about as TEMP views, and
 * nothing else. It takes one statement at a time, refuses anything better-sqlite3 does not call
 * a read-only reader, and returns at most `limit` rows. A query that runs too long is stopped by
 * killing this process (SQLite's loop cannot be interrupted from JavaScript).
 */
import Database from 'better-sqlite3';
import { guardSql } from './guard';
import { ASK_VIEWS, viewStatements } from './views';

export interface RunRequest {
  id: number;
  dbFile: string;
  instanceId: string;
  sql: string;
  params: (string | number)[];
  limit: number;
  /** Edited SQL: through the guard first. */
  edited: boolean;
}

export type RunReply =
  | { id: number; ok: true; columns: string[]; rows: (string | number | null)[][]; truncated: boolean }
  | { id: number; ok: false; message: string };

let db: Database.Database | null = null;
let viewsFor: string | null = null;

function connection(file: string, instanceId: string): Database.Database {
  if (!db || db.name !== file) {
    db?.close();
    db = new Database(file, { readonly: true, fileMustExist: true });
    viewsFor = null;
  }
  if (viewsFor !== instanceId) {
    db.pragma('query_only = OFF');
    for (const v of ASK_VIEWS) db.exec(`DROP VIEW IF EXISTS temp.${v}`);
    for (const s of viewStatements(instanceId)) db.exec(s);
    viewsFor = instanceId;
    // Nothing but reads from here on, not even in temp.
    db.pragma('query_only = ON');
  }
  return db;
}

export function runOne(req: RunRequest): RunReply {
  try {
    const sql = req.edited ? guardSql(req.sql) : req.sql;
    const conn = connection(req.dbFile, req.instanceId);
    const probe = conn.prepare(sql);
    if (!probe.reader || !probe.readonly)
      return { id: req.id, ok: false, message: 'Only a statement that reads is allowed.' };
    const stmt = conn.prepare(`SELECT * FROM (${sql}) LIMIT ${Math.floor(req.limit) + 1}`);
    if (!stmt.reader || !stmt.readonly)
      return { id: req.id, ok: false, message: 'Only a statement that reads is allowed.' };
    const columns = stmt.columns().map((c) => c.name);
    const rows = stmt.raw().all(...req.params) as (string | number | null)[][];
    const truncated = rows.length > req.limit;
    return { id: req.id, ok: true, columns, rows: truncated ? rows.slice(0, req.limit) : rows, truncated };
  } catch (error) {
    return { id: req.id, ok: false, message: (error as Error).message };
  }
}

if (process.send && process.env.ADMIN_DESK_ASK_RUNNER === '1') {
  process.on('message', (req: RunRequest) => process.send?.(runOne(req)));
  process.on('disconnect', () => process.exit(0));
}
