/**
 * The local audit trail on the wire: its entries, the verification of its hash chain, and the
 * export. Main's audit-trail module returns these shapes.
 */
import { z } from 'zod';
import { channel, noInput, type DownloadText } from './wire';
import { planInstanceIdSchema } from './plans-inputs';

/** One entry of the hash-chained trail. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  instanceId: string | null;
  subject: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The newest entry's seq and hash, as kept beside the trail (or found at its end). */
export interface AuditHead {
  seq: number;
  hash: string;
}

export type AuditProblemKind =
  /** The entry's content does not give its hash: it was changed. */
  | 'edited'
  /** seq jumps: entries in between were deleted. */
  | 'missing'
  /** prev_hash does not name the entry before: something before it was removed or replaced. */
  | 'broken-link'
  /** The trail ends before the head recorded in settings: entries were cut off the end. */
  | 'truncated'
  /** The head in settings names a different hash for its seq, or is missing while entries exist. */
  | 'head-mismatch';

export interface AuditProblem {
  kind: AuditProblemKind;
  seq: number;
  message: string;
}

/** The result of checking the chain end to end. */
export interface AuditVerification {
  ok: boolean;
  /** Entries read. */
  checked: number;
  /** The newest entry found, and the head recorded apart. */
  last: AuditHead | null;
  head: AuditHead | null;
  problems: AuditProblem[];
}

/** Groups of actions the trail's filter offers. */
export const AUDIT_KINDS = ['plans', 'approvals', 'apply', 'exchange', 'settings', 'roles'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** One entry of the trail in words: who, what, to whom, names resolved when read. */
export interface ReadableAuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  kind: AuditKind | 'other';
  /** "approved the privileged operation Add profile role Finance Admin for Ann Lee". */
  summary: string;
  planId: string | null;
  planTitle: string | null;
  /** The people it concerns (first few), by name. */
  people: string[];
  reason: string | null;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.');

export const auditTrailQuerySchema = z
  .object({
    instanceId: planInstanceIdSchema.optional(),
    actor: z.string().max(120).optional(),
    kind: z.enum(AUDIT_KINDS).optional(),
    planId: z.string().max(64).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    q: z.string().max(200, 'Search is limited to 200 characters.').optional(),
    page: z.number().int().min(0).max(1_000_000).optional(),
    pageSize: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type AuditTrailQuery = z.infer<typeof auditTrailQuerySchema>;

export interface AuditTrailPage {
  entries: ReadableAuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  /** For the filters: everyone who appears in the trail, and the plans it names. */
  actors: string[];
  plans: { id: string; title: string }[];
}

export const auditChannels = {
  /** The trail in words, filtered and paged, newest first. */
  'audit:trail': channel<AuditTrailPage>()({ input: auditTrailQuerySchema, reads: ['audit', 'plans', 'mirror'] }),
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
} as const;
