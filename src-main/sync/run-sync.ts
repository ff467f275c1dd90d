/**
 * runSync: one sync run of one instance, as a background job. It picks the kind (or continues an
 * unfinished run), walks the steps in order (roles, organizations, people, programs, assignments,
 * the two logs, then a reconcile's id sweeps), and leaves a summary on the run row.
 *
 * Every page is committed with its cursor, so a crash, a quit or a cancel loses at most the page in
 * flight; the next runSync continues the same run. Waits for the hourly limit happen inside the
 * client (it holds the budget); the relay turns them into progress messages.
 */
import type { SyncRun } from './store';
import { createSyncRun, saveSyncRunSummary, setSyncRunState } from './store';
import { SmartConnectError } from '../smartsimple/client';
import { ENTITY_LABELS } from './entities';
import type { PassEnv } from './pass';
import { runListingPass } from './pass';
import { runBandPass, runIdsReconcilePass, runRolesStep } from './pass-reconcile';
import type { SyncStep } from './plan';
import { DEFAULT_RECONCILE_EVERY_MS, decideKind, estimateSteps, resolveSizes, stepsFor } from './plan';
import { SyncProgress } from './progress';
import { RunBook } from './run-book';
import { WriteSlicer } from './write-slicer';
import { createPageStore } from './page-store';
import type { RunSyncOptions, SummaryKind, SyncRunResult, SyncSummary } from './types';
import { SUMMARY_KINDS } from './types';

export const DEFAULT_OVERLAP_MS = 2 * 60 * 1000;

const KIND_NOUNS: Record<SummaryKind, string> = {
  roles: 'roles',
  organizations: 'organizations',
  people: 'people',
  programs: 'programs',
  assignments: 'program assignments',
  access_events: 'access changes',
  login_sessions: 'login sessions',
  role_holdings: 'role holdings',
};

/** "Full sync: 500 people added; 30 organizations added; ... 14 calls." */
export function describeSummary(kind: string, s: SyncSummary): string {
  const parts: string[] = [];
  for (const k of SUMMARY_KINDS) {
    const c = s.kinds[k];
    const bits = [
      c.added && `${c.added.toLocaleString('en-US')} added`,
      c.changed && `${c.changed.toLocaleString('en-US')} changed`,
      c.removed && `${c.removed.toLocaleString('en-US')} removed`,
    ].filter(Boolean);
    if (bits.length > 0) parts.push(`${KIND_NOUNS[k]} ${bits.join(', ')}`);
  }
  const what = parts.length > 0 ? parts.join('; ') : 'no changes';
  const label = kind === 'full' ? 'Full sync' : kind === 'reconcile' ? 'Reconcile' : 'Incremental sync';
  return `${label}: ${what}; ${s.calls.toLocaleString('en-US')} calls.`;
}

function isCancel(e: unknown, signal: AbortSignal): boolean {
  return (
    signal.aborted ||
    (e instanceof SmartConnectError && e.kind === 'cancelled') ||
    (e instanceof Error && e.name === 'AbortError')
  );
}

export async function runSync(options: RunSyncOptions): Promise<SyncRunResult> {
  const clock = options.clock ?? Date.now;
  const sizes = resolveSizes(options);
  // One sync per instance at a time is the job runner's exclusive key (`sync:<instance>`).
  return syncInstance(options, clock, sizes, options.logger.child('sync'));
}

type Sizes = ReturnType<typeof resolveSizes>;
type SyncLogger = RunSyncOptions['logger'];

/** The run itself, once runSync holds the instance: open or resume it, walk its steps, summarize. */
async function syncInstance(
  options: RunSyncOptions,
  clock: () => number,
  sizes: Sizes,
  log: SyncLogger,
): Promise<SyncRunResult> {
  const { db, client, instanceId, ctx } = options;
  ctx.throwIfCancelled();
  const decision = decideKind(
    db,
    instanceId,
    options.mode ?? 'auto',
    clock(),
    options.reconcileEveryMs ?? DEFAULT_RECONCILE_EVERY_MS,
  );
  const run = decision.resume
    ? resumeRun(db, decision.resume, log)
    : startRun(db, instanceId, decision.kind, clock, log);
  const now = () => new Date(clock()).toISOString();
  const store = await createPageStore(db, instanceId, options.writer ?? 'auto', log);
  const book = new RunBook(run.id, run.summary, client, store, now);
  const steps = stepsFor(run.kind);
  const progress = new SyncProgress(
    ctx,
    clock,
    estimateSteps(db, instanceId, steps, sizes, new Map(options.plannedCounts ?? [])),
    run.summary.calls,
    () => client.stats().calls,
  );
  for (const key of run.summary.done) progress.skip(key);
  const unsubscribe = options.waits?.subscribe((event) => progress.wait(event));
  const env: PassEnv = {
    db,
    client,
    instanceId,
    signal: ctx.signal,
    logger: log,
    clock,
    overlapMs: options.overlapMs ?? DEFAULT_OVERLAP_MS,
    sizes,
    book,
    progress,
    slicer: new WriteSlicer(options.sliceMs),
    afterPage: options.afterPage,
    ...(options.paging ? { paging: options.paging } : {}),
    ...(options.plannedPages ? { plannedPages: new Map(options.plannedPages) } : {}),
  };
  try {
    // A new run puts back any index an abandoned run left dropped; a resumed one keeps them
    // dropped until its pass ends.
    if (!decision.resume) await book.commit([{ op: 'restoreIndexes', entity: 'all' }]);
    for (const step of steps) {
      if (book.summary.done.includes(step.key)) continue;
      ctx.throwIfCancelled();
      await runStep(env, step);
    }
    await book.flushCalls();
    setSyncRunState(db, run.id, 'succeeded', now());
  } catch (e) {
    await recordStop(env, run, e, ctx.signal);
    throw e;
  } finally {
    unsubscribe?.();
    const closed = await store.close();
    book.timing.writerCpuMs = closed.cpuMs;
    book.timing.gaveWay = closed.gaveWay;
  }
  return finishedResult(run, book, decision.resume !== null, log);
}

function resumeRun(db: RunSyncOptions['db'], run: SyncRun, log: SyncLogger): SyncRun {
  run.summary.resumes++;
  db.transaction(() => {
    setSyncRunState(db, run.id, 'running', null);
    saveSyncRunSummary(db, run.id, run.summary);
  })();
  log.info('resuming sync run', { runId: run.id, kind: run.kind, done: run.summary.done });
  return run;
}

function startRun(
  db: RunSyncOptions['db'],
  instanceId: string,
  kind: SyncRun['kind'],
  clock: () => number,
  log: SyncLogger,
): SyncRun {
  const run = createSyncRun(db, instanceId, kind, new Date(clock()).toISOString());
  log.info('starting sync run', { runId: run.id, kind: run.kind });
  return run;
}

/** Leaves a failed or cancelled run for the next sync to resume. */
async function recordStop(env: PassEnv, run: SyncRun, e: unknown, signal: AbortSignal): Promise<void> {
  const cancelled = isCancel(e, signal);
  // The calls a failed or cancelled page made still count; the database may be the problem.
  await env.book.flushCalls().catch(() => undefined);
  const message = e instanceof Error ? e.message : String(e);
  setSyncRunState(
    env.db,
    run.id,
    cancelled ? 'cancelled' : 'failed',
    new Date(env.clock()).toISOString(),
    cancelled ? null : message,
  );
  env.logger[cancelled ? 'info' : 'warn'](
    cancelled ? 'sync cancelled; the next sync resumes it' : 'sync failed; the next sync resumes it',
    { runId: run.id, error: message },
  );
}

function finishedResult(run: SyncRun, book: RunBook, resumed: boolean, log: SyncLogger): SyncRunResult {
  const message = describeSummary(run.kind, book.summary);
  log.info('sync finished', {
    runId: run.id,
    kind: run.kind,
    calls: book.summary.calls,
    records: book.summary.records,
    writeMs: Math.round(book.timing.writeMs),
  });
  return {
    runId: run.id,
    kind: run.kind,
    resumed,
    summary: book.summary,
    message,
    timing: book.timing,
  };
}

async function runStep(env: PassEnv, step: SyncStep): Promise<void> {
  env.logger.debug('sync step', { step: step.key, label: ENTITY_LABELS[step.entity] });
  if (step.entity === 'roles') return runRolesStep(env, step);
  if (step.phase === 'band') return runBandPass(env, step);
  if (step.phase === 'reconcile' && (step.entity === 'people' || step.entity === 'organizations'))
    return runIdsReconcilePass(env, step);
  return runListingPass(env, step);
}
