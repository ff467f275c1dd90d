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

export const auditChannels = {
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
