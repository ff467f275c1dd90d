/**
 * The plans channels: build (by hand, from a CSV, from a selection or filter), review, approve,
 * export and import for a second administrator, apply as a job, the result, undo. The wire types
 * are in plans-types.ts, the input schemas in plans-inputs.ts.
 */
import { z } from 'zod';
import { channel, type DownloadText } from './wire';
import type { CallBudgetInfo } from './connect';
import type { JobInfo } from './jobs';
import { peopleFiltersSchema } from './mirror';
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
} from './plans-inputs';
import type {
  ApplyResult,
  ApprovePlanResult,
  BuildPreview,
  BuildResult,
  CsvBuildResult,
  CsvPreviewResult,
  ImportResult,
  Operation,
  PlanChange,
  PlanReview,
  PlanState,
  PlanSummary,
  PlanWithOperations,
} from './plans-types';

/** A plan with its review, the hourly budget it will draw on, and what can happen to it next. */
export interface PlanDetail extends PlanReview {
  budget: CallBudgetInfo;
  /** The name approvals and applies are recorded under on this computer. */
  approver: string;
  /** The administrator's own name from Settings; null until set (approving asks for it first). */
  administratorName: string | null;
  /** Four-eyes is on: a privileged operation needs a second administrator and a reason. */
  fourEyes: boolean;
  /** The apply job running now, if any. */
  applyJobId: string | null;
  /** The plan is 'applying' with no job: an interrupted apply that "Resume" continues. */
  canResume: boolean;
  /** Undo plans made from this one (newest first). */
  undoPlans: LinkedPlan[];
  /** The plan this one undoes, when it is an undo plan. */
  undoes: LinkedPlan | null;
  /** Drafts that took the operations not approved when this plan's approved part was applied. */
  splitInto: LinkedPlan[];
  /** The plan this draft was split off from. */
  splitFrom: LinkedPlan | null;
}

/** Another plan a plan links to, as a page shows it. */
export interface LinkedPlan {
  id: string;
  title: string;
  state: PlanState;
}

/** "Apply the approved operations": the apply job, and the draft that took the rest (if any). */
export interface ApplyApprovedResult {
  job: JobInfo;
  rest: { id: string; title: string; operations: number } | null;
}

/** Per-operation results of an apply, from its journal. */
export type PlanApplyResult = Omit<ApplyResult, 'message'> & { applyJobId: string | null };

const planTarget = z.object(planTargetShape);

/** A People filter with the action to take on everyone it selects. */
const filterBuild = z
  .object({ kind: z.literal('filter'), filters: peopleFiltersSchema, action: bulkActionSchema })
  .strict();
/** People picked by id (a selection, a role's holders, one person) with the action to take on each. */
const selectionBuild = z
  .object({
    kind: z.literal('selection'),
    personIds: z.array(planRecordIdSchema).min(1).max(10_000),
    action: bulkActionSchema,
  })
  .strict();

/** Roles for the people a CSV lists; rows that match no one come back with their line number. */
const csvBuildInput = planTarget
  .extend({
    csv: z.string().min(1).max(MAX_PLAN_CSV_CHARS),
    mode: z.enum(['add', 'remove', 'replace']),
    roles: z
      .array(z.union([planRecordIdSchema, z.string().trim().min(1).max(200)]))
      .max(100)
      .optional(),
  })
  .strict();

export const plansChannels = {
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
        build: z.discriminatedUnion('kind', [...namedBulkSchemas, filterBuild]),
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
  /**
   * A named bulk action, a filter or a selection tried on the plan named (or a new one) and rolled
   * back: what it would add and whom it would leave out. Nothing is written.
   */
  'plans:previewBuild': channel<BuildPreview>()({
    input: z
      .object({
        instanceId: planInstanceIdSchema,
        planId: planIdSchema.optional(),
        build: z.discriminatedUnion('kind', [...namedBulkSchemas, filterBuild, selectionBuild]),
      })
      .strict(),
    reads: ['plans', 'mirror'],
  }),
  /** Roles for the people a CSV lists; rows that match no one come back with their line number. */
  'plans:buildFromCsv': channel<CsvBuildResult>()({
    input: csvBuildInput,
    writes: ['plans', 'audit'],
    maxInputBytes: MAX_PLAN_CSV_CHARS + 64 * 1024,
  }),
  /**
   * The CSV build tried and rolled back: what it would add and every problem (line, column),
   * before a plan exists. Nothing is written.
   */
  'plans:previewCsv': channel<CsvPreviewResult>()({
    input: csvBuildInput,
    reads: ['plans', 'mirror'],
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
      .object({
        planId: planIdSchema,
        operationIds: operationIds.optional(),
        note: z.string().max(500).optional(),
        /** Why: required to approve a privileged operation. */
        reason: z.string().trim().max(500, 'A reason is limited to 500 characters.').optional(),
        /** Four-eyes on this computer: the second administrator's own name, typed by them. */
        secondApprover: z.string().trim().max(80, 'A name is limited to 80 characters.').optional(),
      })
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
  /**
   * Applies the approved operations of a plan in review: the rest move to a new draft (the trail
   * links the two), and the approved plan applies as 'plans:apply' does.
   */
  'plans:applyApproved': channel<ApplyApprovedResult>()({ input: planIdInput, writes: ['jobs', 'plans', 'audit'] }),
  'plans:result': channel<PlanApplyResult>()({ input: planIdInput, reads: ['plans', 'jobs'] }),
  /** The inverse of an applied plan, as a new draft. */
  'plans:undo': channel<PlanChange>()({ input: planIdInput, writes: ['plans', 'audit'] }),
} as const;
