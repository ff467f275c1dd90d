/**
 * The passes that are not a plain listing: a reconcile's id sweep over people or organizations,
 * and the roles catalogue (one Get Meta call).
 */
import type { SyncCursor } from '../db/queries/mirror-sync';
import { SmartConnectError } from '../smartsimple/client';
import type { Criterion, WireRecord } from '../smartsimple/protocol';
import { PAGED_ENTITIES, recordIdOf } from './entities';
import type { PassEnv } from './pass';
import { beginPass, commitPage, endPass, fetchPage, pageDone, pageIds } from './pass';
import type { SyncStep } from './plan';
import { localStamps, text } from './write-common';

const STAMPED_TABLES = { people: 'mirror_people', organizations: 'mirror_organizations' } as const;

/**
 * Reconcile of people or organizations: list every id with its last-updated date through the
 * cheap ids function at a big page size, re-read the few the mirror has wrong (missing, changed,
 * or marked removed but back), and mark those the server no longer has as removed.
 */
export async function runIdsReconcilePass(env: PassEnv, step: SyncStep): Promise<void> {
  if (step.entity !== 'people' && step.entity !== 'organizations') throw new Error(`${step.entity} has no id sweep`);
  const spec = PAGED_ENTITIES[step.entity];
  const idsFn = spec.idsFn;
  if (!idsFn) throw new Error(`${step.entity} has no ids function`);
  let cursor = await beginPass(env, step, true);
  env.progress.start(step.key);
  while (cursor.total === null || cursor.records < cursor.total) {
    const afterId = cursor.afterId ?? 0;
    const criteria: Criterion[] = afterId > 0 ? [{ andor: 'and', field: spec.idField, operator: '>', value: String(afterId) }] : [];
    const callsBefore = env.client.stats().calls;
    const page = await fetchPage(env, idsFn, 'list', criteria, env.sizes.idsPageSize);
    const ids = pageIds(idsFn, page.records, spec.idField, afterId);
    const complete = page.records.length === 0 || page.recordto >= page.allcount;
    const lastId = ids.length > 0 ? Math.max(...ids) : afterId;
    // Reads on the main connection see what the worker committed (WAL).
    const local = localStamps(env.db, STAMPED_TABLES[step.entity], env.instanceId, afterId, lastId);
    const stale: string[] = [];
    for (const r of page.records) {
      const id = recordIdOf(r, spec.idField);
      if (id === undefined) continue;
      const mine = local.get(id);
      const updated = text(r, 'sf_Last Updated');
      if (!mine || mine.deleted || (updated !== null && mine.lastUpdated !== updated)) stale.push(String(id));
    }
    const fresh = stale.length > 0 ? [...(await env.client.readCurrent(spec.fn, stale, { signal: env.signal })).values()] : [];
    if (stale.length > 0) env.logger.info('reconcile re-read records the mirror had wrong', { entity: step.entity, stale: stale.length, found: fresh.length });
    const records = cursor.records + page.records.length;
    const next: SyncCursor = { ...cursor, afterId: lastId, pages: cursor.pages + 1, records, total: complete ? records : cursor.records + page.allcount };
    cursor = await commitPage(env, step.entity, fresh, ids, next);
    await pageDone(env, step, cursor, page.records.length, env.client.stats().calls - callsBefore, env.sizes.idsPageSize);
  }
  await endPass(env, step, cursor, true);
}

/** The roles catalogue: one Get Meta call, read whole; roles no longer listed are marked removed. */
export async function runRolesStep(env: PassEnv, step: SyncStep): Promise<void> {
  const cursor = await beginPass(env, step, true);
  env.progress.start(step.key);
  const callsBefore = env.client.stats().calls;
  const meta = await env.client.getMeta('roles.meta', { signal: env.signal });
  const records = meta.records;
  if (!Array.isArray(records) || records.some((r) => !r || typeof r !== 'object')) {
    throw new SmartConnectError({ kind: 'malformed', fn: 'roles.meta', message: 'roles.meta: the reply has no records array' });
  }
  const roles = records as WireRecord[];
  const ids = roles.map((r) => recordIdOf(r, 'sf_Role ID')).filter((id): id is number => id !== undefined);
  const done = await commitPage(env, 'roles', roles, ids, { ...cursor, pages: 1, records: roles.length, total: roles.length });
  env.progress.refine(step.key, roles.length, 1);
  env.progress.page(step.key, roles.length, env.client.stats().calls - callsBefore);
  await endPass(env, step, done, true);
}
