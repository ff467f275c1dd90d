/**
 * The help desk on the wire: the access troubleshooter (every check that decides whether a person
 * can see a program, hold a role or sign in at all, in order, with its result and what to change),
 * the fix and reset plans it builds, the ticket draft, and the knowledge base (the administrator's
 * guide and the past resolutions of the instance) with its cited search and answer.
 */
import { z } from 'zod';
import { channel } from './wire';
import { planInstanceIdSchema } from './plans-inputs';

/** The checks, in the order they run and are shown. */
export const HELPDESK_CHECK_IDS = [
  'record',
  'access_type',
  'status',
  'expiry',
  'locked',
  'role_held',
  'uta_role',
  'profile_uta_role',
  'side',
  'program_status',
  'organization',
] as const;
export type HelpdeskCheckId = (typeof HELPDESK_CHECK_IDS)[number];

export type HelpdeskCheckResult = 'pass' | 'fail' | 'skip';

/** One check as the troubleshooter ran it. */
export interface HelpdeskCheck {
  id: HelpdeskCheckId;
  /** "Access type", "Part on the program", ... */
  label: string;
  result: HelpdeskCheckResult;
  /** What was found, in words ("Status is Pending: the account was never activated."). */
  finding: string;
  /** For a failure: what to change, in plain words. */
  advice: string | null;
  /**
   * How the failure is fixed: 'plan' when Admin Desk can make the change (the operations are
   * below), 'outside' when SmartConnect cannot (the advice says where), null when it passed.
   */
  fix: 'plan' | 'outside' | null;
  /** The plan operations that fix it, described ("Change access: Status: Pending -> Active"). */
  operations: string[];
}

export const HELPDESK_TARGET_KINDS = ['program', 'role', 'portal'] as const;
export type HelpdeskTargetKind = (typeof HELPDESK_TARGET_KINDS)[number];

/** What the person was checked against. */
export interface HelpdeskTarget {
  kind: HelpdeskTargetKind;
  id: number | null;
  /** The program's or role's name; "the portal" for the portal. */
  name: string;
}

export interface HelpdeskPerson {
  id: number;
  name: string;
  email: string;
  isExternal: boolean;
  organization: string | null;
  removed: boolean;
}

/** A one-click reset for the person: a plan, or why it cannot be one. */
export interface HelpdeskReset {
  kind: 'reactivate' | 'extend_expiry' | 'reset_password';
  label: string;
  available: boolean;
  /** What it will do, or why it is not available. */
  description: string;
}

/** The troubleshooter's answer, recorded as an outcome. */
export interface HelpdeskDiagnosis {
  outcomeId: number;
  instanceId: string;
  person: HelpdeskPerson;
  target: HelpdeskTarget;
  checks: HelpdeskCheck[];
  /** The failed checks' ids, in order. */
  failed: HelpdeskCheckId[];
  /** One sentence: the verdict and the first cause. */
  summary: string;
  /** Every operation a fix plan would hold (empty: nothing Admin Desk can change). */
  fixOperations: string[];
  resets: HelpdeskReset[];
  /** When the mirror was last synced (the checks are as of then). */
  syncedAt: string | null;
  checkedAt: string;
  /** The fix plan made from this outcome, once there is one. */
  plan: { id: string; title: string; state: string } | null;
}

/** A past troubleshooter outcome, for the history list. */
export interface HelpdeskOutcomeRow {
  id: number;
  personId: number;
  personName: string;
  target: HelpdeskTarget;
  failed: HelpdeskCheckId[];
  summary: string;
  plan: { id: string; title: string; state: string } | null;
  checkedAt: string;
}

export interface HelpdeskPlanMade {
  plan: { id: string; title: string; state: string };
  operations: string[];
}

export interface HelpdeskTicket {
  subject: string;
  text: string;
}

export const HELP_SOURCES = ['guide', 'outcome', 'plan', 'finding'] as const;
export type HelpSource = (typeof HELP_SOURCES)[number];

/** One passage the search found, with where it came from (what a citation points at). */
export interface HelpPassage {
  /** The citation number shown beside it: [1], [2], ... */
  n: number;
  source: HelpSource;
  /** Stable reference: `guide:access#locked-accounts`, `plan:<id>`, `outcome:<id>`. */
  ref: string;
  title: string;
  body: string;
  /** The body with the matched words marked as «word». */
  snippet: string;
  at: string | null;
  /** BM25 score, higher is better (FTS5's rank negated). */
  score: number;
}

export interface HelpSearchResult {
  query: string;
  passages: HelpPassage[];
  /** False when nothing relevant enough was found (the answer is then "I don't know"). */
  relevant: boolean;
  ms: number;
}

/** An answer written from the passages only, each sentence citing passage numbers. */
export interface HelpAnswer {
  question: string;
  /** Empty when unknown. */
  sentences: { text: string; citations: number[] }[];
  /** "I don't know": nothing relevant was retrieved, or the engine found no answer in it. */
  unknown: boolean;
  passages: HelpPassage[];
  engine: 'local' | 'llm' | null;
  model: string | null;
  fallbackReason: string | null;
  suggestionId: string | null;
}

/** A person or program named by id, or by text the service resolves (e-mail or name). */
const reference = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z.string().trim().min(1).max(200),
]);

export const helpdeskTargetInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('program'), program: reference }).strict(),
  z.object({ kind: z.literal('role'), role: reference }).strict(),
  z.object({ kind: z.literal('portal') }).strict(),
]);
export type HelpdeskTargetInput = z.input<typeof helpdeskTargetInputSchema>;

/** Days an expiry is extended by (from today) when no number is given. */
export const DEFAULT_EXPIRY_DAYS = 90;
const days = z.number().int().min(1).max(3650);
const outcomeId = z.number().int().positive();
const question = z.string().trim().min(1, 'Type a question or some words to search for.').max(500);

export const helpdeskChannels = {
  /**
   * Runs every check for a person (id, e-mail or name) against a program, a role or the portal,
   * on the mirror; records the outcome. Ambiguous or unknown names are VALIDATION with candidates.
   */
  'helpdesk:diagnose': channel<HelpdeskDiagnosis>()({
    input: z
      .object({
        instanceId: planInstanceIdSchema,
        person: reference,
        target: helpdeskTargetInputSchema,
        expiryDays: days.optional(),
      })
      .strict(),
    reads: ['mirror', 'helpdesk', 'plans'],
    writes: ['helpdesk'],
  }),
  /** One recorded outcome again (with the state of its plan now). */
  'helpdesk:outcome': channel<HelpdeskDiagnosis>()({
    input: z.object({ instanceId: planInstanceIdSchema, outcomeId }).strict(),
    reads: ['helpdesk', 'plans'],
  }),
  /** Recent outcomes, newest first; of one person when named. */
  'helpdesk:history': channel<HelpdeskOutcomeRow[]>()({
    input: z
      .object({
        instanceId: planInstanceIdSchema,
        personId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    reads: ['helpdesk', 'plans'],
  }),
  /** A draft plan with every fix the outcome offers (VALIDATION when there is none). */
  'helpdesk:createFixPlan': channel<HelpdeskPlanMade>()({
    input: z.object({ instanceId: planInstanceIdSchema, outcomeId, expiryDays: days.optional() }).strict(),
    writes: ['plans', 'audit', 'helpdesk'],
  }),
  /** A one-click reset as a draft plan; reset_password is refused (SmartConnect has no such call). */
  'helpdesk:reset': channel<HelpdeskPlanMade>()({
    input: z
      .object({
        instanceId: planInstanceIdSchema,
        personId: z.number().int().positive(),
        kind: z.enum(['reactivate', 'extend_expiry', 'reset_password']),
        days: days.optional(),
      })
      .strict(),
    writes: ['plans', 'audit'],
  }),
  /** The ticket text for an outcome: the person, the problem, the checks, what was tried. */
  'helpdesk:ticket': channel<HelpdeskTicket>()({
    input: z.object({ instanceId: planInstanceIdSchema, outcomeId }).strict(),
    reads: ['helpdesk', 'plans', 'mirror'],
  }),
  /** The guide and this instance's past resolutions, BM25-ranked, each passage citable. */
  'helpdesk:search': channel<HelpSearchResult>()({
    input: z
      .object({ instanceId: planInstanceIdSchema, query: question, limit: z.number().int().min(1).max(20).optional() })
      .strict(),
    reads: ['helpdesk', 'plans'],
  }),
  /** An answer from the passages found only, each sentence cited; "I don't know" without them. */
  'helpdesk:answer': channel<HelpAnswer>()({
    input: z.object({ instanceId: planInstanceIdSchema, question }).strict(),
    reads: ['helpdesk', 'plans', 'settings'],
    writes: ['ai'],
  }),
} as const;
