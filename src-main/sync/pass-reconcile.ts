/**
 * The passes that are not a plain listing: the id sweeps over people or organizations (a
 * reconcile's, and the band check of an incremental sync), and the roles catalogue (one Get Meta
 * call).
 */
import type { SyncCursor } from './store';
import { getSyncCursor } from './store';
import { SmartConnectError } from '../smartsimple/client';
import type { Criterion, WireRecord } from '../smartsimple/protocol';
import { formatWireDate, parseWireDate } from '../smartsimple/protocol';
import { PAGED_ENTITIES, recordIdOf } from './entities';
import type { PassEnv } from './pass';
import { beginPass, commitPage, endPass, fetchPage, pageDone, pageIds } from './pass';
import type { SyncStep } from './plan';
import { denseBand } from './band-store';
import { STAMPED_TABLES, localStamps, text } from './write-common';

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
    const criteria: Criterion[] =
      afterId > 0 ? [{ andor: 'and', field: spec.idField, operator: '>', value: String(afterId) }] : [];
    const callsBefore = env.client.stats().calls;
    const page = await fetchPage(env, idsFn, 'list', criteria, env.sizes.idsPageSize);
    const ids = pageIds(idsFn, page.records, spec.idField, afterId);
    const complete = page.records.length === 0 || page.recordto >= page.allcount;
    const lastId = ids.length > 0 ? Math.max(...ids) : afterId;
    const fresh = await reReadStale(env, step.entity, page.records, afterId, lastId);
    const records = cursor.records + page.records.length;
    const next: SyncCursor = {
      ...cursor,
      afterId: lastId,
      pages: cursor.pages + 1,
      records,
      total: complete ? records : cursor.records + page.allcount,
    };
    cursor = await commitPage(env, step.entity, fresh, ids, next);
    await pageDone(
      env,
      step,
      cursor,
      page.records.length,
      env.client.stats().calls - callsBefore,
      env.sizes.idsPageSize,
    );
  }
  await endPass(env, step, cursor, true);
}

/**
 * Records of an ids page whose mirror copy is missing, removed, or stamped differently, re-read
 * through the List function (100 ids a call).
 */
async function reReadStale(
  env: PassEnv,
  entity: 'people' | 'organizations',
  records: readonly WireRecord[],
  afterId: number,
  lastId: number,
): Promise<WireRecord[]> {
  const spec = PAGED_ENTITIES[entity];
  // Reads on the main connection see what the worker committed (WAL).
  const local = localStamps(env.db, STAMPED_TABLES[entity], env.instanceId, afterId, lastId);
  const stale: string[] = [];
  for (const r of records) {
    const id = recordIdOf(r, spec.idField);
    if (id === undefined) continue;
    const mine = local.get(id);
    const updated = text(r, 'sf_Last Updated');
    if (!mine || mine.deleted || (updated !== null && mine.lastUpdated !== updated)) stale.push(String(id));
  }
  if (stale.length === 0) return [];
  const fresh = [...(await env.client.readCurrent(spec.fn, stale, { signal: env.signal })).values()];
  env.logger.info('re-read records the mirror had wrong', { entity, stale: stale.length, found: fresh.length });
  return fresh;
}

/**
 * The overlap of an incremental sync, when it is dense. An incremental pass selects
 * `last updated >= watermark`, and the watermark sits before the newest date the previous pass saw
 * (minus that pass's duration: a record changed while it ran may be behind its cursor). When many
 * records share those last seconds (a bulk import, a mass update) every incremental sync would
 * re-read all of them. Instead this pass lists that band [watermark, newest seen] by id at 10,000
 * ids a call, re-reads only the records whose date differs from the mirror's, and moves the
 * watermark to one second after the band: the incremental pass then reads what is newer.
 */
export async function runBandPass(env: PassEnv, step: SyncStep): Promise<void> {
  if (step.entity !== 'people' && step.entity !== 'organizations') throw new Error(`${step.entity} has no band sweep`);
  const spec = PAGED_ENTITIES[step.entity];
  const idsFn = spec.idsFn as NonNullable<typeof spec.idsFn>;
  const existing = getSyncCursor(env.db, env.instanceId, step.entity);
  let cursor: SyncCursor;
  if (existing && existing.runId === env.book.runId && existing.phase === 'band') cursor = existing;
  else {
    const band = denseBand(env.db, env.instanceId, step.entity, env.sizes.pageSize);
    if (!band || !existing) {
      await env.book.commit([], { done: step.key });
      env.progress.finish(step.key);
      return;
    }
    // The band's bounds ride in the cursor: since = from, maxSeen = to.
    cursor = {
      ...existing,
      phase: 'band',
      runId: env.book.runId,
      since: band.from,
      maxSeen: band.to,
      afterId: 0,
      pages: 0,
      records: 0,
      total: null,
      passStartedMs: env.clock(),
    };
    cursor = (await env.book.commit([{ op: 'cursor', cursor }])).cursor ?? cursor;
  }
  env.progress.start(step.key);
  const from = cursor.since as string;
  const to = cursor.maxSeen as string;
  while (cursor.total === null || cursor.records < cursor.total) {
    const afterId = cursor.afterId ?? 0;
    const criteria: Criterion[] = [
      { andor: 'and', field: 'sf_Last Updated', operator: '>=', value: from },
      { andor: 'and', field: 'sf_Last Updated', operator: '<=', value: to },
    ];
    if (afterId > 0) criteria.push({ andor: 'and', field: spec.idField, operator: '>', value: String(afterId) });
    const callsBefore = env.client.stats().calls;
    const page = await fetchPage(env, idsFn, 'list', criteria, env.sizes.idsPageSize);
    const ids = pageIds(idsFn, page.records, spec.idField, afterId);
    const complete = page.records.length === 0 || page.recordto >= page.allcount;
    const lastId = ids.length > 0 ? Math.max(...ids) : afterId;
    const fresh = await reReadStale(env, step.entity, page.records, afterId, lastId);
    const records = cursor.records + page.records.length;
    const next: SyncCursor = {
      ...cursor,
      afterId: lastId,
      pages: cursor.pages + 1,
      records,
      total: complete ? records : cursor.records + page.allcount,
    };
    cursor = await commitPage(env, step.entity, fresh, null, next);
    await pageDone(
      env,
      step,
      cursor,
      page.records.length,
      env.client.stats().calls - callsBefore,
      env.sizes.idsPageSize,
    );
  }
  // Everything up to the band's end is checked: the incremental pass reads what is newer. The
  // newest date seen stays the band's end.
  const after = formatWireDate((parseWireDate(to) as number) + 1000);
  await env.book.commit(
    [{ op: 'endPass', cursor: { ...cursor, phase: null, since: null, afterId: null, watermark: after } }],
    { done: step.key },
  );
  env.progress.finish(step.key);
}

/** The roles catalogue: one Get Meta call, read whole; roles no longer listed are marked removed. */
export async function runRolesStep(env: PassEnv, step: SyncStep): Promise<void> {
  const cursor = await beginPass(env, step, true);
  env.progress.start(step.key);
  const callsBefore = env.client.stats().calls;
  const meta = await env.client.getMeta('roles.meta', { signal: env.signal });
  const records = meta.records;
  if (!Array.isArray(records) || records.some((r) => !r || typeof r !== 'object')) {
    throw new SmartConnectError({
      kind: 'malformed',
      fn: 'roles.meta',
      message: 'roles.meta: the reply has no records array',
    });
  }
  const roles = records as WireRecord[];
  const ids = roles.map((r) => recordIdOf(r, 'sf_Role ID')).filter((id): id is number => id !== undefined);
  const done = await commitPage(env, 'roles', roles, ids, {
    ...cursor,
    pages: 1,
    records: roles.length,
    total: roles.length,
  });
  env.progress.refine(step.key, roles.length, 1);
  env.progress.page(step.key, roles.length, env.client.stats().calls - callsBefore);
  await endPass(env, step, done, true);
}
