/**
 * The apply journal: one row per operation, one per SmartSimple note (transaction). Every state
 * change is its own committed write, made BEFORE a call goes out and after it returns; the apply
 * engine calls these inside `db.transaction` so one batch's rows move together.
 */
import type { DB } from '../../db/open';
import type { FieldMap, JournalState, OperationSource } from '../../../src-preload/contract';

export interface JournalRow {
  operationId: number;
  planId: string;
  state: JournalState;
  callId: number | null;
  request: JournalRequest | null;
  actualBefore: FieldMap | null;
  actualAfter: FieldMap | null;
  recordid: string | null;
  message: string | null;
  attempts: number;
  updatedAt: string;
}

/** What was sent for an operation: the exact item, and the values it meant to set (for reconciling). */
export interface JournalRequest {
  /** The full-replace record, association item or create record as sent. */
  item: Record<string, unknown>;
  /** Fields whose read-back value tells whether the write landed (read names). */
  intended: FieldMap;
}

interface Raw {
  operation_id: number;
  plan_id: string;
  state: JournalState;
  call_id: number | null;
  request: string | null;
  actual_before: string | null;
  actual_after: string | null;
  recordid: string | null;
  message: string | null;
  attempts: number;
  updated_at: string;
}

const parse = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

function toRow(r: Raw): JournalRow {
  return {
    operationId: r.operation_id,
    planId: r.plan_id,
    state: r.state,
    callId: r.call_id,
    request: parse<JournalRequest>(r.request),
    actualBefore: parse<FieldMap>(r.actual_before),
    actualAfter: parse<FieldMap>(r.actual_after),
    recordid: r.recordid,
    message: r.message,
    attempts: r.attempts,
    updatedAt: r.updated_at,
  };
}

/** Creates the pending rows of a plan's operations (rows that exist are kept: a resume). */
export function initJournal(db: DB, planId: string, at: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO plan_journal (operation_id, plan_id, state, updated_at)
     SELECT id, plan_id, 'pending', ? FROM plan_operations WHERE plan_id = ?`,
  ).run(at, planId);
}

export function listJournal(db: DB, planId: string): JournalRow[] {
  return (db.prepare('SELECT * FROM plan_journal WHERE plan_id = ? ORDER BY operation_id').all(planId) as Raw[]).map(
    toRow,
  );
}

export interface JournalPatch {
  state: JournalState;
  callId?: number | null;
  request?: JournalRequest | null;
  actualBefore?: FieldMap | null;
  actualAfter?: FieldMap | null;
  recordid?: string | null;
  message?: string | null;
  /** Count one more send. */
  attempt?: boolean;
}

/** Moves one operation's row; fields left out of the patch keep their value. */
export function patchJournal(db: DB, operationId: number, patch: JournalPatch, at: string): void {
  const sets = ['state = ?', 'updated_at = ?'];
  const values: unknown[] = [patch.state, at];
  const put = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (patch.callId !== undefined) put('call_id', patch.callId);
  if (patch.request !== undefined) put('request', patch.request === null ? null : JSON.stringify(patch.request));
  if (patch.actualBefore !== undefined)
    put('actual_before', patch.actualBefore === null ? null : JSON.stringify(patch.actualBefore));
  if (patch.actualAfter !== undefined)
    put('actual_after', patch.actualAfter === null ? null : JSON.stringify(patch.actualAfter));
  if (patch.recordid !== undefined) put('recordid', patch.recordid);
  if (patch.message !== undefined) put('message', patch.message);
  if (patch.attempt) sets.push('attempts = attempts + 1');
  statement(db, `UPDATE plan_journal SET ${sets.join(', ')} WHERE operation_id = ?`).run(...values, operationId);
}

/** Prepared statements by SQL text, per database: a 10,000-operation apply patches rows 40,000 times. */
type Statement = ReturnType<DB['prepare']> & { run(...params: unknown[]): unknown };
const prepared = new WeakMap<DB, Map<string, Statement>>();
function statement(db: DB, sql: string): Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql) as Statement));
  return stmt;
}

/** A fresh call number for the plan: rows sent in one call share it. */
export function nextCallId(db: DB, planId: string): number {
  const a = db
    .prepare('SELECT coalesce(max(call_id), 0) FROM plan_journal WHERE plan_id = ?')
    .pluck()
    .get(planId) as number;
  const b = db
    .prepare('SELECT coalesce(max(call_id), 0) FROM plan_transactions WHERE plan_id = ?')
    .pluck()
    .get(planId) as number;
  return Math.max(a, b) + 1;
}

export type NoteState = 'pending' | 'sending' | 'sent' | 'unknown' | 'failed';

export interface NoteRow {
  planId: string;
  personId: number;
  source: OperationSource;
  state: NoteState;
  payload: Record<string, string>;
  callId: number | null;
  transactionId: string | null;
  message: string | null;
}

/** Adds the note for a person unless the plan already has one for them (and that source). */
export function addNote(
  db: DB,
  note: { planId: string; personId: number; source: OperationSource; payload: Record<string, string> },
  at: string,
): void {
  db.prepare(
    `INSERT OR IGNORE INTO plan_transactions (plan_id, person_id, source, state, payload, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)`,
  ).run(note.planId, note.personId, note.source, JSON.stringify(note.payload), at);
}

export function listNotes(db: DB, planId: string): NoteRow[] {
  const rows = db
    .prepare('SELECT * FROM plan_transactions WHERE plan_id = ? ORDER BY person_id, source')
    .all(planId) as {
    plan_id: string;
    person_id: number;
    source: OperationSource;
    state: NoteState;
    payload: string;
    call_id: number | null;
    transaction_id: string | null;
    message: string | null;
  }[];
  return rows.map((r) => ({
    planId: r.plan_id,
    personId: r.person_id,
    source: r.source,
    state: r.state,
    payload: JSON.parse(r.payload) as Record<string, string>,
    callId: r.call_id,
    transactionId: r.transaction_id,
    message: r.message,
  }));
}

export function patchNote(
  db: DB,
  key: { planId: string; personId: number; source: OperationSource },
  patch: { state: NoteState; callId?: number; transactionId?: string | null; message?: string | null },
  at: string,
): void {
  db.prepare(
    `UPDATE plan_transactions SET state = ?, updated_at = ?, call_id = coalesce(?, call_id),
       transaction_id = coalesce(?, transaction_id), message = coalesce(?, message)
     WHERE plan_id = ? AND person_id = ? AND source = ?`,
  ).run(
    patch.state,
    at,
    patch.callId ?? null,
    patch.transactionId ?? null,
    patch.message ?? null,
    key.planId,
    key.personId,
    key.source,
  );
}
