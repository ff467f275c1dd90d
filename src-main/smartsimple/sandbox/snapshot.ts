/**
 * What of a sandbox instance changes after generation, as plain JSON: the records (people,
 * organizations, programs, associations, transactions), the next ids, and the Access
 * Modification rows appended since the seed. The login sessions and the catalogues never change,
 * so they are regenerated from the seed instead of stored; this keeps a snapshot of the 1,000
 * person sandbox near a megabyte.
 */
import { ACCESS_ACTIONS, type AccessAction } from '../protocol';
import type { InstanceData } from './model';

export const SNAPSHOT_VERSION = 1;

type AccessRow = [user: number, action: AccessAction, actor: number, timeSec: number, detail: string];

export interface InstanceSnapshot {
  version: typeof SNAPSHOT_VERSION;
  seed: number;
  people: number;
  savedAt: number;
  /** The generation time (`InstanceData.now`): regenerating with it gives the same seed data. */
  generatedAt: number;
  /** Access log rows the seed generated; the ones after it are in `accessRows`. */
  seedAccessRows: number;
  records: Pick<InstanceData, 'companies' | 'people' | 'programs' | 'associations' | 'transactions' | 'nextIds'>;
  accessRows: AccessRow[];
}

export function takeSnapshot(
  data: InstanceData,
  seed: { seed: number; people: number; accessRows: number },
  now = Date.now(),
): InstanceSnapshot {
  const log = data.accessLog;
  const accessRows: AccessRow[] = [];
  for (let i = seed.accessRows; i < log.length; i++)
    accessRows.push([log.user.get(i), log.actionAt(i), log.actor.get(i), log.time.get(i), log.detailAt(i)]);
  const { companies, people, programs, associations, transactions, nextIds } = data;
  return {
    version: SNAPSHOT_VERSION,
    seed: seed.seed,
    people: seed.people,
    savedAt: now,
    generatedAt: data.now,
    seedAccessRows: seed.accessRows,
    records: { companies, people, programs, associations, transactions, nextIds },
    accessRows,
  };
}

const isArrayOf = (value: unknown, check: (item: unknown) => boolean) => Array.isArray(value) && value.every(check);
const hasId = (item: unknown) =>
  typeof item === 'object' && item !== null && Number.isFinite((item as { id: unknown }).id);
const isAccessRow = (row: unknown) =>
  Array.isArray(row) &&
  row.length === 5 &&
  Number.isFinite(row[0]) &&
  ACCESS_ACTIONS.includes(row[1] as AccessAction) &&
  Number.isFinite(row[2]) &&
  Number.isFinite(row[3]) &&
  typeof row[4] === 'string';

/** Why a parsed file is not a snapshot of this sandbox (undefined when it is one). */
export function snapshotProblem(
  value: unknown,
  expected: { seed: number; people: number; accessRows: number },
): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const s = value as Partial<InstanceSnapshot>;
  if (s.version !== SNAPSHOT_VERSION) return `unknown version ${String(s.version)}`;
  if (s.seed !== expected.seed || s.people !== expected.people)
    return `made for seed ${String(s.seed)} with ${String(s.people)} people`;
  if (!Number.isFinite(s.generatedAt)) return 'no generation time';
  if (s.seedAccessRows !== expected.accessRows) return 'made by a different generator';
  const r = s.records;
  if (!r || typeof r !== 'object') return 'no records';
  for (const key of ['companies', 'people', 'programs', 'associations', 'transactions'] as const)
    if (!isArrayOf(r[key], hasId)) return `bad ${key}`;
  const ids = r.nextIds as Record<string, unknown> | undefined;
  if (!ids || !['person', 'company', 'association', 'transaction'].every((k) => Number.isFinite(ids[k])))
    return 'bad next ids';
  if (!isArrayOf(s.accessRows, isAccessRow)) return 'bad access rows';
  return undefined;
}

/** The generation time a parsed file asks for, if it has a usable one. */
export function generatedAtOf(value: unknown): number | undefined {
  const at = typeof value === 'object' && value !== null ? (value as { generatedAt?: unknown }).generatedAt : undefined;
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

/** Puts a checked snapshot over freshly generated data (before an InstanceState is built on it). */
export function applySnapshot(data: InstanceData, snapshot: InstanceSnapshot): void {
  Object.assign(data, snapshot.records);
  data.nextIds = { ...snapshot.records.nextIds };
  for (const [user, action, actor, timeSec, detail] of snapshot.accessRows)
    data.accessLog.push(user, action, actor, timeSec, detail);
}
