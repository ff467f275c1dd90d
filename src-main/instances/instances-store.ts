/** SmartSimple instances: the connection settings that are not secret. */
import { randomUUID } from 'node:crypto';
import type { Instance, InstanceInput } from '../../src-preload/contract';
import { conflict, notFound } from '../errors/app-error';
import type { DB } from '../db/open';

interface InstanceRow {
  id: string;
  name: string;
  host: string;
  alias: string;
  root_company_id: string;
  api_version: number;
  is_sandbox: number;
  created_at: string;
  updated_at: string;
}

function toInstance(row: InstanceRow): Instance {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    alias: row.alias,
    rootCompanyId: row.root_company_id,
    apiVersion: row.api_version === 2 ? 2 : 1,
    isSandbox: row.is_sandbox === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listInstances(db: DB): Instance[] {
  const rows = db
    .prepare('SELECT * FROM instances ORDER BY is_sandbox DESC, name COLLATE NOCASE')
    .all() as InstanceRow[];
  return rows.map(toInstance);
}

export function getInstance(db: DB, id: string): Instance {
  const row = db.prepare('SELECT * FROM instances WHERE id = ?').get(id) as InstanceRow | undefined;
  if (!row) throw notFound('The instance');
  return toInstance(row);
}

function assertNameFree(db: DB, name: string, exceptId?: string): void {
  const clash = db
    .prepare('SELECT id FROM instances WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
    .get(name, exceptId ?? null) as { id: string } | undefined;
  if (clash) throw conflict(`An instance named "${name}" already exists. Choose another name.`);
}

export function createInstance(
  db: DB,
  input: InstanceInput,
  opts: { isSandbox?: boolean; now?: string } = {},
): Instance {
  assertNameFree(db, input.name);
  const now = opts.now ?? new Date().toISOString();
  const id = randomUUID();
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, is_sandbox, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.name,
    input.host,
    input.alias,
    input.rootCompanyId,
    input.apiVersion,
    opts.isSandbox ? 1 : 0,
    now,
    now,
  );
  return getInstance(db, id);
}

export function renameInstance(db: DB, id: string, name: string): Instance {
  getInstance(db, id);
  assertNameFree(db, name, id);
  db.prepare('UPDATE instances SET name = ?, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
  return getInstance(db, id);
}

/** Edits the connection settings of an instance (not its sandbox flag). */
export function updateInstance(db: DB, id: string, input: InstanceInput): Instance {
  getInstance(db, id);
  assertNameFree(db, input.name, id);
  db.prepare(
    'UPDATE instances SET name = ?, host = ?, alias = ?, root_company_id = ?, api_version = ?, updated_at = ? WHERE id = ?',
  ).run(input.name, input.host, input.alias, input.rootCompanyId, input.apiVersion, new Date().toISOString(), id);
  return getInstance(db, id);
}

export function removeInstance(db: DB, id: string): void {
  const info = db.prepare('DELETE FROM instances WHERE id = ?').run(id);
  if (info.changes === 0) throw notFound('The instance');
}
