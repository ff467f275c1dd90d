/**
 * The onboarding channels: documents dropped together are read (intake) and each record becomes a
 * proposal kept in a queue across restarts (to review, plan created, dismissed). A proposal is
 * resolved against the mirror (who the person is, their organization, roles and programs from
 * similar people, the requested roles matched to the catalogue); the administrator edits fields
 * (typing, or clicking text on the page), links the person, chooses the organization and accepts
 * or declines each recommendation; the proposal becomes a plan (origin 'onboarding', every
 * operation signed 'ai' with its suggestion). Nothing is approved here: the plan goes through the
 * review.
 */
import { z } from 'zod';
import { INTAKE_MAX_FILE_BYTES, type IntakeFormat, type IntakePage } from './intake';
import type { PlanState } from './plans-types';
import { channel } from './wire';

const boxSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).strict();
export const fieldSourceSchema = z
  .object({
    page: z.number().int().min(0).max(10_000),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    box: boxSchema.optional(),
    attachment: z.string().max(500).optional(),
  })
  .strict();
export const documentFieldSchema = z
  .object({
    value: z.union([z.string().max(2000), z.array(z.string().max(300)).max(50)]),
    confidence: z.number().min(0).max(1),
    source: fieldSourceSchema.nullable(),
  })
  .strict();
export const onboardingFieldNameSchema = z
  .string()
  .regex(
    /^(firstName|lastName|email|phone|title|organization|department|program|startDate|employeeNumber|managerName|requestedRoles|cf_[A-Za-z0-9_ ]{1,60})$/,
    'not a field onboarding knows',
  );

/** What intake read from one document (the shape of IntakeResult that onboarding uses). */
export const onboardingDocumentSchema = z
  .object({
    file: z.string().min(1).max(500),
    fields: z.record(onboardingFieldNameSchema, documentFieldSchema),
  })
  .passthrough();
export type OnboardingDocument = z.infer<typeof onboardingDocumentSchema>;
export type DocumentField = z.infer<typeof documentFieldSchema>;
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export interface PersonCandidate {
  personId: number;
  name: string;
  email: string;
  organization: string | null;
  title: string | null;
  /** The engine's probability that this is the same person, 0-1. */
  score: number;
  reasons: string[];
  /** Fields the document states differently from the mirror. */
  differences: { field: string; document: string; mirror: string }[];
}

export interface PersonResolution {
  outcome: 'same' | 'possible' | 'new';
  /** The linked person: set for 'same', and for 'possible' once the administrator picks one. */
  personId: number | null;
  candidates: PersonCandidate[];
  explanation: string;
  /** The administrator decided (linked a candidate, or kept it new) rather than the engine. */
  decidedBy: 'engine' | 'administrator';
  suggestionId: string;
}

/** An existing organization the document may mean, with its place in the tree. */
export interface OrganizationCandidate {
  organizationId: number;
  name: string;
  /** Root first, the organization last. */
  path: string[];
  isExternal: boolean;
  score: number;
  why: string;
}

export interface OrganizationResolution {
  outcome: 'existing' | 'new' | 'none';
  organizationId: number | null;
  name: string | null;
  /** Root first, the organization last. */
  path: string[];
  score: number;
  /** For a new one: where it would go, and why there. */
  proposedParent: { id: number; name: string; isExternal: boolean; path: string[] } | null;
  isExternal: boolean | null;
  /** For a new one: create it in the plan (before the person), or not (the person waits). */
  create: boolean;
  /** Other organizations it may be (fuzzy name, e-mail domain of their people). */
  candidates: OrganizationCandidate[];
  explanation: string;
  decidedBy: 'engine' | 'administrator';
  /** Its record in the AI suggestions (null when the document names no organization). */
  suggestionId: string | null;
}

export interface Recommendation {
  id: string;
  kind: 'role' | 'assignment';
  /** From similar people (k of n) or from the document's requested roles. */
  basis: 'peers' | 'requested';
  roleId: number;
  roleName: string;
  programId: number | null;
  programName: string | null;
  holders: number | null;
  peers: number | null;
  /** For 'requested': the text as written and how well it matched the catalogue role (0-1). */
  requestedText: string | null;
  matchScore: number | null;
  confidence: number;
  reason: string;
  /** The policy says this must be approved on its own (never in bulk). */
  privileged: boolean;
  decision: 'pending' | 'accepted' | 'declined';
  suggestionId: string;
}

export interface PeerGroup {
  size: number;
  how: string;
  /** Less than 5: nothing is recommended from it, and this says so. */
  tooSmall: boolean;
}

export interface ProposedOperation {
  kind: 'create_organization' | 'create_person' | 'update_fields' | 'add_role' | 'add_assignment';
  summary: string;
  suggestionId: string;
  privileged: boolean;
}

export type ProposalState = 'to_review' | 'planned' | 'dismissed';
export const PROPOSAL_STATES = ['to_review', 'planned', 'dismissed'] as const;

/** A proposal's field: as read (value, confidence, source) and whether the administrator changed it. */
export type ProposalField = DocumentField & { edited: boolean };

export interface Proposal {
  id: string;
  instanceId: string;
  /** The document it came from (its pages, for the highlights), and which record of it (a list has several). */
  documentId: string;
  recordIndex: number;
  file: string;
  state: ProposalState;
  fields: Record<string, ProposalField>;
  resolution: PersonResolution;
  organization: OrganizationResolution;
  peerGroup: PeerGroup;
  recommendations: Recommendation[];
  /** Requested roles the catalogue has nothing close to. */
  unmatchedRequests: string[];
  operations: ProposedOperation[];
  problems: string[];
  planId: string | null;
  warnings: string[];
  dismissedReason: string | null;
  /** The fields as intake read them, in the AI suggestion record: decided 'edited' when a field was changed. */
  extractionSuggestionId: string | null;
}

/** One line of the queue. */
export interface ProposalSummary {
  id: string;
  documentId: string;
  batchId: string;
  file: string;
  format: IntakeFormat | 'json';
  recordIndex: number;
  /** The person as the document names them ("" when it names no one). */
  title: string;
  state: ProposalState;
  outcome: PersonResolution['outcome'];
  operations: number;
  problems: number;
  /** Accepted or pending privileged recommendations: each is approved on its own. */
  privileged: number;
  planId: string | null;
  planTitle: string | null;
  planState: PlanState | null;
  dismissedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A page of a document, or of one of its attachments (an e-mail's form). */
export type OnboardingPage = IntakePage & { attachment?: string; intakeDocumentId?: string };

/** A stored document as the review shows it: its pages' text with the boxes of every text item. */
export interface OnboardingDocumentView {
  id: string;
  file: string;
  format: IntakeFormat | 'json';
  pages: OnboardingPage[];
  warnings: string[];
  /** Intake keeps the bytes: `onboarding:page` can give each page as an image. */
  hasImages: boolean;
}

/** A page as an image (PNG, base64) in the same units as the item and source boxes; null when none can be made. */
export interface OnboardingPageImage {
  page: number;
  attachment: string | null;
  width: number;
  height: number;
  png: string | null;
}

export interface AddDocumentResult {
  documentId: string;
  file: string;
  format: IntakeFormat | 'json';
  proposals: ProposalSummary[];
  warnings: string[];
}

const proposalId = z.string().min(1).max(64);
const documentId = z.string().min(1).max(64);
const instanceId = z.string().min(1).max(64);
const batchId = z.string().min(1).max(64);
const recordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const fieldValue = z.union([z.string().max(2000), z.array(z.string().max(300)).max(50)]);

/** Intake's own limit: onboarding reads every document through intake. */
export const MAX_ONBOARDING_FILE_BYTES = INTAKE_MAX_FILE_BYTES;

/** The organization as the administrator decides it: an existing one, or a new one under a parent. */
export const organizationChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), organizationId: recordId }).strict(),
  z
    .object({
      kind: z.literal('new'),
      name: z.string().trim().min(1, 'Name the new organization.').max(255),
      parentId: recordId,
      isExternal: z.boolean(),
    })
    .strict(),
]);
export type OrganizationChoice = z.infer<typeof organizationChoiceSchema>;

export const onboardingDecideSchema = z
  .object({
    proposalId,
    /** New values; a field set to "" is cleared. */
    fields: z.record(onboardingFieldNameSchema, fieldValue).optional(),
    /** Where an assigned value was taken from (text clicked on the page). */
    sources: z.record(onboardingFieldNameSchema, fieldSourceSchema).optional(),
    /** The same person as this candidate; null keeps it a new person. */
    linkPersonId: recordId.nullable().optional(),
    recommendations: z.record(z.string().max(64), z.enum(['accepted', 'declined', 'pending'])).optional(),
    /** Accept every recommendation that is recommended (peers over 70%, or requested) and not privileged. */
    acceptRecommended: z.boolean().optional(),
    organization: organizationChoiceSchema.optional(),
  })
  .strict();
export type OnboardingDecideInput = z.input<typeof onboardingDecideSchema>;

export const onboardingChannels = {
  /**
   * Reads one dropped document (intake) and keeps a proposal for each record it holds; documents
   * dropped together share a batch. A document that cannot be read is refused and nothing is kept.
   */
  'onboarding:add': channel<AddDocumentResult>()({
    input: z
      .object({
        instanceId,
        batchId,
        name: z.string().trim().min(1).max(260),
        base64: z.string().max(Math.ceil((MAX_ONBOARDING_FILE_BYTES * 4) / 3) + 8),
      })
      .strict(),
    reads: ['mirror'],
    writes: ['ai', 'onboarding'],
    maxInputBytes: Math.ceil((MAX_ONBOARDING_FILE_BYTES * 4) / 3) + 4096,
  }),
  /** A proposal from a document already read (`desk intake --json`), kept in the queue. */
  'onboarding:propose': channel<Proposal>()({
    input: z.object({ instanceId, document: onboardingDocumentSchema, batchId: batchId.optional() }).strict(),
    reads: ['mirror'],
    writes: ['ai', 'onboarding'],
    maxInputBytes: 2 * 1024 * 1024,
  }),
  /** The queue, newest drop first. */
  'onboarding:list': channel<ProposalSummary[]>()({
    input: z.object({ instanceId, states: z.array(z.enum(PROPOSAL_STATES)).min(1).max(3).optional() }).strict(),
    reads: ['onboarding', 'plans'],
  }),
  'onboarding:get': channel<Proposal>()({ input: z.object({ proposalId }).strict(), reads: ['onboarding'] }),
  /** The document's pages (text and item boxes) for the review's highlights. */
  'onboarding:document': channel<OnboardingDocumentView>()({
    input: z.object({ documentId }).strict(),
    reads: ['onboarding'],
  }),
  /** One page as an image, when intake keeps the document's bytes. */
  'onboarding:page': channel<OnboardingPageImage>()({
    input: z
      .object({ documentId, page: z.number().int().min(1).max(10_000), attachment: z.string().max(500).optional() })
      .strict(),
    reads: ['onboarding'],
  }),
  /** The administrator's edits: field values, the linked person, the organization, each recommendation. */
  'onboarding:decide': channel<Proposal>()({
    input: onboardingDecideSchema,
    reads: ['mirror'],
    writes: ['ai', 'onboarding'],
  }),
  /** The plan (draft, for the normal review and approval), with every operation linked to its suggestion. */
  'onboarding:createPlan': channel<{ planId: string; proposal: Proposal }>()({
    input: z.object({ proposalId }).strict(),
    writes: ['plans', 'ai', 'audit', 'onboarding'],
  }),
  /** Set a proposal aside (not a new person, a duplicate...), with a reason; its suggestions are rejected. */
  'onboarding:dismiss': channel<Proposal>()({
    input: z.object({ proposalId, reason: z.string().trim().max(500).optional() }).strict(),
    writes: ['ai', 'onboarding'],
  }),
  /** Back to review: a dismissed proposal, or one whose plan was discarded. */
  'onboarding:reopen': channel<Proposal>()({
    input: z.object({ proposalId }).strict(),
    reads: ['mirror', 'plans'],
    writes: ['ai', 'onboarding'],
  }),
  /** The sample documents shipped with the app. */
  'onboarding:samples': channel<{ name: string; bytes: number }[]>()({ input: z.object({}).strict() }),
  /** One sample's bytes (base64), to read like a dropped file. */
  'onboarding:sample': channel<{ name: string; base64: string }>()({
    input: z
      .object({
        name: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[^/\\]+$/),
      })
      .strict(),
  }),
} as const;
