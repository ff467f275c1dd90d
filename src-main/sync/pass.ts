/**
 * One pass over one entity: full (everything), incremental (changed since the watermark), or a
 * reconcile re-read. Pages are keyed (`id > last id`); each page's rows, the cursor and the run
 * summary are committed in one transaction (in the write worker), so a pass killed at any instant
 * resumes after its last committed page. Passes that can notice deletions record the ids they saw
 * and, at the end, mark mirror rows the server no longer listed as removed.
 *
 * Without a worker the page is written on the main thread in slices, the cursor with the last one;
 * the slices before it are safe to write again (see write-slicer.ts).
 */
import type { SyncCursor } from './store';
import { getSyncCursor } from './store';
import type { DB } from '../db/open';
import type { Logger } from '../log/logger';
import type { ListPage, SmartConnectClient } from '../smartsimple/client';
import { SmartConnectError } from '../smartsimple/client';
import type { Criterion, KnownFunctionName, WireRecord } from '../smartsimple/protocol';
import { formatWireDate, parseWireDate } from '../smartsimple/protocol';
import type { PagedEntitySpec } from './entities';
import { PAGED_ENTITIES, recordIdOf } from './entities';
import type { PageSizes, SyncStep } from './plan';
import { callsFor } from './plan';
import type { SyncProgress } from './progress';
import type { RunBook } from './run-book';
import { yieldToEventLoop } from './run-book';
import { text } from './write-common';
import type { WriteOp } from './write-batch';
import type { WriteSlicer } from './write-slicer';
import type { PageSizerOptions } from './page-sizer';
import type { PlannedPages } from './planned-pages';
import { fetchFirstPage, takePlannedPage } from './planned-pages';
import { PageSizer, isPageSizeFailure } from './page-sizer';
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
  /** How listing pages back off on slow or failed pages (page-sizer.ts). */
  paging?: PageSizerOptions;
  /** First pages the plan fetched (planned-pages.ts); a pass takes its own out. */
  plannedPages?: PlannedPages;
}

/** Live rows per slice when marking unseen rows as removed (each slice is one short transaction). */
const UNSEEN_SLICE = 2000;

const isLog = (entity: SyncEntity) => entity === 'access_events' || entity === 'login_sessions';

/** One page of a List or Report-Query function: one call (`attempts` of it, default the client's). */
export function fetchPage(
  env: PassEnv,
  fn: KnownFunctionName,
  source: 'list' | 'report',
  criteria: Criterion[],
  pageSize: number,
  attempts?: number,
): Promise<ListPage> {
  return fetchFirstPage(env.client, fn, source, criteria, { pageSize, signal: env.signal, attempts });
}

/** Ids of a page, checked to move past the cursor (a server that ignored the criteria would loop). */
export function pageIds(fn: string, records: readonly WireRecord[], idField: string, afterId: number): number[] {
  const ids: number[] = [];
  for (const r of records) {
    const id = recordIdOf(r, idField);
    if (id === undefined) continue;
    if (id <= afterId) {
      throw new SmartConnectError({
        kind: 'malformed',
        fn,
        message: `${fn}: record ${id} came back for "${idField} > ${afterId}"; the server ignored the paging criteria`,
      });
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

/** Starts the step's pass, or returns the cursor of the same pass a crash or cancel interrupted. */
export async function beginPass(env: PassEnv, step: SyncStep, trackSeen: boolean): Promise<SyncCursor> {
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
    afterId: 0,
    pages: 0,
    records: 0,
    maxSeen: null,
    passStartedMs: env.clock(),
    total: null,
    watermark: existing?.watermark ?? null,
    lastCount: existing?.lastCount ?? null,
    completedAt: existing?.completedAt ?? null,
  };
  // Indexes a crashed or abandoned pass left dropped come back (first: they are built in
  // transactions of their own); a full pass into empty tables drops them again until its end
  // (index-store.ts), and its cursor says `bulk`.
  const ops: WriteOp[] = [{ op: 'restoreIndexes', entity: step.entity }];
  if (trackSeen) ops.push({ op: 'clearSeen', entity: step.entity });
  if (step.phase === 'full') ops.push({ op: 'deferIndexes', entity: step.entity });
  // Append-only sources without a date continue after the highest id the mirror holds.
  ops.push({ op: 'cursor', cursor, continueAfterMax: incremental && spec !== undefined && !spec.updatedField });
  return (await env.book.commit(ops)).cursor ?? cursor;
}

/**
 * Marks what the pass did not see as removed (in slices), then closes the pass. A pass that began
 * on empty tables (`bulk`) saw everything they hold, so it has nothing to sweep.
 */
export async function endPass(env: PassEnv, step: SyncStep, cursor: SyncCursor, trackSeen: boolean): Promise<void> {
  if (trackSeen) {
    for (let after: number | null = 0; after !== null;) {
      const result = await env.book.commit([
        { op: 'markUnseen', entity: step.entity, afterId: after, limit: UNSEEN_SLICE },
      ]);
      after = result.unseenLastId ?? null;
      await yieldToEventLoop();
    }
  }
  const idSweep =
    step.phase === 'reconcile' && step.entity !== 'roles' && PAGED_ENTITIES[step.entity].idsFn !== undefined;
  const watermark = idSweep ? cursor.watermark : nextWatermark(cursor, env.clock(), env.overlapMs);
  // The deferred indexes first, in transactions of their own; the seen ids are cleared only with
  // the cursor that closes the pass, so a crash before it sweeps again with them.
  const ops: WriteOp[] = [{ op: 'restoreIndexes', entity: step.entity }];
  // A first sync's people came in many short transactions, each a small segment of the search
  // index: merged into one, a search looks each term up once.
  if (step.entity === 'people' && cursor.bulk) ops.push({ op: 'compactSearch' });
  if (trackSeen) ops.push({ op: 'clearSeen', entity: step.entity });
  ops.push({ op: 'endPass', cursor: { ...cursor, phase: null, since: null, afterId: null, watermark } });
  await env.book.commit(ops, { done: step.key });
  env.progress.finish(step.key);
}

/**
 * Commits a page: its records, the ids it saw, and the cursor that marks it done, in one
 * transaction (in slices when writing inline).
 */
export async function commitPage(
  env: PassEnv,
  entity: SyncEntity,
  records: WireRecord[],
  seenIds: number[] | null,
  cursor: SyncCursor,
): Promise<SyncCursor> {
  const whole = env.book.writer === 'worker';
  let offset = 0;
  for (;;) {
    const size = whole ? records.length : env.slicer.size(entity);
    const slice = offset === 0 && size >= records.length ? records : records.slice(offset, offset + size);
    offset += slice.length;
    const last = offset >= records.length;
    const ops: WriteOp[] = [{ op: 'apply', entity, records: slice }];
    if (last) {
      if (seenIds) ops.push({ op: 'seen', entity, ids: seenIds });
      ops.push({ op: 'cursor', cursor });
    }
    const result = await env.book.commit(ops, { entity });
    if (!whole) env.slicer.record(entity, slice.length, result.ms);
    if (last) return result.cursor ?? cursor;
    await yieldToEventLoop();
  }
}

/** After a committed page: progress, the test hook, a turn of the event loop. */
export async function pageDone(
  env: PassEnv,
  step: SyncStep,
  cursor: SyncCursor,
  received: number,
  calls: number,
  pageSize: number,
): Promise<void> {
  const total = cursor.total ?? cursor.records;
  const complete = cursor.records >= total;
  env.progress.refine(step.key, total, cursor.pages + (complete ? 0 : callsFor(total - cursor.records, pageSize)));
  env.progress.page(step.key, received, calls);
  await env.afterPage?.(step.entity, cursor.pages);
  await yieldToEventLoop();
}

/** Pages handed to the write worker and not yet committed: writes queue up when they are slower. */
export const WORKER_WINDOW = 3;

/**
 * Full, incremental, or reconcile re-read of a paged entity. The next page is asked for while the
 * current one is written (its key is known once the page is here), and with the write worker up
 * to WORKER_WINDOW pages may wait to be written (the worker then writes them in one transaction),
 * so the network and the disk overlap. A crash or cancel loses at most the pages not yet
 * committed; nothing committed is ever fetched again.
 */
/** A page asked for, with its size, and how long the server took to answer it or how it failed. */
type TimedPage = { askedFor: number } & ({ page: ListPage; ms: number } | { error: unknown });

/**
 * Fetches the pages of a listing pass at the sizer's size, keyed on the cursor. Above the floor a
 * page gets one attempt: its failure is answered with a smaller page, not the same request again.
 */
/** The criteria of the page after the cursor: changed since its watermark, ids past its last. */
function pageCriteria(spec: PagedEntitySpec, c: SyncCursor): Criterion[] {
  const criteria: Criterion[] = [];
  if (c.since && spec.updatedField)
    criteria.push({ andor: 'and', field: spec.updatedField, operator: '>=', value: c.since });
  if ((c.afterId ?? 0) > 0)
    criteria.push({ andor: 'and', field: spec.idField, operator: '>', value: String(c.afterId) });
  return criteria;
}

/**
 * The first page the plan fetched for this pass, when the pass is at its very start and asks for
 * the same; the pass then counts as started when that page was fetched (for its watermark).
 */
function plannedStart(
  env: PassEnv,
  step: SyncStep,
  spec: PagedEntitySpec,
  cursor: SyncCursor,
  pageSize: number,
): { ahead: Promise<TimedPage>; cursor: SyncCursor } | null {
  if (cursor.pages > 0 || (cursor.afterId ?? 0) > 0) return null;
  const now = env.clock();
  const planned = takePlannedPage(env.plannedPages, step.key, { criteria: pageCriteria(spec, cursor), pageSize, now });
  if (!planned) return null;
  const started = Math.min(cursor.passStartedMs ?? now, planned.fetchedAt);
  return {
    ahead: Promise.resolve({ page: planned.page, askedFor: pageSize, ms: 0 }),
    cursor: { ...cursor, passStartedMs: started },
  };
}

function pageFetcher(env: PassEnv, spec: PagedEntitySpec, sizer: PageSizer) {
  return (c: SyncCursor): Promise<TimedPage> => {
    const criteria = pageCriteria(spec, c);
    const askedFor = sizer.size;
    const started = performance.now();
    const attempts = sizer.canShrink ? 1 : undefined;
    // Settled into a value now, so a failure while something else is awaited is not an
    // unhandled rejection; the caller sees it when it takes the page.
    return fetchPage(env, spec.fn, spec.source, criteria, askedFor, attempts).then(
      (page): TimedPage => ({ page, askedFor, ms: performance.now() - started }),
      (error: unknown): TimedPage => ({ error, askedFor }),
    );
  };
}

/** The page for `cursor`, asked again smaller while the server fails on it and the size can shrink. */
async function nextPage(
  env: PassEnv,
  step: SyncStep,
  sizer: PageSizer,
  first: Promise<TimedPage>,
  fetchAfter: (c: SyncCursor) => Promise<TimedPage>,
  cursor: SyncCursor,
): Promise<ListPage> {
  let pending = first;
  for (;;) {
    const got = await pending;
    if ('page' in got) {
      sizer.answered(got.ms, got.askedFor);
      return got.page;
    }
    const e = got.error;
    if (env.signal.aborted || !isPageSizeFailure(e) || !sizer.failed(got.askedFor)) throw e;
    env.logger.warn('a sync page failed: asking for smaller pages', {
      step: step.key,
      pageSize: sizer.size,
      error: e instanceof Error ? e.message : String(e),
    });
    pending = fetchAfter(cursor);
  }
}

export async function runListingPass(env: PassEnv, step: SyncStep): Promise<void> {
  if (step.entity === 'roles') throw new Error('roles are not paged');
  const spec: PagedEntitySpec = PAGED_ENTITIES[step.entity];
  const sizer = new PageSizer(spec.pageGroup === 'logs' ? env.sizes.logPageSize : env.sizes.pageSize, env.paging);
  // Logs are never deleted on the server; everything else is checked when read whole.
  const sweep = !isLog(step.entity) && step.phase !== 'incremental';
  const fetchAfter = pageFetcher(env, spec, sizer);
  const window = env.book.writer === 'worker' ? WORKER_WINDOW : 1;
  let cursor = await beginPass(env, step, sweep);
  const trackSeen = sweep && !cursor.bulk;
  env.progress.start(step.key);
  let ahead: Promise<TimedPage> | null = null;
  const planned = plannedStart(env, step, spec, cursor, sizer.size);
  if (planned) ({ ahead, cursor } = planned);
  const writing: Promise<void>[] = [];
  try {
    while (cursor.total === null || cursor.records < cursor.total) {
      const afterId = cursor.afterId ?? 0;
      const callsBefore = env.client.stats().calls;
      const page = await nextPage(env, step, sizer, ahead ?? fetchAfter(cursor), fetchAfter, cursor);
      ahead = null;
      const ids = pageIds(spec.fn, page.records, spec.idField, afterId);
      const complete = page.records.length === 0 || page.recordto >= page.allcount;
      const records = cursor.records + page.records.length;
      const next: SyncCursor = {
        ...cursor,
        afterId: ids.length > 0 ? Math.max(...ids) : afterId,
        pages: cursor.pages + 1,
        records,
        maxSeen: spec.updatedField
          ? maxText(
              page.records.map((r) => text(r, spec.updatedField as string)),
              cursor.maxSeen,
            )
          : null,
        total: complete ? records : cursor.records + page.allcount,
      };
      const pageSize = sizer.size;
      const written = commitPage(env, step.entity, page.records, trackSeen ? ids : null, next).then((c) =>
        pageDone(env, step, c, page.records.length, env.client.stats().calls - callsBefore, pageSize),
      );
      written.catch(() => undefined);
      writing.push(written);
      cursor = next;
      if (!complete && !env.signal.aborted) ahead = fetchAfter(next);
      while (writing.length >= window) await writing.shift();
    }
    for (const w of writing.splice(0)) await w;
  } finally {
    // On a failure or cancel: let the pages already handed over settle before the run ends. A page
    // fetched ahead and not needed settles unobserved.
    await Promise.allSettled(writing);
  }
  await endPass(env, step, cursor, trackSeen);
}
