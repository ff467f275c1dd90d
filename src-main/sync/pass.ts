/**
 * One pass over one entity: full (everything), incremental (changed since the watermark), or a
 * reconcile re-read. Pages are keyed (`id > last id`), and each page's rows, the cursor and the
 * run summary are committed in one transaction, so a pass killed at any instant resumes after its
 * last committed page. Passes that can notice deletions record the ids they saw and, at the end,
 * mark mirror rows the server no longer listed as removed.
 */
import type { SyncCursor } from '../db/queries/mirror-sync';
import { getSyncCursor, saveSyncCursor } from '../db/queries/mirror-sync';
import type { DB } from '../db/open';
import type { Logger } from '../log/logger';
import type { ListPage, SmartConnectClient } from '../smartsimple/client';
import { SmartConnectError } from '../smartsimple/client';
import { performance } from 'node:perf_hooks';
import type { Criterion, KnownFunctionName, WireRecord } from '../smartsimple/protocol';
import { formatWireDate, parseWireDate } from '../smartsimple/protocol';
import type { PagedEntitySpec } from './entities';
import { PAGED_ENTITIES, recordIdOf } from './entities';
import type { PageSizes, SyncStep } from './plan';
import { callsFor } from './plan';
import type { SyncProgress } from './progress';
import type { RunBook } from './run-book';
import { yieldToEventLoop } from './run-book';
import type { EntityWriter } from './write-common';
import type { WriteSlicer } from './write-slicer';
import { seenStatements, text } from './write-common';
import type { SyncEntity } from './types';

export interface PassEnv {
  db: DB;
  client: SmartConnectClient;
  instanceId: string;
  signal: AbortSignal;
  logger: Logger;
  clock: () => number;
  overlapMs: number;
  sizes: PageSizes;
  book: RunBook;
  progress: SyncProgress;
  slicer: WriteSlicer;
  afterPage?: (entity: SyncEntity, pages: number) => void | Promise<void>;
}

/** Live rows per slice when marking unseen rows as removed (each slice is one short transaction). */
const UNSEEN_SLICE = 5000;

const isLog = (entity: SyncEntity) => entity === 'access_events' || entity === 'login_sessions';
const nowText = (env: PassEnv) => new Date(env.clock()).toISOString();

/** One page of a List or Report-Query function: one call. */
async function fetchPage(env: PassEnv, fn: KnownFunctionName, source: 'list' | 'report', criteria: Criterion[], pageSize: number): Promise<ListPage> {
  const options = { criteria, pageSize, signal: env.signal };
  const pages = source === 'report' ? env.client.reportQuery(fn, options) : env.client.list(fn, options);
  try {
    const first = await pages.next();
    return first.done ? { index: 0, records: [], recordfrom: 0, recordto: 0, recordcount: 0, allcount: 0, shifted: false } : first.value;
  } finally {
    await pages.return(undefined);
  }
}

/** Ids of a page, checked to move past the cursor (a server that ignored the criteria would loop). */
function pageIds(fn: string, records: readonly WireRecord[], idField: string, afterId: number): number[] {
  const ids: number[] = [];
  for (const r of records) {
    const id = recordIdOf(r, idField);
    if (id === undefined) continue;
    if (id <= afterId) {
      throw new SmartConnectError({ kind: 'malformed', fn, message: `${fn}: record ${id} came back for "${idField} > ${afterId}"; the server ignored the paging criteria` });
    }
    ids.push(id);
  }
  return ids;
}

function maxText(values: Iterable<string | null>, start: string | null): string | null {
  let max = start;
  for (const v of values) if (v && (max === null || v > max)) max = v;
  return max;
}

/**
 * Where the next incremental pass starts. A record changed while this pass ran may sit behind the
 * cursor already; its last-updated date is at least the server's time when the pass began, which
 * is at least the newest date seen minus the pass's duration. So: newest seen, minus the duration,
 * minus a small overlap for clock steps.
 */
export function nextWatermark(c: SyncCursor, now: number, overlapMs: number): string | null {
  const seen = parseWireDate(c.maxSeen);
  if (seen === undefined) return c.phase === 'incremental' ? (c.since ?? c.watermark) : null;
  const w = formatWireDate(seen - Math.max(0, now - (c.passStartedMs ?? now)) - overlapMs);
  return c.phase === 'incremental' && c.since && c.since > w ? c.since : w;
}

function beginPass(env: PassEnv, step: SyncStep, writer: EntityWriter, trackSeen: boolean): SyncCursor {
  const existing = getSyncCursor(env.db, env.instanceId, step.entity);
  if (existing && existing.runId === env.book.runId && existing.phase === step.phase) return existing;
  const spec = step.entity === 'roles' ? undefined : PAGED_ENTITIES[step.entity];
  const incremental = step.phase === 'incremental';
  const cursor: SyncCursor = {
    instanceId: env.instanceId,
    entity: step.entity,
    phase: step.phase,
    runId: env.book.runId,
    since: incremental && spec?.updatedField ? (existing?.watermark ?? null) : null,
    // Append-only sources without a date continue after what the mirror holds.
    afterId: incremental && spec && !spec.updatedField ? (writer.maxId?.() ?? 0) : 0,
    pages: 0,
    records: 0,
    maxSeen: null,
    passStartedMs: env.clock(),
    total: null,
    watermark: existing?.watermark ?? null,
    lastCount: existing?.lastCount ?? null,
    completedAt: existing?.completedAt ?? null,
  };
  const seen = seenStatements(env.db, env.instanceId, step.entity);
  env.book.write(() => {
    if (trackSeen) seen.clear();
    saveSyncCursor(env.db, cursor);
  });
  return cursor;
}

async function endPass(env: PassEnv, step: SyncStep, writer: EntityWriter, cursor: SyncCursor, trackSeen: boolean): Promise<void> {
  const seen = seenStatements(env.db, env.instanceId, step.entity);
  if (trackSeen && writer.markUnseen) {
    const mark = writer.markUnseen.bind(writer);
    for (let after: number | null = 0; after !== null; ) {
      const from: number = after;
      after = env.book.write(() => {
        const { lastId, counts } = mark(from, UNSEEN_SLICE, nowText(env));
        env.book.add(counts, 0);
        return lastId;
      });
      await yieldToEventLoop();
    }
  }
  env.book.write(() => {
    if (trackSeen) seen.clear();
    const watermark = step.phase === 'reconcile' && step.entity !== 'roles' && PAGED_ENTITIES[step.entity].idsFn ? cursor.watermark : nextWatermark(cursor, env.clock(), env.overlapMs);
    saveSyncCursor(env.db, { ...cursor, phase: null, since: null, afterId: null, watermark, lastCount: writer.count(), completedAt: nowText(env) });
    env.book.done(step.key);
  });
  env.progress.finish(step.key);
}

/**
 * Writes a page's records in slices (see write-slicer.ts) and, with the last slice, the page's
 * seen ids and whatever `finish` saves (the cursor). Returns what `finish` returned.
 */
async function commitPage<T>(env: PassEnv, entity: SyncEntity, writer: EntityWriter, records: readonly WireRecord[], seenIds: readonly number[] | null, finish: () => T): Promise<T> {
  const seen = seenStatements(env.db, env.instanceId, entity);
  let offset = 0;
  for (;;) {
    const slice = records.slice(offset, offset + env.slicer.size(entity));
    offset += slice.length;
    const last = offset >= records.length;
    const started = performance.now();
    const out = env.book.write(() => {
      env.book.takeCalls();
      env.book.add(writer.apply(slice, nowText(env)), slice.length);
      if (!last) return null;
      if (seenIds) seen.add(seenIds);
      return { value: finish() };
    }, slice.length);
    env.slicer.record(entity, slice.length, performance.now() - started);
    if (out) return out.value;
    await yieldToEventLoop();
  }
}

/** Full, incremental, or reconcile re-read of a paged entity. */
export async function runListingPass(env: PassEnv, step: SyncStep, writer: EntityWriter): Promise<void> {
  if (step.entity === 'roles') throw new Error('roles are not paged');
  const spec: PagedEntitySpec = PAGED_ENTITIES[step.entity];
  const pageSize = spec.pageGroup === 'logs' ? env.sizes.logPageSize : env.sizes.pageSize;
  // Logs are never deleted on the server; everything else is checked when read whole.
  const trackSeen = !isLog(step.entity) && step.phase !== 'incremental';
  let cursor = beginPass(env, step, writer, trackSeen);
  env.progress.start(step.key);
  while (cursor.total === null || cursor.records < cursor.total) {
    const afterId = cursor.afterId ?? 0;
    const criteria: Criterion[] = [];
    if (cursor.since && spec.updatedField) criteria.push({ andor: 'and', field: spec.updatedField, operator: '>=', value: cursor.since });
    if (afterId > 0) criteria.push({ andor: 'and', field: spec.idField, operator: '>', value: String(afterId) });
    const page = await fetchPage(env, spec.fn, spec.source, criteria, pageSize);
    const ids = pageIds(spec.fn, page.records, spec.idField, afterId);
    const complete = page.records.length === 0 || page.recordto >= page.allcount;
    const maxSeen = spec.updatedField ? maxText(page.records.map((r) => text(r, spec.updatedField as string)), cursor.maxSeen) : null;
    const before = cursor;
    const callsBefore = env.book.summary.calls;
    cursor = await commitPage(env, step.entity, writer, page.records, trackSeen ? ids : null, () => {
      const records = before.records + page.records.length;
      const next: SyncCursor = {
        ...before,
        afterId: ids.length > 0 ? Math.max(...ids) : afterId,
        pages: before.pages + 1,
        records,
        maxSeen,
        total: complete ? records : before.records + page.allcount,
      };
      saveSyncCursor(env.db, next);
      return next;
    });
    const calls = env.book.summary.calls - callsBefore;
    const total = cursor.total ?? cursor.records;
    env.progress.refine(step.key, total, cursor.pages + (complete ? 0 : callsFor(total - cursor.records, pageSize)));
    env.progress.page(step.key, page.records.length, calls);
    await env.afterPage?.(step.entity, cursor.pages);
    await yieldToEventLoop();
  }
  await endPass(env, step, writer, cursor, trackSeen);
}

/**
 * Reconcile of people or organizations: list every id with its last-updated date through the
 * cheap ids function at a big page size, re-read the few the mirror has wrong (missing, changed,
 * or marked removed but back), and mark those the server no longer has as removed.
 */
export async function runIdsReconcilePass(env: PassEnv, step: SyncStep, writer: EntityWriter): Promise<void> {
  if (step.entity === 'roles') throw new Error('roles are not paged');
  const spec = PAGED_ENTITIES[step.entity];
  const idsFn = spec.idsFn;
  if (!idsFn || !writer.stamps) throw new Error(`${step.entity} has no ids function`);
  const stampsOf = writer.stamps.bind(writer);
  let cursor = beginPass(env, step, writer, true);
  env.progress.start(step.key);
  while (cursor.total === null || cursor.records < cursor.total) {
    const afterId = cursor.afterId ?? 0;
    const criteria: Criterion[] = afterId > 0 ? [{ andor: 'and', field: spec.idField, operator: '>', value: String(afterId) }] : [];
    const page = await fetchPage(env, idsFn, 'list', criteria, env.sizes.idsPageSize);
    const ids = pageIds(idsFn, page.records, spec.idField, afterId);
    const complete = page.records.length === 0 || page.recordto >= page.allcount;
    const lastId = ids.length > 0 ? Math.max(...ids) : afterId;
    const local = stampsOf(afterId, lastId);
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
    const before = cursor;
    const callsBefore = env.book.summary.calls;
    cursor = await commitPage(env, step.entity, writer, fresh, ids, () => {
      const records = before.records + page.records.length;
      const next: SyncCursor = { ...before, afterId: lastId, pages: before.pages + 1, records, total: complete ? records : before.records + page.allcount };
      saveSyncCursor(env.db, next);
      return next;
    });
    const calls = env.book.summary.calls - callsBefore;
    const total = cursor.total ?? cursor.records;
    env.progress.refine(step.key, total, cursor.pages + (complete ? 0 : callsFor(total - cursor.records, env.sizes.idsPageSize)));
    env.progress.page(step.key, page.records.length, calls);
    await env.afterPage?.(step.entity, cursor.pages);
    await yieldToEventLoop();
  }
  await endPass(env, step, writer, cursor, true);
}

/** The roles catalogue: one Get Meta call, read whole; roles no longer listed are marked removed. */
export async function runRolesStep(env: PassEnv, step: SyncStep, writer: EntityWriter): Promise<void> {
  const cursor = beginPass(env, step, writer, true);
  env.progress.start(step.key);
  const meta = await env.client.getMeta('roles.meta', { signal: env.signal });
  const records = meta.records;
  if (!Array.isArray(records) || records.some((r) => !r || typeof r !== 'object')) {
    throw new SmartConnectError({ kind: 'malformed', fn: 'roles.meta', message: 'roles.meta: the reply has no records array' });
  }
  const roles = records as WireRecord[];
  const seen = seenStatements(env.db, env.instanceId, 'roles');
  let calls = 0;
  env.book.write(() => {
    env.book.add(writer.apply(roles, nowText(env)), roles.length);
    seen.add(roles.map((r) => recordIdOf(r, 'sf_Role ID')).filter((id): id is number => id !== undefined));
    calls = env.book.takeCalls();
    saveSyncCursor(env.db, { ...cursor, pages: 1, records: roles.length, total: roles.length });
  }, roles.length);
  env.progress.refine(step.key, roles.length, 1);
  env.progress.page(step.key, roles.length, calls);
  await endPass(env, step, writer, { ...cursor, pages: 1, records: roles.length, total: roles.length }, true);
}
