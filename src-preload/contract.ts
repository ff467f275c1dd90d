/**
 * The contract between the renderer and main: every channel (`domain:verb`) with its zod input
 * schema and result type, and the events main pushes. Main registers handlers only by iterating
 * `channels`, and validates every input with its schema before a handler runs.
 *
 * A new channel is a change here plus its handler in `src-main/ipc/`; the type checker finds the
 * handler that is missing.
 *
 * This file is shared by main, preload and renderer: it imports zod (and contract-plans.ts,
 * which imports zod only) and nothing else.
 */
import { z } from 'zod';
// Result shapes of the mirror's query functions: types only, erased from every bundle.
import type { PersonDetail, SearchPeopleResult } from '../src-main/db/queries/mirror-people';
import type { OrganizationNode } from '../src-main/db/queries/mirror-organizations';
import type { PrivilegeSuggestion, RoleDepartment, RoleRow } from '../src-main/db/queries/mirror-roles';
import type { ProgramAssignmentRow, ProgramRow } from '../src-main/db/queries/mirror-programs';
import type { SyncRun } from '../src-main/db/queries/mirror-sync';
import type { SyncPlan } from '../src-main/sync/types';
import type {
  ApplyResult,
  ApprovePlanResult,
  BuildResult,
  CsvBuildResult,
  ImportResult,
  Operation,
  PlanChange,
  PlanReview,
  PlanSummary,
  PlanWithOperations,
} from '../src-main/plans';
import type { AuditEntry, AuditVerification } from '../src-main/audit-trail';
import {
  MAX_PLAN_CSV_CHARS,
  MAX_PLAN_IMPORT_CHARS,
  bulkActionSchema,
  namedBulkSchemas,
  operationIds,
  planIdInput,
  planIdSchema,
  planInstanceIdSchema,
  planOperationInputSchema,
  planRecordIdSchema,
  planTargetShape,
} from './contract-plans';

export type { PersonDetail, PersonRow, SearchPeopleResult } from '../src-main/db/queries/mirror-people';
export type { OrganizationNode } from '../src-main/db/queries/mirror-organizations';
export type { PrivilegeSuggestion, RoleDepartment, RoleRow } from '../src-main/db/queries/mirror-roles';
export type { ProgramAssignmentRow, ProgramRow } from '../src-main/db/queries/mirror-programs';
export type { SyncRun } from '../src-main/db/queries/mirror-sync';
export type { SyncPlan } from '../src-main/sync/types';
export type {
  ApplyResult,
  ApplySummary,
  ApprovePlanResult,
  BuildResult,
  CsvBuildResult,
  CsvProblem,
  ImportResult,
  JournalState,
  Operation,
  OperationKind,
  OperationResult,
  PersonDiff,
  Plan,
  PlanChange,
  PlanReview,
  PlanState,
  PlanSummary,
  PlanWithOperations,
  ReviewWarning,
  Risk,
} from '../src-main/plans';
export type { AuditEntry, AuditProblem, AuditVerification } from '../src-main/audit-trail';
export { OPERATION_KIND_NAMES, bulkActionSchema, planOperationInputSchema } from './contract-plans';
export type { BulkActionInput, PlanOperationInput } from './contract-plans';

/** The closed set of error codes a call can fail with. */
export const ERROR_CODES = [
  /** The input did not match the channel's schema, or the channel does not exist. */
  'VALIDATION',
  /** The thing asked for does not exist. */
  'NOT_FOUND',
  /** The request conflicts with the current state (a duplicate name, a stale edit). */
  'CONFLICT',
  /** A needed local facility is missing: no OS keychain, a database from a newer version. */
  'UNAVAILABLE',
  /** SmartSimple answered with an error; the message is the server's own text. */
  'REMOTE',
  /** The SmartSimple hourly call limit is reached; the message says until when. */
  'RATE_LIMITED',
  /** The work was cancelled. */
  'CANCELLED',
  /** The caller is not allowed to do this (a policy refused it). */
  'FORBIDDEN',
  /** A bug or an unexpected failure; details are in the log. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Optional structured detail, e.g. the fields that failed validation. */
  details?: unknown;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Tables that main announces in `data:changed`; queries declare which ones they read. */
export const TABLES = ['settings', 'instances', 'connections', 'jobs', 'mirror', 'sync', 'plans', 'audit'] as const;
export type Table = (typeof TABLES)[number];

/** The largest input a channel accepts unless it says otherwise (JSON bytes). */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;

export interface ChannelDef<I extends z.ZodType, R> {
  input: I;
  /** Phantom: the result type. */
  result?: R;
  /** Tables this channel reads; queries of it refresh when main says they changed. */
  reads?: readonly Table[];
  /** Tables this channel writes; main announces them after a successful call. */
  writes?: readonly Table[];
  /** Input size limit in bytes of JSON, when the default does not fit. */
  maxInputBytes?: number;
}

function channel<R>() {
  return <I extends z.ZodType>(def: Omit<ChannelDef<I, R>, 'result'>): ChannelDef<I, R> => def;
}

// ---------- SmartConnect vocabulary ----------
// Plain constants shared with main's protocol module (`src-main/smartsimple/protocol.ts`
// re-exports them), so the Connect screen offers exactly the values main accepts.

/** Record types, each with its endpoint `/API/<version>/<type>/`. */
export const RECORD_TYPES = [
  'user',
  'company',
  'levelone',
  'leveltwo',
  'levelthree',
  'transactions',
  'report',
  'sysvar',
  // Decision: the roles catalogue is read through a Get Meta function on its own endpoint
  // `/API/<v>/role/`; the vendor documents "Roles has Get Meta" but not its path.
  'role',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Action types of a SmartConnect function (one per function). */
export const ACTIONS = [
  'get',
  'list',
  'update',
  'delete',
  'getmeta',
  'associations-list',
  'associations-update',
  'report-query',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The functions Admin Desk uses, by name. An instance may define more; these are the ones the
 * sync, plans and connection test look for. The sandbox creates all of them.
 */
export const KNOWN_FUNCTIONS = {
  'users.list': { type: 'user', action: 'list' },
  'users.ids': { type: 'user', action: 'list' },
  'users.get': { type: 'user', action: 'get' },
  'users.update': { type: 'user', action: 'update' },
  'users.delete': { type: 'user', action: 'delete' },
  'users.meta': { type: 'user', action: 'getmeta' },
  'companies.list': { type: 'company', action: 'list' },
  'companies.ids': { type: 'company', action: 'list' },
  'companies.get': { type: 'company', action: 'get' },
  'companies.update': { type: 'company', action: 'update' },
  'programs.list': { type: 'levelone', action: 'list' },
  'programs.associations.list': { type: 'levelone', action: 'associations-list' },
  'programs.associations.update': { type: 'levelone', action: 'associations-update' },
  'roles.meta': { type: 'role', action: 'getmeta' },
  'transactions.update': { type: 'transactions', action: 'update' },
  'reports.access_modification': { type: 'report', action: 'report-query' },
  'reports.login_sessions': { type: 'report', action: 'report-query' },
  'reports.program_assignments': { type: 'report', action: 'report-query' },
} as const satisfies Record<string, { type: RecordType; action: Action }>;
export type KnownFunctionName = keyof typeof KNOWN_FUNCTIONS;

// ---------- shared shapes ----------

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters');
const noInput = z.object({}).strict().optional();

export const themeSchema = z.enum(['light', 'dark', 'auto']);
export const settingsSchema = z
  .object({
    theme: themeSchema,
    /** The instance the screens show; null until one exists. */
    activeInstanceId: z.string().max(64).nullable(),
    /** Records per List call when syncing (SmartConnect allows up to 10,000). */
    syncPageSize: z.number().int().min(10).max(10_000),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be a URL such as https://acme.smartsimple.com');

export const instanceInputSchema = z
  .object({
    name,
    host: hostSchema,
    alias: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, dash or underscore'),
    rootCompanyId: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'digits only'),
    apiVersion: z.union([z.literal(1), z.literal(2)]),
  })
  .strict();
export type InstanceInput = z.infer<typeof instanceInputSchema>;

export interface Instance extends InstanceInput {
  id: string;
  /** True for the built-in sandbox instance. */
  isSandbox: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'harness' in the browser harness. */
  shell: 'electron' | 'harness';
  dataDir: string;
  schemaVersion: number;
  platform: string;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export interface JobInfo {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  /** Units done and total; total null while unknown. */
  done: number;
  total: number | null;
  message: string | null;
  error: ApiError | null;
  startedAt: string;
  finishedAt: string | null;
}

/** One SmartConnect function as the Connect screen sends it; the token only when it changes. */
export const functionInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[a-z][a-z0-9_.-]*$/, 'lowercase letters, digits, dot, dash or underscore'),
    type: z.string().trim().min(1).max(40),
    action: z.string().trim().min(1).max(40),
    /** Omitted: keep the stored token. */
    token: z.string().trim().min(8, 'at least 8 characters').max(200).optional(),
    fields: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
    reportid: z.string().trim().max(40).optional(),
  })
  .strict();
export type FunctionInput = z.input<typeof functionInputSchema>;

export const connectionInputSchema = z
  .object({
    /** Omitted: a new instance. */
    instanceId: id.optional(),
    instance: instanceInputSchema,
    /** The login of a SmartSimple user whose access type is API Access. */
    username: z.string().trim().min(1).max(200),
    /** Omitted: keep the stored password. */
    password: z.string().min(1).max(500).optional(),
    /** The complete function registry: functions not listed are removed. */
    functions: z.array(functionInputSchema).max(100),
  })
  .strict();
export type ConnectionInput = z.input<typeof connectionInputSchema>;

export interface FunctionSummary {
  name: string;
  type: string;
  action: string;
  fields: string[];
  reportid: string | null;
  /** The renderer learns only whether a token is stored, never the token. */
  tokenSet: boolean;
}

export interface FunctionTestResult {
  name: string;
  action: string;
  /** ok: the function answered; accepted: token and login accepted (a write function, not run); failed; missing-token. */
  status: 'ok' | 'accepted' | 'failed' | 'missing-token';
  /** What we did and what came back, for the administrator. */
  message: string;
  /** The server's own text when it refused. */
  serverMessage: string | null;
  ms: number;
}

export interface ConnectionTest {
  testedAt: string;
  ok: boolean;
  /** API calls the test used. */
  calls: number;
  results: FunctionTestResult[];
}

export interface CallBudgetInfo {
  limit: number;
  used: number;
  remaining: number;
  /** When the next call is allowed (ISO), null when one is allowed now. */
  nextSlotAt: string | null;
}

export interface ConnectionDetails {
  instance: Instance;
  username: string;
  passwordSet: boolean;
  functions: FunctionSummary[];
  lastTest: ConnectionTest | null;
  budget: CallBudgetInfo;
}

export interface VaultStatus {
  available: boolean;
  reason: string | null;
}

export const syncModeSchema = z.enum(['auto', 'full', 'incremental', 'reconcile']);
const wireDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, 'a date like 2026-01-31 or 2026-01-31 09:00:00');
const mirrorId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const peopleFiltersSchema = z
  .object({
    roleId: mirrorId.optional(),
    organizationId: mirrorId.optional(),
    includeSubOrganizations: z.boolean().optional(),
    accessType: z.string().max(20).optional(),
    status: z.string().max(60).optional(),
    isExternal: z.boolean().optional(),
    department: z.string().max(200).optional(),
    lastLogin: z
      .object({ before: wireDate.optional(), after: wireDate.optional(), never: z.boolean().optional() })
      .strict()
      .optional(),
    includeRemoved: z.boolean().optional(),
  })
  .strict();
export type PeopleFiltersInput = z.input<typeof peopleFiltersSchema>;

export interface SyncStatus {
  /** The newest run, finished or not. */
  lastRun: SyncRun | null;
  /** When the mirror was last brought up to date (a succeeded run's end), null if never. */
  lastSyncedAt: string | null;
  /** The job of a sync running now. */
  runningJobId: string | null;
  recentRuns: SyncRun[];
}

export interface RoleDetail extends RoleRow {
  departments: RoleDepartment[];
}

/** A plan with its review, the hourly budget it will draw on, and what can happen to it next. */
export interface PlanDetail extends PlanReview {
  budget: CallBudgetInfo;
  /** The name approvals and applies are recorded under on this computer. */
  approver: string;
  /** The apply job running now, if any. */
  applyJobId: string | null;
  /** The plan is 'applying' with no job: an interrupted apply that "Resume" continues. */
  canResume: boolean;
  /** Undo plans made from this one (newest first). */
  undoPlans: { id: string; title: string; state: string }[];
}

/** Per-operation results of an apply, from its journal. */
export type PlanApplyResult = Omit<ApplyResult, 'message'> & { applyJobId: string | null };

/** A file the renderer offers as a download (it has no file system access). */
export interface DownloadText {
  filename: string;
  mime: string;
  text: string;
}

const planTarget = z.object(planTargetShape);

// ---------- channels ----------

export const channels = {
  /** What the app is and where it keeps its data. */
  'app:info': channel<AppInfo>()({ input: noInput }),

  /** All settings. */
  'settings:get': channel<Settings>()({ input: noInput, reads: ['settings'] }),
  /** Change some settings; returns all of them. */
  'settings:update': channel<Settings>()({
    input: settingsSchema.partial().strict(),
    writes: ['settings'],
  }),

  /** The SmartSimple instances, sandbox first, then by name. */
  'instances:list': channel<Instance[]>()({ input: noInput, reads: ['instances'] }),
  'instances:create': channel<Instance>()({ input: instanceInputSchema, writes: ['instances', 'settings'] }),
  'instances:rename': channel<Instance>()({
    input: z.object({ id, name }).strict(),
    writes: ['instances'],
  }),
  'instances:remove': channel<{ removed: true }>()({
    input: z.object({ id }).strict(),
    writes: ['instances', 'connections', 'settings', 'mirror', 'sync'],
  }),

  /** Is the OS keychain there? Without it no secret can be stored. */
  'vault:status': channel<VaultStatus>()({ input: noInput }),
  /** An instance's connection: API user, function registry, which secrets are set, last test. */
  'connections:get': channel<ConnectionDetails>()({
    input: z.object({ instanceId: id }).strict(),
    reads: ['connections', 'instances'],
  }),
  /** Creates or edits an instance with its connection; secrets go to the keychain. */
  'connections:save': channel<ConnectionDetails>()({
    input: connectionInputSchema,
    writes: ['instances', 'connections', 'settings'],
    maxInputBytes: 512 * 1024,
  }),
  /** Calls each function once (write functions are only checked for token and login). */
  'connections:test': channel<ConnectionTest>()({
    input: z.object({ instanceId: id }).strict(),
    writes: ['connections'],
  }),
  /** Starts the built-in sandbox instance (1,000 people), connects to it and tests the connection. */
  'sandbox:explore': channel<ConnectionDetails>()({ input: noInput, writes: ['instances', 'connections', 'settings'] }),
  /** Forgets what was applied to the built-in sandbox: its seed again (the mirror changes at the next sync). */
  'sandbox:reset': channel<{ reset: true }>()({ input: noInput, writes: ['connections', 'sync'] }),

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

  /** People in the mirror: search by name, e-mail or organization, with filters; paged. */
  'people:search': channel<SearchPeopleResult>()({
    input: z
      .object({
        instanceId: id,
        query: z.string().max(200).optional(),
        filters: peopleFiltersSchema.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    reads: ['mirror'],
  }),
  /** One person: roles, programs, organization path, recent logins and access changes. */
  'people:get': channel<PersonDetail>()({
    input: z.object({ instanceId: id, personId: mirrorId }).strict(),
    reads: ['mirror'],
  }),
  'organizations:tree': channel<OrganizationNode[]>()({
    input: z.object({ instanceId: id }).strict(),
    reads: ['mirror'],
  }),
  'roles:list': channel<RoleRow[]>()({ input: z.object({ instanceId: id }).strict(), reads: ['mirror'] }),
  'roles:get': channel<RoleDetail>()({
    input: z.object({ instanceId: id, roleId: mirrorId }).strict(),
    reads: ['mirror'],
  }),
  /** The administrator marks a role privileged (true), not privileged (false) or undecided (null). */
  'roles:setPrivileged': channel<RoleRow>()({
    input: z.object({ instanceId: id, roleId: mirrorId, privileged: z.boolean().nullable() }).strict(),
    writes: ['mirror'],
  }),
  /** Undecided roles that look privileged, with the reasons. */
  'roles:suggestPrivileged': channel<PrivilegeSuggestion[]>()({
    input: z.object({ instanceId: id }).strict(),
    reads: ['mirror'],
  }),
  'programs:list': channel<ProgramRow[]>()({ input: z.object({ instanceId: id }).strict(), reads: ['mirror'] }),
  'programs:assignments': channel<ProgramAssignmentRow[]>()({
    input: z.object({ instanceId: id, programId: mirrorId }).strict(),
    reads: ['mirror'],
  }),

  // ---------- plans (issue #5) ----------
  /** Plans of an instance, newest first, with counts. */
  'plans:list': channel<PlanSummary[]>()({
    input: z.object({ instanceId: planInstanceIdSchema }).strict(),
    reads: ['plans'],
  }),
  /** One plan with its review: diff per person, totals, warnings, calls against the hourly budget. */
  'plans:get': channel<PlanDetail>()({
    input: z.object({ instanceId: planInstanceIdSchema.optional(), planId: planIdSchema }).strict(),
    reads: ['plans', 'mirror', 'jobs'],
  }),
  'plans:create': channel<PlanWithOperations>()({
    input: z
      .object({
        instanceId: planInstanceIdSchema,
        title: z.string().trim().min(1).max(200),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    writes: ['plans', 'audit'],
  }),
  /** A named bulk action, or any People filter with an action; into `planId` or a new plan. */
  'plans:buildFromFilter': channel<BuildResult>()({
    input: planTarget
      .extend({
        build: z.discriminatedUnion('kind', [
          ...namedBulkSchemas,
          z.object({ kind: z.literal('filter'), filters: peopleFiltersSchema, action: bulkActionSchema }).strict(),
        ]),
      })
      .strict(),
    writes: ['plans', 'audit'],
  }),
  'plans:buildFromSelection': channel<BuildResult>()({
    input: planTarget
      .extend({ personIds: z.array(planRecordIdSchema).min(1).max(10_000), action: bulkActionSchema })
      .strict(),
    writes: ['plans', 'audit'],
  }),
  /** Roles for the people a CSV lists; rows that match no one come back with their line number. */
  'plans:buildFromCsv': channel<CsvBuildResult>()({
    input: planTarget
      .extend({
        csv: z.string().min(1).max(MAX_PLAN_CSV_CHARS),
        mode: z.enum(['add', 'remove', 'replace']),
        roles: z
          .array(z.union([planRecordIdSchema, z.string().trim().min(1).max(200)]))
          .max(100)
          .optional(),
      })
      .strict(),
    writes: ['plans', 'audit'],
    maxInputBytes: MAX_PLAN_CSV_CHARS + 64 * 1024,
  }),
  'plans:addOperation': channel<PlanChange>()({
    input: z.object({ planId: planIdSchema, operations: z.array(planOperationInputSchema).min(1).max(1000) }).strict(),
    writes: ['plans', 'audit'],
  }),
  /** Re-plans one operation from the mirror; its approval is cleared. */
  'plans:editOperation': channel<Operation>()({
    input: z
      .object({ planId: planIdSchema, operationId: planRecordIdSchema, operation: planOperationInputSchema })
      .strict(),
    writes: ['plans', 'audit'],
  }),
  'plans:removeOperations': channel<PlanWithOperations>()({
    input: z.object({ planId: planIdSchema, operationIds }).strict(),
    writes: ['plans', 'audit'],
  }),
  'plans:discard': channel<PlanWithOperations>()({
    input: z.object({ planId: planIdSchema, reason: z.string().max(500).optional() }).strict(),
    writes: ['plans', 'audit'],
  }),
  /** Draft -> in review. */
  'plans:submit': channel<PlanWithOperations>()({ input: planIdInput, writes: ['plans', 'audit'] }),
  /** Approves the operations named, or without names the whole plan (privileged ones excluded). */
  'plans:approve': channel<ApprovePlanResult>()({
    input: z
      .object({ planId: planIdSchema, operationIds: operationIds.optional(), note: z.string().max(500).optional() })
      .strict(),
    writes: ['plans', 'audit'],
  }),
  'plans:revoke': channel<PlanWithOperations>()({
    input: z.object({ planId: planIdSchema, operationIds }).strict(),
    writes: ['plans', 'audit'],
  }),
  /** The plan for a second administrator, as text the renderer offers as a download. */
  'plans:export': channel<DownloadText>()({
    input: z.object({ planId: planIdSchema, format: z.enum(['json', 'csv']) }).strict(),
    writes: ['audit'],
  }),
  /** A reviewed export back, with the reviewer's approvals (JSON or CSV, told apart by content). */
  'plans:import': channel<ImportResult>()({
    input: z.object({ planId: planIdSchema, text: z.string().min(1).max(MAX_PLAN_IMPORT_CHARS) }).strict(),
    writes: ['plans', 'audit'],
    maxInputBytes: MAX_PLAN_IMPORT_CHARS + 64 * 1024,
  }),
  /** Applies (or resumes) an approved plan as a background job; one apply per instance at a time. */
  'plans:apply': channel<JobInfo>()({ input: planIdInput, writes: ['jobs', 'plans', 'audit'] }),
  'plans:result': channel<PlanApplyResult>()({ input: planIdInput, reads: ['plans', 'jobs'] }),
  /** The inverse of an applied plan, as a new draft. */
  'plans:undo': channel<PlanChange>()({ input: planIdInput, writes: ['plans', 'audit'] }),

  /** The local audit trail, newest first. */
  'audit:list': channel<{ entries: AuditEntry[]; total: number }>()({
    input: z
      .object({
        instanceId: planInstanceIdSchema.optional(),
        subject: z.string().max(120).optional(),
        beforeSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    reads: ['audit'],
  }),
  /** Checks the hash chain: intact, or the first entry that was edited or deleted. */
  'audit:verify': channel<AuditVerification>()({ input: noInput, reads: ['audit'] }),
  'audit:export': channel<DownloadText>()({
    input: z.object({ instanceId: planInstanceIdSchema.optional() }).strict(),
    reads: ['audit'],
  }),

  /** Long-running work: list and cancel. */
  'jobs:list': channel<JobInfo[]>()({ input: noInput, reads: ['jobs'] }),
  'jobs:cancel': channel<JobInfo>()({ input: z.object({ id }).strict(), writes: ['jobs'] }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ResultOf<C extends ChannelName> = NonNullable<Channels[C]['result']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);
}

// ---------- events main pushes ----------

export interface Events {
  /** A job started, progressed or finished. */
  'job:progress': JobInfo;
  /** Tables changed; queries that read them refresh. */
  'data:changed': { tables: Table[] };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['job:progress', 'data:changed'];

export { IPC_EVENT } from './contract-names';
