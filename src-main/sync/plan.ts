/**
 * What a sync will do, step by step, and what it will cost in calls: the steps of each kind, which
 * kind `auto` picks (and whether an unfinished run is resumed), and the call estimate shown before
 * it starts ("about 42 calls; 958 left this hour").
 */
import type { SyncRun } from './store';
import { getSyncCursor, lastSucceededRun, latestSyncRun } from './store';
import type { DB } from '../db/open';
import type { SmartConnectClient } from '../smartsimple/client';
import type { Criterion } from '../smartsimple/protocol';
import { DEFAULT_PAGE_SIZE, MAX_RECORDS_PER_CALL } from '../smartsimple/protocol';
import { PAGED_ENTITIES } from './entities';
import { denseBand } from './band-store';
import type { StepEstimate } from './progress';
import type { PlanEntity, PlanSyncOptions, SyncEntity, SyncKind, SyncMode, SyncPhase, SyncPlan } from './types';
import { SYNC_ENTITIES } from './types';
import { fetchFirstPage } from './planned-pages';

export interface SyncStep {
  /** `people:incremental`: the key a run records when the step is done. */
  key: string;
  entity: SyncEntity;
  /** `reconcile` of people and organizations lists ids; of programs and assignments re-reads all. */
  phase: SyncPhase;
}

export interface PageSizes {
  pageSize: number;
  logPageSize: number;
  idsPageSize: number;
}

export const DEFAULT_LOG_PAGE_SIZE = 5000;
export const DEFAULT_RECONCILE_EVERY_MS = 24 * 60 * 60 * 1000;

export function resolveSizes(o: Partial<PageSizes>): PageSizes {
  const check = (n: number, name: string) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_RECORDS_PER_CALL)
      throw new RangeError(`${name} must be an integer from 1 to ${MAX_RECORDS_PER_CALL}`);
    return n;
  };
  return {
    pageSize: check(o.pageSize ?? DEFAULT_PAGE_SIZE, 'pageSize'),
    logPageSize: check(o.logPageSize ?? DEFAULT_LOG_PAGE_SIZE, 'logPageSize'),
    idsPageSize: check(o.idsPageSize ?? MAX_RECORDS_PER_CALL, 'idsPageSize'),
  };
}

const step = (entity: SyncEntity, phase: SyncPhase): SyncStep => ({ key: `${entity}:${phase}`, entity, phase });

export function stepsFor(kind: SyncKind): SyncStep[] {
  // The roles catalogue is one call whatever the kind: always read whole. An incremental pass of
  // organizations or people is preceded by its band check (free unless the overlap is dense).
  const steps = [step('roles', 'full')];
  for (const e of SYNC_ENTITIES) {
    if (e === 'roles') continue;
    if (kind !== 'full' && (e === 'organizations' || e === 'people')) steps.push(step(e, 'band'));
    steps.push(step(e, kind === 'full' ? 'full' : 'incremental'));
  }
  if (kind === 'reconcile')
    steps.push(
      step('organizations', 'reconcile'),
      step('people', 'reconcile'),
      step('programs', 'reconcile'),
      step('assignments', 'reconcile'),
    );
  return steps;
}

export interface KindDecision {
  kind: SyncKind;
  /** The unfinished run to continue, if any. */
  resume: SyncRun | null;
}

/**
 * An unfinished run (crash, quit, cancel, failure) is continued when the mode allows: always for
 * `auto` or the same kind, and an unfinished first full sync whatever was asked (the mirror is
 * incomplete until it ends). Asking for `full` explicitly starts a new full run.
 */
export function decideKind(
  db: DB,
  instanceId: string,
  mode: SyncMode,
  now: number,
  reconcileEveryMs = DEFAULT_RECONCILE_EVERY_MS,
): KindDecision {
  const latest = latestSyncRun(db, instanceId);
  const everFull = lastSucceededRun(db, instanceId, ['full']) !== undefined;
  if (latest && latest.state !== 'succeeded') {
    const sameKind = mode === 'auto' || mode === latest.kind;
    const firstFull = latest.kind === 'full' && !everFull && mode !== 'full';
    if (sameKind || firstFull) return { kind: latest.kind, resume: latest };
  }
  if (mode !== 'auto') return { kind: mode, resume: null };
  if (!everFull) return { kind: 'full', resume: null };
  const lastSweep = lastSucceededRun(db, instanceId, ['full', 'reconcile']);
  const sweptAt = lastSweep?.finishedAt ? Date.parse(lastSweep.finishedAt) : 0;
  return { kind: now - sweptAt >= reconcileEveryMs ? 'reconcile' : 'incremental', resume: null };
}

function pageSizeOf(entity: SyncEntity, phase: SyncPhase, sizes: PageSizes): number {
  if (entity === 'roles') return Number.MAX_SAFE_INTEGER;
  if ((phase === 'reconcile' || phase === 'band') && PAGED_ENTITIES[entity].idsFn) return sizes.idsPageSize;
  return PAGED_ENTITIES[entity].pageGroup === 'logs' ? sizes.logPageSize : sizes.pageSize;
}

export const callsFor = (records: number, pageSize: number) => Math.max(1, Math.ceil(records / pageSize));

/** Records a step is expected to bring without asking the server; null when nothing is known. */
function knownRecords(db: DB, instanceId: string, s: SyncStep, sizes: PageSizes): number | null {
  const cursor = getSyncCursor(db, instanceId, s.entity);
  if (s.phase === 'incremental') return 0;
  if (s.phase === 'band') return denseBand(db, instanceId, s.entity, sizes.pageSize)?.records ?? 0;
  return cursor?.lastCount ?? null;
}

/** The criteria a count for a step uses (what its pass will select). */
function countCriteria(db: DB, instanceId: string, s: SyncStep): Criterion[] {
  if (s.entity === 'roles' || s.phase !== 'incremental') return [];
  const spec = PAGED_ENTITIES[s.entity];
  const cursor = getSyncCursor(db, instanceId, s.entity);
  if (spec.updatedField && cursor?.watermark)
    return [{ andor: 'and', field: spec.updatedField, operator: '>=', value: cursor.watermark }];
  return [];
}

/** Estimates per step from what the mirror knows (no calls). */
export function estimateSteps(
  db: DB,
  instanceId: string,
  steps: readonly SyncStep[],
  sizes: PageSizes,
  counts = new Map<string, number>(),
): (StepEstimate & { source: PlanEntity['source'] })[] {
  return steps.map((s) => {
    const counted = counts.get(s.key);
    const known = counted ?? knownRecords(db, instanceId, s, sizes);
    const records = known ?? 0;
    const source: PlanEntity['source'] =
      counted !== undefined ? 'count' : known !== null && s.phase !== 'incremental' ? 'last-known' : 'minimum';
    // A band check that finds no dense band costs nothing.
    const calls = s.phase === 'band' && records === 0 ? 0 : callsFor(records, pageSizeOf(s.entity, s.phase, sizes));
    return { key: s.key, entity: s.entity, records, calls, source };
  });
}

/** Whether the step's pass is under way in the run being resumed (its first page is behind it). */
function inProgress(db: DB, instanceId: string, s: SyncStep, resume: SyncRun | null): boolean {
  const cursor = getSyncCursor(db, instanceId, s.entity);
  return resume !== null && cursor?.runId === resume.id && cursor.phase === s.phase;
}

/**
 * How many records a step will bring, in one call: the listing's first page at the size its pass
 * will ask for, kept in `options.firstPages` for that pass (planned-pages.ts); a reconcile's id
 * sweep or a pass already under way is counted with a one-record page instead.
 */
async function countStep(
  db: DB,
  instanceId: string,
  client: SmartConnectClient,
  s: SyncStep,
  context: { sizes: PageSizes; decision: KindDecision; now: number; options: PlanSyncOptions },
): Promise<number> {
  if (s.entity === 'roles') return 0;
  const { sizes, decision, now, options } = context;
  const spec = PAGED_ENTITIES[s.entity];
  const idSweep = s.phase === 'reconcile' && spec.idsFn !== undefined;
  const criteria = countCriteria(db, instanceId, s);
  if (idSweep || !options.firstPages || inProgress(db, instanceId, s, decision.resume))
    return client.countOnly(idSweep && spec.idsFn ? spec.idsFn : spec.fn, criteria, { signal: options.signal });
  const pageSize = pageSizeOf(s.entity, s.phase, sizes);
  const page = await fetchFirstPage(client, spec.fn, spec.source, criteria, { pageSize, signal: options.signal });
  options.firstPages.set(s.key, { page, pageSize, criteria: JSON.stringify(criteria), fetchedAt: now });
  return page.allcount;
}

/**
 * Plans a sync in calls. Sizes it does not know (a first sync, or `exact`) it asks the server for
 * with one countOnly call per entity; an incremental sync is otherwise planned at its minimum of one
 * call per entity, since what changed is unknown until asked.
 */
export async function planSync(
  db: DB,
  instanceId: string,
  client: SmartConnectClient,
  options: PlanSyncOptions = {},
): Promise<SyncPlan> {
  const sizes = resolveSizes(options);
  const now = (options.clock ?? Date.now)();
  const decision = decideKind(db, instanceId, options.mode ?? 'auto', now, options.reconcileEveryMs);
  const steps = stepsFor(decision.kind).filter((s) => !decision.resume?.summary.done.includes(s.key));
  const counts = new Map<string, number>();
  const callsBefore = client.stats().calls;
  for (const s of steps) {
    if (s.entity === 'roles') continue;
    if (s.phase === 'band') continue;
    const needs = options.exact || (s.phase !== 'incremental' && knownRecords(db, instanceId, s, sizes) === null);
    if (needs) counts.set(s.key, await countStep(db, instanceId, client, s, { sizes, decision, now, options }));
  }
  const estimates = estimateSteps(db, instanceId, steps, sizes, counts);
  // A resumed step has pages behind it already.
  if (decision.resume) {
    for (const e of estimates) {
      const cursor = getSyncCursor(db, instanceId, e.entity);
      if (cursor?.runId === decision.resume.id && cursor.phase && e.key === `${e.entity}:${cursor.phase}`) {
        const left = Math.max(0, (cursor.total ?? e.records) - cursor.records);
        e.records = left;
        e.calls = callsFor(left, pageSizeOf(e.entity, cursor.phase, sizes));
      }
    }
  }
  const entities: PlanEntity[] = estimates.map((e, i) => ({
    entity: e.entity,
    phase: (steps[i] as SyncStep).phase,
    records: e.records,
    calls: e.calls,
    source: e.source,
  }));
  const calls = entities.reduce((n, e) => n + e.calls, 0);
  const left = options.budget ? options.budget.remaining() : null;
  const message =
    `About ${calls.toLocaleString('en-US')} calls` +
    (left === null ? '.' : `; ${left.toLocaleString('en-US')} left this hour.`);
  return {
    kind: decision.kind,
    resumes: decision.resume !== null,
    entities,
    calls,
    planningCalls: client.stats().calls - callsBefore,
    callsLeftThisHour: left,
    message,
  };
}
