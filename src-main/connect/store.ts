/** The non-secret parts of a connection: API user login, function registry, tests, call log. */
import type { ConnectionTest } from '../../src-preload/contract';
import type { DB } from '../db/open';

export interface StoredFunction {
  name: string;
  type: string;
  action: string;
  fields: string[];
  reportid: string | null;
}

export function getUsername(db: DB, instanceId: string): string {
  return (
    (db.prepare('SELECT username FROM instances WHERE id = ?').pluck().get(instanceId) as string | undefined) ?? ''
  );
}

export function setUsername(db: DB, instanceId: string, username: string): void {
  db.prepare('UPDATE instances SET username = ?, updated_at = ? WHERE id = ?').run(
    username,
    new Date().toISOString(),
    instanceId,
  );
}

export function listFunctions(db: DB, instanceId: string): StoredFunction[] {
  const rows = db
    .prepare('SELECT name, type, action, fields, reportid FROM instance_functions WHERE instance_id = ? ORDER BY name')
    .all(instanceId) as { name: string; type: string; action: string; fields: string; reportid: string | null }[];
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }));
}

/** Replaces the whole registry of an instance. */
export function replaceFunctions(db: DB, instanceId: string, functions: readonly StoredFunction[]): void {
  const insert = db.prepare(
    'INSERT INTO instance_functions (instance_id, name, type, action, fields, reportid) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    db.prepare('DELETE FROM instance_functions WHERE instance_id = ?').run(instanceId);
    for (const f of functions) insert.run(instanceId, f.name, f.type, f.action, JSON.stringify(f.fields), f.reportid);
  })();
}

export function saveConnectionTest(db: DB, instanceId: string, test: ConnectionTest): void {
  db.prepare(
    `INSERT INTO connection_tests (instance_id, tested_at, result) VALUES (?, ?, ?)
     ON CONFLICT(instance_id) DO UPDATE SET tested_at = excluded.tested_at, result = excluded.result`,
  ).run(instanceId, test.testedAt, JSON.stringify(test));
}

export function getConnectionTest(db: DB, instanceId: string): ConnectionTest | null {
  const row = db.prepare('SELECT result FROM connection_tests WHERE instance_id = ?').pluck().get(instanceId) as
    string | undefined;
  return row ? (JSON.parse(row) as ConnectionTest) : null;
}

/** Call timestamps of an instance since `since`, ascending. */
/** Forgets one call made at `at` (it never reached the server). */
export function forgetCall(db: DB, instanceId: string, at: number): void {
  db.prepare(
    'DELETE FROM api_calls WHERE rowid = (SELECT rowid FROM api_calls WHERE instance_id = ? AND at = ? LIMIT 1)',
  ).run(instanceId, at);
}

export function callsSince(db: DB, instanceId: string, since: number): number[] {
  return db
    .prepare('SELECT at FROM api_calls WHERE instance_id = ? AND at > ? ORDER BY at')
    .pluck()
    .all(instanceId, since) as number[];
}

export function recordCall(db: DB, instanceId: string, at: number): void {
  db.prepare('INSERT INTO api_calls (instance_id, at) VALUES (?, ?)').run(instanceId, at);
}

export function pruneCalls(db: DB, before: number): void {
  db.prepare('DELETE FROM api_calls WHERE at <= ?').run(before);
}
