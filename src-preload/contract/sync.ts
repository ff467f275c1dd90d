/**
 * Syncing the mirror: what a sync will cost before it starts, its runs with their summaries, and
 * starting one as a job. Main's sync engine and its bookkeeping return these shapes.
 */
import { z } from 'zod';
import { channel, idSchema as id, noInput } from './wire';
import type { JobInfo } from './jobs';

/** What the mirror holds, in the order a sync visits it (organizations before their people). */
export const SYNC_ENTITIES = [
  'roles',
  'organizations',
  'people',
  'programs',
  'assignments',
  'access_events',
  'login_sessions',
] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

/** Summary kinds: the entities plus the holdings derived from people. */
export const SUMMARY_KINDS = [...SYNC_ENTITIES, 'role_holdings'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

export type SyncKind = 'full' | 'incremental' | 'reconcile';
/**
 * A pass: the kinds, and `band`, the check of an incremental sync's overlap when it is dense (see
 * pass-band.ts in main's sync engine).
 */
export type SyncPhase = SyncKind | 'band';

export const syncModeSchema = z.enum(['auto', 'full', 'incremental', 'reconcile']);

export interface KindCounts {
  added: number;
  changed: number;
  removed: number;
}

/** What a sync run did, kept on the run (and continued when it resumes). */
export interface SyncSummary {
  kinds: Record<SummaryKind, KindCounts>;
  /** SmartConnect calls this run made (all attempts, across resumes). */
  calls: number;
  /** Records received from the server. */
  records: number;
  /** Steps finished (`people:incremental`), so a resumed run skips them. */
  done: string[];
  /** How many times the run was resumed after a crash, cancel or failure. */
  resumes: number;
}

export type SyncRunState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** One sync run, finished or not. */
export interface SyncRun {
  id: number;
  instanceId: string;
  kind: SyncKind;
  state: SyncRunState;
  startedAt: string;
  finishedAt: string | null;
  summary: SyncSummary;
  error: string | null;
}

/** One entity's share of a sync plan. */
export interface PlanEntity {
  entity: SyncEntity;
  /** `incremental` reads what changed; `reconcile` lists ids (people, organizations) or re-reads all; `band` checks a dense overlap by ids. */
  phase: SyncPhase;
  /** Records expected to come (a guess of 0 for an incremental sync without counts). */
  records: number;
  calls: number;
  /** Where `records` came from. */
  source: 'count' | 'last-known' | 'minimum';
}

/** What a sync would do and cost in calls, before it starts. */
export interface SyncPlan {
  kind: SyncKind;
  /** True when it continues an unfinished run (the calls are what is left of it). */
  resumes: boolean;
  entities: PlanEntity[];
  calls: number;
  /** Calls the plan itself made (countOnly), already spent. */
  planningCalls: number;
  /** Calls left in the rolling hour, when a budget was given. */
  callsLeftThisHour: number | null;
  /** "About 42 calls; 958 left this hour." */
  message: string;
}

export interface SyncStatus {
  /** The newest run, finished or not. */
  lastRun: SyncRun | null;
  /** When the mirror was last brought up to date (a succeeded run's end), null if never. */
  lastSyncedAt: string | null;
  /** The job of a sync running now. */
  runningJobId: string | null;
  recentRuns: SyncRun[];
}

/** The automatic sync, as the Settings screen shows it. */
export interface SyncSchedule {
  enabled: boolean;
  everyMinutes: number;
  /** The instance it syncs (the active one); null when none exists. */
  instanceId: string | null;
  /** When the next automatic sync is due (ISO time); null when it is off or there is no instance. */
  nextAt: string | null;
  /** Why the last due sync did not start, in plain words ("A sync of X was already running."); null if it did. */
  lastSkipped: string | null;
}

export const syncChannels = {
  /** What a sync would cost in calls, before it starts ("about 42 calls; 958 left this hour"). */
  'sync:plan': channel<SyncPlan>()({
    input: z.object({ instanceId: id, mode: syncModeSchema.optional() }).strict(),
    reads: ['sync'],
  }),
  /** Starts (or resumes) a sync as a background job. */
  'sync:start': channel<JobInfo>()({
    input: z.object({ instanceId: id, mode: syncModeSchema.optional() }).strict(),
    writes: ['jobs', 'sync'],
  }),
  /** Last synced, the run in progress, recent runs with their summaries. */
  'sync:status': channel<SyncStatus>()({ input: z.object({ instanceId: id }).strict(), reads: ['sync', 'jobs'] }),
  /** The automatic sync: on or off, how often, and when the next one is due. */
  'sync:schedule': channel<SyncSchedule>()({ input: noInput, reads: ['settings', 'sync', 'jobs'] }),
} as const;
