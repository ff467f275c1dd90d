/**
 * Access reviews on the wire: campaigns (a scope, the items under review, stages and their
 * reviewers, a due date, a default for undecided items, quarterly recurrence), the items with
 * their keep/revoke recommendation and every reason for it, decisions (one at a time or by
 * filter, each recorded and reversible until the sign-off), the managers' workbook, the sign-off
 * into a plan, the campaign report, and the AI record of how recommendations were received.
 */
import { z } from 'zod';
import { channel } from './wire';
import { planInstanceIdSchema, planRecordIdSchema } from './plans-inputs';
import type { PlanState } from './plans-types';

/** What an item puts under review: a profile role, a program assignment (UTA role), or login access itself. */
export const REVIEW_ITEM_KINDS = ['role', 'assignment', 'access'] as const;
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];
export const REVIEW_ITEM_KIND_LABELS: Record<ReviewItemKind, string> = {
  role: 'Profile role',
  assignment: 'Program assignment',
  access: 'Login access',
};

export const REVIEWER_KINDS = ['administrator', 'managers'] as const;
export type ReviewerKind = (typeof REVIEWER_KINDS)[number];

/** What happens to items nobody decided when the stage closes or the campaign is signed off. */
export const REVIEW_DEFAULTS = ['keep', 'revoke', 'recommendation'] as const;
export type ReviewDefault = (typeof REVIEW_DEFAULTS)[number];

export const REVIEW_RECURRENCES = ['none', 'quarterly'] as const;
export type ReviewRecurrence = (typeof REVIEW_RECURRENCES)[number];

export type ReviewDecision = 'keep' | 'revoke';
export type RiskBand = 'low' | 'medium' | 'high';
export const RISK_BANDS = ['low', 'medium', 'high'] as const;

/** Why an item is recommended as it is; each code is one reason shown beside the item. */
export const REVIEW_REASON_CODES = [
  'no_login_90',
  'no_login_30',
  'recent_sign_in',
  'peers_most',
  'peers_some',
  'peers_none',
  'no_peer_group',
  'finding',
  'finding_person',
  'risk',
  'privileged',
  'program_closed',
  'program_owner',
  'cannot_sign_in',
  'access_expired',
  'pending',
] as const;
export type ReviewReasonCode = (typeof REVIEW_REASON_CODES)[number];

/** Short names of the reasons, for filters and the report. */
export const REVIEW_REASON_LABELS: Record<ReviewReasonCode, string> = {
  no_login_90: 'No sign-in for 90 days',
  no_login_30: 'No sign-in for 30 days',
  recent_sign_in: 'Signed in recently',
  peers_most: 'Most peers hold it',
  peers_some: 'Some peers hold it',
  peers_none: 'No peer holds it',
  no_peer_group: 'No peer group to compare',
  finding: 'Open finding about it',
  finding_person: 'Open finding about the person',
  risk: 'Risk score',
  privileged: 'Privileged',
  program_closed: 'Program closed',
  program_owner: 'Owns the program',
  cannot_sign_in: 'Cannot sign in',
  access_expired: 'Access past its expiry',
  pending: 'Pending activation',
};

/** One reason, with which way it points and whether it decides the recommendation on its own. */
export interface ReviewReason {
  code: ReviewReasonCode;
  /** 'revoke' and 'keep' point one way; 'info' is shown and weighs nothing. */
  effect: 'keep' | 'revoke' | 'info';
  /** A revoke reason that decides the recommendation by itself (nothing else is needed). */
  decisive: boolean;
  /** The reason in words with its numbers: "Held by 18 of 20 peers (90%): internal, Finance, Finance Officer". */
  text: string;
}

export const reviewScopeSchema = z
  .object({
    /** People of these organizations and everything under them. */
    organizationIds: z.array(planRecordIdSchema).max(500).optional(),
    departments: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    /** People holding any of these profile roles (role items: only these roles). */
    roleIds: z.array(planRecordIdSchema).max(500).optional(),
    /** People assigned on any of these programs (assignment items: only these programs). */
    programIds: z.array(planRecordIdSchema).max(500).optional(),
    /** Only privileged access: privileged roles, and people holding one or an administrator type. */
    privilegedOnly: z.boolean().optional(),
    side: z.enum(['internal', 'external']).optional(),
  })
  .strict();
export type ReviewScope = z.infer<typeof reviewScopeSchema>;

export const reviewStageSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    reviewers: z.enum(REVIEWER_KINDS),
  })
  .strict();
export type ReviewStage = z.infer<typeof reviewStageSchema>;

const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD');

export const createCampaignSchema = z
  .object({
    instanceId: planInstanceIdSchema,
    name: z.string().trim().min(1, 'Give the campaign a name.').max(200),
    scope: reviewScopeSchema,
    itemKinds: z.array(z.enum(REVIEW_ITEM_KINDS)).min(1, 'Choose at least one kind of access to review.').max(3),
    stages: z.array(reviewStageSchema).min(1).max(3, 'A campaign has at most 3 stages.'),
    dueOn: dayText,
    defaultDecision: z.enum(REVIEW_DEFAULTS),
    recurrence: z.enum(REVIEW_RECURRENCES),
    /** Judge the mirror as of this moment (tests and scripts); default now. */
    now: z.iso.datetime().optional(),
  })
  .strict();
export type CreateCampaignInput = z.input<typeof createCampaignSchema>;

export const reviewItemFilterSchema = z
  .object({
    kinds: z.array(z.enum(REVIEW_ITEM_KINDS)).max(3).optional(),
    recommendation: z.enum(['keep', 'revoke']).optional(),
    /** 'undecided', 'keep', 'revoke', 'decided' (either), 'overridden' (decided against the recommendation). */
    decision: z.enum(['undecided', 'keep', 'revoke', 'decided', 'overridden']).optional(),
    risk: z.array(z.enum(RISK_BANDS)).max(3).optional(),
    /** Items with any of these reasons. */
    reasons: z.array(z.enum(REVIEW_REASON_CODES)).max(REVIEW_REASON_CODES.length).optional(),
    privileged: z.boolean().optional(),
    side: z.enum(['internal', 'external']).optional(),
    department: z.string().trim().max(200).optional(),
    /** A line manager's items (0: the administrator's, those with no manager). */
    reviewerId: z.number().int().min(0).optional(),
    personId: planRecordIdSchema.optional(),
    /** Words in the person's name, e-mail or the item's name. */
    search: z.string().trim().max(200).optional(),
    /** Only the current stage's items (default true). */
    currentStage: z.boolean().optional(),
  })
  .strict();
export type ReviewItemFilter = z.infer<typeof reviewItemFilterSchema>;

export interface ReviewItem {
  id: number;
  kind: ReviewItemKind;
  personId: number;
  personName: string;
  email: string;
  title: string | null;
  department: string | null;
  organization: string | null;
  isExternal: boolean;
  reviewer: { id: number; name: string } | null;
  roleId: number | null;
  programId: number | null;
  /** What is under review, in words: "System Administrator", "Reviewer on Arts Fund 2026", "Login access (User)". */
  target: string;
  privileged: boolean;
  riskScore: number | null;
  riskBand: RiskBand;
  lastSignIn: string | null;
  recommendation: ReviewDecision;
  confidence: number;
  reasons: ReviewReason[];
  stage: number;
  decision: ReviewDecision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  decisionSource: 'reviewer' | 'bulk' | 'workbook' | 'default' | null;
}

export interface ReviewCounts {
  items: number;
  people: number;
  decided: number;
  keep: number;
  revoke: number;
  recommendedRevoke: number;
  /** Decided against the recommendation. */
  overridden: number;
}

export interface ReviewAction {
  id: number;
  stage: number;
  decision: 'keep' | 'revoke' | 'recommendation' | 'clear';
  source: 'reviewer' | 'bulk' | 'workbook' | 'default';
  by: string;
  at: string;
  reason: string | null;
  /** What it selected, in words. */
  selection: string;
  items: number;
  undoneBy: string | null;
  undoneAt: string | null;
}

export type CampaignState = 'active' | 'signed_off' | 'cancelled';

export interface CampaignSummary {
  id: string;
  instanceId: string;
  seriesId: string;
  sequence: number;
  name: string;
  state: CampaignState;
  scope: ReviewScope;
  /** The scope in words, names not ids. */
  scopeText: string;
  itemKinds: ReviewItemKind[];
  stages: ReviewStage[];
  currentStage: number;
  defaultDecision: ReviewDefault;
  recurrence: ReviewRecurrence;
  dueOn: string;
  overdue: boolean;
  createdBy: string;
  createdAt: string;
  /** Counts over the current stage's items. */
  stageCounts: ReviewCounts;
  /** Counts over every item (final decisions of earlier stages included). */
  counts: ReviewCounts;
  plan: { id: string; title: string; state: PlanState } | null;
  nextStartOn: string | null;
}

export interface CampaignDetail extends CampaignSummary {
  asOf: string;
  /** The findings and risk scores the recommendations used, as of this scan (null: no scan yet). */
  findingsAsOf: string | null;
  closedBy: string | null;
  closedAt: string | null;
  closeReason: string | null;
  signOff: SignOffSummary | null;
  actions: ReviewAction[];
  reviewers: { id: number; name: string; items: number; decided: number }[];
  departments: string[];
  nextCampaignId: string | null;
  previousCampaignId: string | null;
}

export interface SignOffSummary {
  /** Items that took the default because nobody decided them. */
  defaulted: number;
  keep: number;
  revoke: number;
  /** Operations the plan holds, and revocations the mirror no longer shows (nothing to change). */
  operations: number;
  rejected: { itemId: number; message: string }[];
}

export interface ReviewItemsPage {
  total: number;
  rows: ReviewItem[];
}

export interface CampaignPreview {
  people: number;
  items: number;
  byKind: Record<ReviewItemKind, number>;
  recommendedRevoke: number;
  /** A few of the people, names to check the scope by. */
  sample: string[];
  scopeText: string;
}

export interface DecideResult {
  action: ReviewAction | null;
  changed: number;
  counts: ReviewCounts;
}

/** A file for the renderer to save: text, or bytes as base64. */
export interface DownloadFile {
  filename: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  data: string;
}

export interface WorkbookImportResult {
  imported: number;
  reviewers: string[];
  skipped: { itemId: number; reason: string }[];
  counts: ReviewCounts;
}

export interface SignOffResult {
  campaign: CampaignDetail;
  plan: { id: string; title: string; operations: number } | null;
}

/** Acceptance of one kind of suggestion in one month. */
export interface AcceptancePoint {
  kind: string;
  month: string;
  suggested: number;
  decided: number;
  accepted: number;
  overridden: number;
  /** accepted / decided; null while none is decided. */
  rate: number | null;
}

export interface FairnessGroup {
  /** 'side' (internal/external) or 'department'. */
  dimension: 'side' | 'department';
  group: string;
  items: number;
  recommendedRevoke: number;
  /** Share of items recommended for revocation. */
  revokeRate: number;
  decided: number;
  /** Human decisions that followed the recommendation, over those decided. */
  acceptanceRate: number | null;
  /** Revocation rate of past campaigns' human decisions for people of this group (null: no history). */
  historicalRevokeRate: number | null;
  historicalDecided: number;
  /** The gaps found, in words; empty when none is flagged. */
  flags: string[];
}

export interface AiRecord {
  rates: AcceptancePoint[];
  overrides: (Pick<
    ReviewItem,
    'id' | 'personName' | 'target' | 'recommendation' | 'decision' | 'decidedBy' | 'decidedAt' | 'decisionReason'
  > & { campaignId: string; campaignName: string })[];
  fairness: FairnessGroup[];
  /** How gaps are flagged, in words. */
  method: string;
}

const campaignId = z.string().uuid();
const instanceId = planInstanceIdSchema;
const MAX_WORKBOOK_BASE64 = 14 * 1024 * 1024;

export const reviewsChannels = {
  /** Campaigns of an instance, newest first, with counts. */
  'reviews:list': channel<CampaignSummary[]>()({
    input: z.object({ instanceId }).strict(),
    reads: ['reviews', 'plans'],
  }),
  /** What a scope would put under review, before the campaign exists. Nothing is written. */
  'reviews:preview': channel<CampaignPreview>()({
    input: z
      .object({ instanceId, scope: reviewScopeSchema, itemKinds: z.array(z.enum(REVIEW_ITEM_KINDS)).min(1).max(3) })
      .strict(),
    reads: ['mirror', 'investigate'],
  }),
  'reviews:create': channel<CampaignDetail>()({
    input: createCampaignSchema,
    writes: ['reviews', 'audit'],
  }),
  'reviews:get': channel<CampaignDetail>()({
    input: z.object({ campaignId }).strict(),
    reads: ['reviews', 'plans'],
  }),
  'reviews:items': channel<ReviewItemsPage>()({
    input: z
      .object({
        campaignId,
        filter: reviewItemFilterSchema.optional(),
        sort: z.enum(['attention', 'person', 'risk']).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    reads: ['reviews'],
  }),
  /**
   * Decides items: those named, or every item of the current stage the filter selects.
   * 'recommendation' takes each item's own recommendation; 'clear' undecides.
   */
  'reviews:decide': channel<DecideResult>()({
    input: z
      .object({
        campaignId,
        itemIds: z.array(z.number().int().positive()).min(1).max(100_000).optional(),
        filter: reviewItemFilterSchema.optional(),
        decision: z.enum(['keep', 'revoke', 'recommendation', 'clear']),
        reason: z.string().trim().max(500, 'A reason is limited to 500 characters.').optional(),
      })
      .strict()
      .refine((v) => (v.itemIds === undefined) !== (v.filter === undefined), 'Give either itemIds or a filter.'),
    writes: ['reviews', 'audit'],
    maxInputBytes: 1024 * 1024,
  }),
  /** Undoes one decision action, item by item (items decided again since keep their later decision). */
  'reviews:undo': channel<DecideResult>()({
    input: z.object({ campaignId, actionId: z.number().int().positive() }).strict(),
    writes: ['reviews', 'audit'],
  }),
  /** Closes the current stage (undecided items take the default) and opens the next over the items kept. */
  'reviews:advanceStage': channel<CampaignDetail>()({
    input: z.object({ campaignId }).strict(),
    writes: ['reviews', 'audit'],
  }),
  /** Undecided items take the default; the revocations become a draft plan (origin 'review'). */
  'reviews:signOff': channel<SignOffResult>()({
    input: z.object({ campaignId }).strict(),
    writes: ['reviews', 'plans', 'audit'],
  }),
  'reviews:cancel': channel<CampaignDetail>()({
    input: z
      .object({ campaignId, reason: z.string().trim().min(3, 'Say why the campaign is cancelled.').max(500) })
      .strict(),
    writes: ['reviews', 'audit'],
  }),
  /** Starts the quarterly campaigns whose day has come. */
  'reviews:startDue': channel<CampaignSummary[]>()({
    input: z.object({ instanceId, now: z.iso.datetime().optional() }).strict(),
    writes: ['reviews', 'audit'],
  }),
  /** The current stage's items as a workbook for line managers (a sheet per manager), or as CSV. */
  'reviews:export': channel<DownloadFile>()({
    input: z.object({ campaignId, format: z.enum(['xlsx', 'csv']) }).strict(),
    writes: ['reviews', 'audit'],
  }),
  /** A workbook (or CSV) the managers filled in: refused unless it matches an export of these items. */
  'reviews:import': channel<WorkbookImportResult>()({
    input: z
      .object({
        campaignId,
        format: z.enum(['xlsx', 'csv']),
        /** xlsx: base64; csv: the text. */
        data: z.string().min(1).max(MAX_WORKBOOK_BASE64),
      })
      .strict(),
    writes: ['reviews', 'audit'],
    maxInputBytes: MAX_WORKBOOK_BASE64 + 4096,
  }),
  /** The campaign report: scope, reviewers, decisions, completion, what was applied, the audit trail's head hash. */
  'reviews:report': channel<DownloadFile>()({
    input: z.object({ campaignId, format: z.enum(['csv', 'pdf']) }).strict(),
    writes: ['audit'],
  }),
  /** How suggestions were received: acceptance over time, overrides, and the fairness check across groups. */
  'reviews:aiRecord': channel<AiRecord>()({
    input: z.object({ instanceId }).strict(),
    reads: ['reviews', 'ai'],
  }),
};
