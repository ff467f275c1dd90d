/**
 * The sync engine: mirrors an instance's people, organizations, roles, programs and
 * assignments and the two audit logs into SQLite, planned in calls, resumable, cancellable.
 * The screens read the mirror through the mirror service (src-main/mirror).
 */
export { runSync, describeSummary, DEFAULT_OVERLAP_MS } from './run-sync';
export { planSync, decideKind, stepsFor, DEFAULT_LOG_PAGE_SIZE, DEFAULT_RECONCILE_EVERY_MS } from './plan';
export type { SyncStep, KindDecision, PageSizes } from './plan';
export { createWaitRelay, clockTime } from './wait-relay';
export type { WaitRelay } from './wait-relay';
export type { WriteTiming } from './run-book';
export type { WriterOption } from './page-store';
export { SYNC_ENTITIES, SUMMARY_KINDS } from './types';
export type {
  KindCounts,
  PlanEntity,
  PlanSyncOptions,
  RunSyncOptions,
  SummaryKind,
  SyncEntity,
  SyncKind,
  SyncMode,
  SyncPhase,
  SyncPlan,
  SyncRunResult,
  SyncSummary,
} from './types';
