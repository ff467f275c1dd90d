/**
 * The local audit trail: append-only and hash-chained. Each entry's hash is the sha256 of the
 * canonical JSON of its content and the previous entry's hash, so changing or removing any entry
 * breaks every link after it. The newest (seq, hash) is also kept in a `settings` row written in
 * the same transaction, so cutting entries off the end shows too.
 *
 * What it does not stop: someone with the database file who rewrites every hash after an edit and
 * the settings row as well. Exporting the trail now and then (JSON lines) gives an outside copy
 * to compare with.
 */
import type { DB } from '../db/open';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { AuditEntry, AuditHead } from '../../src-preload/contract';

export type { AuditEntry, AuditHead };

export const GENESIS_HASH = '0'.repeat(64);
/** The settings row holding the newest entry's seq and hash. */
export const AUDIT_HEAD_KEY = 'auditTrail.head';

/** What the app records. Free text is allowed for actions added later; these are the known ones. */
export type AuditAction =
  | 'plan.created'
  | 'plan.edited'
  | 'plan.submitted'
  | 'plan.approved'
  | 'plan.approval_revoked'
  | 'plan.exported'
  | 'plan.imported'
  | 'plan.discarded'
  | 'plan.apply_started'
  | 'plan.apply_resumed'
  | 'plan.applied'
  | 'plan.undo_created';

export interface AuditEntryInput {
  /** Who did it: the administrator's name, or 'system'. */
  actor: string;
  action: AuditAction | (string & {});
  /** What it is about, e.g. `plan:<id>`. */
  subject: string;
  instanceId?: string | null;
  details?: Record<string, unknown>;
  /** ISO time; default now. */
  at?: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  instance_id: string | null;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hash of an entry: sha256 of the canonical JSON of everything but the hash itself. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      instanceId: entry.instanceId,
      subject: entry.subject,
      details: entry.details,
      prevHash: entry.prevHash,
    }),
  );
}

export function readAuditHead(db: DB): AuditHead | null {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(AUDIT_HEAD_KEY) as string | undefined;
  if (raw === undefined) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<AuditHead>;
    return typeof parsed.seq === 'number' && typeof parsed.hash === 'string'
      ? { seq: parsed.seq, hash: parsed.hash }
      : null;
  } catch {
    return null;
  }
}

/**
 * Appends one entry. Runs in its own (nested, when called inside one) transaction with the head
 * update, so an entry and the head never disagree; callers put it in the same transaction as the
 * change it records.
 */
export function appendAudit(db: DB, input: AuditEntryInput): AuditEntry {
  return db.transaction((): AuditEntry => {
    const last = db.prepare('SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const base: Omit<AuditEntry, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: input.at ?? new Date().toISOString(),
      actor: input.actor,
      action: input.action,
      instanceId: input.instanceId ?? null,
      subject: input.subject,
      // Round-trip through JSON so what is hashed is exactly what is stored and read back.
      details: JSON.parse(canonicalJson(input.details ?? {})) as Record<string, unknown>,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const entry: AuditEntry = { ...base, hash: entryHash(base) };
    db.prepare(
      'INSERT INTO audit_trail (seq, at, actor, action, instance_id, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      entry.seq,
      entry.at,
      entry.actor,
      entry.action,
      entry.instanceId,
      entry.subject,
      canonicalJson(entry.details),
      entry.prevHash,
      entry.hash,
    );
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(AUDIT_HEAD_KEY, JSON.stringify({ seq: entry.seq, hash: entry.hash }));
    return entry;
  })();
}

function toEntry(row: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    details = { unreadable: row.details };
  }
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    instanceId: row.instance_id,
    subject: row.subject,
    details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface ListAuditInput {
  instanceId?: string;
  /** `plan:<id>` */
  subject?: string;
  action?: string;
  /** Entries before this seq (paging backwards from the newest). */
  beforeSeq?: number;
  /** Default 100, at most 1,000. */
  limit?: number;
}

/** Newest first. */
export function listAudit(db: DB, input: ListAuditInput = {}): { entries: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.instanceId !== undefined) {
    where.push('instance_id = ?');
    params.push(input.instanceId);
  }
  if (input.subject !== undefined) {
    where.push('subject = ?');
    params.push(input.subject);
  }
  if (input.action !== undefined) {
    where.push('action = ?');
    params.push(input.action);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM audit_trail ${filter}`)
    .pluck()
    .get(...params) as number;
  const paged = input.beforeSeq !== undefined ? `${filter ? `${filter} AND` : 'WHERE'} seq < ?` : filter;
  const limit = Math.min(Math.max(1, Math.floor(input.limit ?? 100)), 1000);
  const rows = db
    .prepare(`SELECT * FROM audit_trail ${paged} ORDER BY seq DESC LIMIT ?`)
    .all(...params, ...(input.beforeSeq !== undefined ? [input.beforeSeq] : []), limit) as AuditRow[];
  return { entries: rows.map(toEntry), total };
}

/** Every entry, oldest first, read in pages (the export walks the whole trail). */
export function* iterateAudit(db: DB, pageSize = 1000): Generator<AuditEntry> {
  for (const row of iterateAuditRows(db, pageSize)) yield toEntry(row);
}

/** The raw rows as stored (the verifier must hash the stored details text, not a re-parse). */
export function* iterateAuditRows(db: DB, pageSize = 1000): Generator<AuditRow> {
  const page = db.prepare('SELECT * FROM audit_trail WHERE seq > ? ORDER BY seq LIMIT ?');
  let after = -1;
  for (;;) {
    const rows = page.all(after, pageSize) as AuditRow[];
    yield* rows;
    if (rows.length < pageSize) return;
    after = (rows[rows.length - 1] as AuditRow).seq;
  }
}
export type { AuditRow };

/** The trail as JSON lines (one entry per line, oldest first), for an outside copy. */
export function exportAuditTrail(db: DB, input: { instanceId?: string } = {}): string {
  const lines: string[] = [];
  for (const entry of iterateAudit(db)) {
    if (input.instanceId !== undefined && entry.instanceId !== input.instanceId) continue;
    lines.push(canonicalJson(entry));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
