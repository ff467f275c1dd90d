/**
 * The plan model as it crosses the wire: plans and their operations, the review (diff per person,
 * totals, warnings, the call estimate), and what builders, approval, import and apply return.
 * Main's plans capability returns these shapes. Types and two vocabularies; no zod.
 */
import type { OPERATION_KIND_NAMES } from './plans-inputs';

export type OperationKind = (typeof OPERATION_KIND_NAMES)[number];

export const PLAN_STATES = [
  'draft',
  'in_review',
  'approved',
  'applying',
  'applied',
  'partially_applied',
  'failed',
  'discarded',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_ORIGINS = ['manual', 'csv', 'filter', 'ai', 'undo', 'onboarding', 'review'] as const;
export type PlanOrigin = (typeof PLAN_ORIGINS)[number];

export type Risk = 'low' | 'medium' | 'high';
export type RiskReason =
  | 'privileged-role'
  | 'admin-access'
  | 'reactivates-privileged'
  | 'removes-privileged-role'
  | 'unclassified-role'
  | 'external-person'
  | 'login-identity'
  | 'offboarding'
  | 'new-person'
  | 'bulk';

export type OperationSource = 'admin' | 'ai';

/** Wire field -> value, `null` for empty; what before/after hold. */
export type FieldMap = Record<string, string | null>;

/** An operation as stored and shown. */
export interface Operation {
  id: number;
  planId: string;
  seq: number;
  kind: OperationKind;
  /** null for create_person until it is applied (the journal then has the new id). */
  personId: number | null;
  /** The input, minus source fields (kind-specific). */
  params: Record<string, unknown>;
  /** The touched wire fields at planning time; `UTA <program>:<role>` keys for assignments ("1"/"0"). */
  before: FieldMap;
  after: FieldMap;
  risk: Risk;
  riskReasons: RiskReason[];
  /** Grants privilege: needs its own explicit approval. */
  privileged: boolean;
  source: OperationSource;
  aiSuggestionId: string | null;
  approval: OperationApproval | null;
  /** One line for lists: "Add profile role Grants Officer". */
  summary: string;
  createdAt: string;
  updatedAt: string;
}

/** Who approved an operation, when, how, and why. */
export interface OperationApproval {
  by: string;
  at: string;
  scope: 'operation' | 'plan' | 'import';
  /** Why (required for a privileged operation); null for an ordinary one approved with the plan. */
  reason?: string | null;
  /**
   * Four-eyes: the administrator of this computer who recorded a second administrator's approval
   * (entered on this computer, or imported from their signed-off file); null when they approved it
   * themselves.
   */
  recordedBy?: string | null;
}

export interface Plan {
  id: string;
  instanceId: string;
  title: string;
  description: string;
  state: PlanState;
  origin: PlanOrigin;
  undoOf: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  appliedBy: string | null;
  applyStartedAt: string | null;
  applyFinishedAt: string | null;
  result: ApplySummary | null;
}

/** A plan in a list, with its counts. */
export interface PlanSummary extends Plan {
  operations: number;
  people: number;
  approved: number;
  privileged: number;
  /** The highest risk of its operations (what the plan page shows); null without operations. */
  risk: Risk | null;
}

export interface PlanWithOperations extends Plan {
  operations: Operation[];
}

/** A rejected operation input: which one and why. */
export interface RejectedOperation {
  index: number;
  message: string;
}

/** A plan after operations were added to it. */
export interface PlanChange {
  plan: PlanWithOperations;
  /** Inputs that were not added, with the reason (a no-op, an unknown role, a conflict). */
  rejected: RejectedOperation[];
}

// ---------- review ----------

/** One person's part of a plan: their operations and touched fields before and after. */
export interface PersonDiff {
  /** null for a person the plan creates. */
  personId: number | null;
  name: string;
  email: string;
  organization: string | null;
  isExternal: boolean;
  operations: Operation[];
  /** The person's touched fields before the plan and after all its operations. */
  before: FieldMap;
  after: FieldMap;
}

export type WarningKind =
  'loses-last-role' | 'privileged-grant' | 'unclassified-role' | 'other-open-plan' | 'mirror-drift' | 'not-in-mirror';

export interface ReviewWarning {
  kind: WarningKind;
  severity: 'info' | 'warning' | 'danger';
  personId: number | null;
  operationId: number | null;
  message: string;
}

/** What a plan will cost in SmartConnect calls, the way apply spends them on the happy path. */
export interface CallEstimate {
  /** Re-reads before writing (people, e-mail checks, program lists). */
  reads: number;
  writes: number;
  /** Read-backs after writing. */
  verifies: number;
  /** Notes written on the changed people. */
  notes: number;
  total: number;
  /** The writes alone at the batch size: the floor no batching can go under. */
  minimumWrites: number;
  people: number;
  batchSize: number;
  idsPerCall: number;
  budget: {
    limit: number;
    remaining: number;
    /** Whether the plan fits in what is left of the rolling hour. */
    fitsNow: boolean;
    /** Rough time the hourly limit adds, in ms (0 when it fits). */
    waitMs: number;
  } | null;
}

/** A plan as a reviewer sees it: diff per person, totals, warnings, calls. */
export interface PlanReview {
  plan: Plan;
  people: PersonDiff[];
  totals: {
    operations: number;
    people: number;
    byKind: Partial<Record<OperationKind, number>>;
    byRisk: Record<Risk, number>;
    privileged: number;
    approved: number;
    awaitingApproval: number;
    /** Privileged operations that still need their own approval. */
    awaitingOwnApproval: number;
    fromAi: number;
  };
  warnings: ReviewWarning[];
  estimate: CallEstimate;
}

// ---------- builders, approval, import ----------

/** What a selection or filter builder added. */
export interface BuildResult {
  plan: PlanWithOperations;
  /** People the selection or filter named. */
  selected: number;
  added: number;
  rejected: { personId: number; message: string }[];
}

export interface CsvProblem {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  message: string;
  /** The column the problem is in (the header as the builder reads it: email, id, roles, action). */
  field?: string;
  /** The row's values, in the header's order, for the preview to show and highlight. */
  cells?: string[];
}

/** What the CSV builder matched and added, and the rows it could not use. */
export interface CsvBuildResult {
  plan: PlanWithOperations;
  rows: number;
  matched: number;
  added: number;
  /** Rows that matched no one (or several people). */
  unmatched: CsvProblem[];
  /** Rows whose roles or action are wrong, and operations the plan refused (a role already held). */
  problems: CsvProblem[];
  /** The columns as read (aliases resolved). */
  header: string[];
}

/** One kind of change a build makes, and to how many people ("Status -> Inactive": 40). */
export interface BuildChange {
  label: string;
  people: number;
}

/**
 * A selection or filter build tried and rolled back: exactly what it would add to the plan and
 * whom it would leave out (and why), before anything is written.
 */
export interface BuildPreview {
  /** People the selection or filter named. */
  selected: number;
  /** Operations it would add (one per person). */
  added: number;
  /** The changes those operations make, most people first. */
  changes: BuildChange[];
  /** How many would be left out, and the first of them with the reason. */
  rejectedCount: number;
  rejected: { personId: number; name: string; message: string }[];
}

/** A CSV build tried and rolled back: what it would add, and every problem, before any plan exists. */
export type CsvPreviewResult = Omit<CsvBuildResult, 'plan'> & { people: number };

export interface ApprovePlanResult {
  plan: PlanWithOperations;
  /** Privileged operations still waiting for their own approval. */
  needOwnApproval: Operation[];
}

/** Approvals brought back from a second administrator's reviewed export. */
export interface ImportResult {
  plan: PlanWithOperations;
  /** Approvals taken from the file. */
  imported: number;
  /** Approvals not taken, and why (already approved here, privileged without its own approval). */
  skipped: { operationId: number; reason: string }[];
}

// ---------- apply ----------

export type JournalState = 'pending' | 'sending' | 'sent' | 'unknown' | 'verified' | 'failed' | 'skipped_drift';

/** What an apply run leaves on the plan. */
export interface ApplySummary {
  verified: number;
  failed: number;
  skippedDrift: number;
  pending: number;
  /** SmartConnect calls made by apply runs of this plan (all resumes). */
  calls: number;
  /** Apply runs after the first (resumes after a crash, quit, cancel or failure). */
  resumes: number;
  transactions: { written: number; failed: number; unknown: number };
  /** The failure that stopped the last run, when it did not finish. */
  stoppedBy?: string;
}

/** One operation's outcome, from the apply journal. */
export interface OperationResult {
  operationId: number;
  seq: number;
  kind: string;
  personId: number | null;
  summary: string;
  state: JournalState;
  /** The server's own text for a failure, or what drifted. */
  message: string | null;
  /** A created person's id; an association's id. */
  recordid: string | null;
  actualBefore: FieldMap | null;
  actualAfter: FieldMap | null;
}

export interface ApplyResult {
  plan: Plan;
  summary: ApplySummary;
  operations: OperationResult[];
  /** One line for the job history. */
  message: string;
}
