/**
 * What every apply phase shares: the plan's operations, the journal mirrored in memory, and the
 * one way to move an operation's state (a committed SQLite write first, then memory). Nothing in
 * here awaits inside a transaction.
 */
import type { DB } from '../../db/open';
import { listJournal, nextCallId, patchJournal, type JournalPatch, type JournalRow } from '../store/journal-store';
import type { JobContext } from '../../jobs/jobs-service';
import type { Logger } from '../../log/logger';
import type { SmartConnectClient } from '../../smartsimple/client';
import type { WireRecord } from '../../smartsimple/protocol';
import type { FieldMap, JournalState, Operation } from '../types';

/** The SmartConnect functions apply uses, by name in the connection's registry. */
export interface ApplyFunctions {
  /** A List (or Get) function on users returning every field a plan touches. */
  readUsers: string;
  updateUsers: string;
  listAssociations: string;
  updateAssociations: string;
  transactions: string;
  /** A List function on companies, and the Update function that creates them. */
  readCompanies: string;
  updateCompanies: string;
}

export const DEFAULT_APPLY_FUNCTIONS: ApplyFunctions = {
  readUsers: 'users.list',
  updateUsers: 'users.update',
  listAssociations: 'programs.associations.list',
  updateAssociations: 'programs.associations.update',
  transactions: 'transactions.update',
  readCompanies: 'companies.list',
  updateCompanies: 'companies.update',
};

export const TERMINAL: ReadonlySet<JournalState> = new Set(['verified', 'failed', 'skipped_drift']);

export interface ApplyEnv {
  db: DB;
  client: SmartConnectClient;
  planId: string;
  instanceId: string;
  ctx: JobContext;
  logger: Logger;
  fns: ApplyFunctions;
  /** users.update's field list (full replace), transactions.update's and companies.update's. */
  userFields: readonly string[];
  noteFields: readonly string[];
  companyFields: readonly string[];
  /** Records per write call. */
  batchSize: number;
  /** People per round of read / write / verify (a multiple of the batch and of the ids per read). */
  chunkPeople: number;
  ops: Map<number, Operation>;
  journal: Map<number, JournalRow>;
  now(): string;
  /** Commits state changes for several operations in one transaction, then updates memory. */
  move(changes: readonly { opId: number; patch: JournalPatch }[]): void;
  newCallId(): number;
  /** Reports progress with a message for the phase. */
  report(message: string): void;
}

export function createEnv(
  init: Omit<ApplyEnv, 'journal' | 'move' | 'newCallId' | 'report' | 'now'> & { now?: () => string },
): ApplyEnv {
  const { db, planId } = init;
  const now = init.now ?? (() => new Date().toISOString());
  const journal = new Map(listJournal(db, planId).map((r) => [r.operationId, r]));
  let lastCallId: number | undefined;
  const env: ApplyEnv = {
    ...init,
    journal,
    now,
    move(changes) {
      if (changes.length === 0) return;
      const at = now();
      db.transaction(() => {
        for (const { opId, patch } of changes) patchJournal(db, opId, patch, at);
      })();
      for (const { opId, patch } of changes) {
        const row = journal.get(opId);
        if (!row) continue;
        journal.set(opId, {
          ...row,
          state: patch.state,
          updatedAt: at,
          ...(patch.callId !== undefined ? { callId: patch.callId } : {}),
          ...(patch.request !== undefined ? { request: patch.request } : {}),
          ...(patch.actualBefore !== undefined ? { actualBefore: patch.actualBefore } : {}),
          ...(patch.actualAfter !== undefined ? { actualAfter: patch.actualAfter } : {}),
          ...(patch.recordid !== undefined ? { recordid: patch.recordid } : {}),
          ...(patch.message !== undefined ? { message: patch.message } : {}),
          attempts: row.attempts + (patch.attempt ? 1 : 0),
        });
      }
    },
    // Read once, then counted here: this run is the only writer of the plan's journal.
    newCallId: () => (lastCallId = (lastCallId ?? nextCallId(db, planId) - 1) + 1),
    report(message) {
      let done = 0;
      for (const row of journal.values()) if (TERMINAL.has(row.state)) done++;
      init.ctx.progress(done, journal.size, message);
    },
  };
  return env;
}

/** Operations of the plan in `states`, in plan order, optionally of some kinds. */
export function opsIn(env: ApplyEnv, states: readonly JournalState[], kinds?: ReadonlySet<string>): Operation[] {
  const out: Operation[] = [];
  for (const op of env.ops.values()) {
    const row = env.journal.get(op.id);
    if (row && states.includes(row.state) && (!kinds || kinds.has(op.kind))) out.push(op);
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** The wire fields a plan cares about, from a record read from the server (null for empty). */
export const KNOWN_PERSON_FIELDS = [
  'sf_User ID',
  'sf_First Name',
  'sf_Last Name',
  'sf_Email',
  'sf_Title',
  'sf_Phone',
  'sf_Company ID',
  'sf_Is External',
  'sf_User Role',
  'sf_Access Type',
  'sf_User Type',
  'sf_Status',
  'sf_Access Expiry',
  'cf_Department',
  'cf_Manager ID',
] as const;

export function personFields(record: WireRecord): FieldMap {
  const out: FieldMap = {};
  for (const f of KNOWN_PERSON_FIELDS) {
    const v = record[f];
    out[f] = v === undefined || v === null || v === '' ? null : v;
  }
  return out;
}

/** The message of an error, the server's own text first. */
export function serverText(e: unknown): string {
  if (e && typeof e === 'object') {
    const server = (e as { serverMessage?: unknown }).serverMessage;
    if (typeof server === 'string' && server) return server;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(e);
}

/** Splits into chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
