/** The sync engine's public types: what a run is asked to do and what it leaves behind. */
import type { DB } from '../db/open';
import type { JobContext } from '../jobs/jobs-service';
import type { Logger } from '../log/logger';
import type { CallBudget, SmartConnectClient } from '../smartsimple/client';
import type { WriterOption } from './page-store';
import type { PageSizerOptions } from './page-sizer';
import type { PlannedPages } from './planned-pages';
import type { WriteTiming } from './run-book';
import type { WaitRelay } from './wait-relay';
import type {
  KindCounts,
  PlanEntity,
  SummaryKind,
  SyncEntity,
  SyncKind,
  SyncPhase,
  SyncPlan,
  SyncSummary,
} from '../../src-preload/contract';
import { SUMMARY_KINDS, SYNC_ENTITIES } from '../../src-preload/contract';

export type { KindCounts, PlanEntity, SummaryKind, SyncEntity, SyncKind, SyncPhase, SyncPlan, SyncSummary };
export { SUMMARY_KINDS, SYNC_ENTITIES };

/** `auto`: resume an unfinished run, else full when never synced, reconcile when due, else incremental. */
export type SyncMode = SyncKind | 'auto';

export interface RunSyncOptions {
  db: DB;
  client: SmartConnectClient;
  instanceId: string;
  /** Default 'auto'. */
  mode?: SyncMode;
  /** Records per List call for people, organizations, programs, assignments (default 1,000). */
  pageSize?: number;
  /** Records per call for the two logs, whose rows are narrow (default 5,000). */
  logPageSize?: number;
  /** Ids per call when listing ids for a reconcile (default 10,000, the server's maximum). */
  idsPageSize?: number;
  ctx: JobContext;
  logger: Logger;
  /** The relay given to the client as `onWait`, so a wait for the hourly limit shows as progress. */
  waits?: WaitRelay;
  /**
   * Records per step (key `entity:phase`) the server counted when the sync was planned: progress
   * is then measured against known totals from the start, not a total that grows with the count.
   */
  plannedCounts?: ReadonlyMap<string, number>;
  /** First pages the plan fetched (PlanSyncOptions.firstPages): their passes start from them. */
  plannedPages?: PlannedPages;
  /** In `auto` mode a reconcile is due after this long (default 24 h). */
  reconcileEveryMs?: number;
  /** Taken off the last-updated watermark on top of the pass's own duration (default 2 min). */
  overlapMs?: number;
  /**
   * Where the writes run (default 'auto': a worker thread when the database is a file and the
   * worker module is found, else the main thread in slices). See page-store.ts.
   */
  writer?: WriterOption;
  /** Without a worker: target length of one write transaction (default 20 ms). */
  sliceMs?: number;
  /** Local clock (default Date.now): run times and pass durations. */
  clock?: () => number;
  /** Test hook: called after each page is committed (entity, pages done in this pass). */
  afterPage?: (entity: SyncEntity, pages: number) => void | Promise<void>;
  /** How listing pages back off on slow or failed pages (defaults in page-sizer.ts). */
  paging?: PageSizerOptions;
}

export interface SyncRunResult {
  runId: number;
  kind: SyncKind;
  /** True when the run continued one a crash, cancel or failure left unfinished. */
  resumed: boolean;
  summary: SyncSummary;
  /** One line for the job history: "Incremental sync: people 12 changed, 1 removed; 9 calls." */
  message: string;
  /** Where the time went in SQLite (not persisted; the benchmark reads it). */
  timing: WriteTiming;
}

export interface PlanSyncOptions {
  mode?: SyncMode;
  pageSize?: number;
  logPageSize?: number;
  idsPageSize?: number;
  budget?: CallBudget;
  /** Ask the server for exact sizes (one countOnly call per entity) even when counts are known. */
  exact?: boolean;
  /**
   * Filled with the first pages the counting fetched, for the run to start from (planned-pages.ts);
   * without it the plan counts with one-record pages.
   */
  firstPages?: PlannedPages;
  reconcileEveryMs?: number;
  clock?: () => number;
  signal?: AbortSignal;
}
