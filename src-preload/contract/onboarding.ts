/**
 * The onboarding channels: a document's fields (as intake read them) become a proposal against the
 * mirror (who the person is, their organization, roles and programs from similar people, the
 * requested roles matched to the catalogue), the administrator edits fields and accepts or declines
 * each recommendation, and the proposal becomes a plan (origin 'onboarding', every operation
 * signed 'ai' with its suggestion). Nothing is approved here: the plan goes through the review.
 */
import { z } from 'zod';
import { channel } from './wire';

const boxSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).strict();
const sourceSchema = z
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
    source: sourceSchema.nullable(),
  })
  .strict();
const fieldName = z
  .string()
  .regex(
    /^(firstName|lastName|email|phone|title|organization|department|program|startDate|employeeNumber|managerName|requestedRoles|cf_[A-Za-z0-9_ ]{1,60})$/,
  );

/** What intake read from one document (the shape of IntakeResult that onboarding uses). */
export const onboardingDocumentSchema = z
  .object({
    file: z.string().min(1).max(500),
    fields: z.record(fieldName, documentFieldSchema),
  })
  .passthrough();
export type OnboardingDocument = z.infer<typeof onboardingDocumentSchema>;
export type DocumentField = z.infer<typeof documentFieldSchema>;

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
  suggestionId: string;
}

export interface OrganizationResolution {
  outcome: 'existing' | 'new' | 'none';
  organizationId: number | null;
  name: string | null;
  /** Root first, the organization last. */
  path: string[];
  score: number;
  /** For a new one: where it would go (the closest existing parent, else the root). */
  proposedParent: { id: number; name: string; isExternal: boolean } | null;
  isExternal: boolean | null;
  explanation: string;
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
  kind: 'create_person' | 'update_fields' | 'add_role' | 'add_assignment';
  summary: string;
  suggestionId: string;
  privileged: boolean;
}

export interface Proposal {
  id: string;
  instanceId: string;
  file: string;
  fields: Record<string, DocumentField & { edited: boolean }>;
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
}

const proposalId = z.string().min(1).max(64);
const instanceId = z.string().min(1).max(64);

export const onboardingChannels = {
  /** A proposal from what intake read: resolution, recommendations, the operations it would plan. */
  'onboarding:propose': channel<Proposal>()({
    input: z.object({ instanceId, document: onboardingDocumentSchema }).strict(),
    reads: ['mirror'],
    writes: ['ai'],
    maxInputBytes: 2 * 1024 * 1024,
  }),
  'onboarding:get': channel<Proposal>()({ input: z.object({ proposalId }).strict(), reads: ['ai'] }),
  /** The administrator's edits: field values, the linked person, each recommendation accepted or declined. */
  'onboarding:decide': channel<Proposal>()({
    input: z
      .object({
        proposalId,
        fields: z.record(fieldName, z.union([z.string().max(2000), z.array(z.string().max(300)).max(50)])).optional(),
        linkPersonId: z.number().int().positive().nullable().optional(),
        recommendations: z.record(z.string().max(64), z.enum(['accepted', 'declined', 'pending'])).optional(),
      })
      .strict(),
    writes: ['ai'],
  }),
  /** The plan (draft, for the normal review and approval), with every operation linked to its suggestion. */
  'onboarding:createPlan': channel<{ planId: string; proposal: Proposal }>()({
    input: z.object({ proposalId }).strict(),
    writes: ['plans', 'ai', 'audit'],
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
