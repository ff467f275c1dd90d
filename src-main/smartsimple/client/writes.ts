/**
 * Write calls: Update (and create with recordid "0"), Delete, Associations-Update, many records
 * per call to save the hourly budget.
 *
 * WHAT WE DO INSTEAD OF RESENDING. A write whose outcome is unknown (connection reset or timeout
 * after the request may have left, a 5xx, an unreadable reply) is never sent again by the client:
 * a resent create makes a duplicate person, and a resent full-replace update can overwrite a
 * change someone made in between. The call throws a SmartConnectError of kind 'unknown-outcome'
 * whose `partial` holds the batch in doubt (`inFlight`, exactly as sent), the results of the
 * batches before it (`completed`) and the batches never sent (`unsent`). The caller (the apply
 * journal) then runs `reconcileUnknownOutcome` (reconcile.ts), which reads the records back:
 * updates whose intended values are there are 'applied', the rest are safe to resend; creates are
 * looked up by a natural key (e.g. e-mail); deletes by whether the record still exists.
 * The only writes the client resends on its own are those that certainly never left (connection
 * refused, DNS failure) and those the server refused with its hourly-limit text.
 */
import type { FunctionSpec, WireRecord } from '../protocol';
import { ERROR_TEXTS } from '../protocol';
import type { Core } from './core';
import { classifyReply, replyError } from './core';
import type { IndexedInput, PartialWrite, SmartConnectErrorKind, WriteOperation, WriteResult } from './errors';
import { SmartConnectError, SmartConnectUsageError, classifyServerError } from './errors';
import type { Reply } from './transport';
import type { CallOptions } from './reads';

export interface WriteOptions extends CallOptions {
  /** Records per call (default: the client's batchSize). */
  batchSize?: number;
  /** Told after each batch (progress, journal). */
  onBatch?: (results: WriteResult[]) => void;
}

/** One Associations-Update entry of a contact on a Level 1 record (`delete: "1"` with `associationid` removes it). */
export interface AssociationContact {
  contactid?: string;
  companyid?: string;
  rolename?: string;
  roleid?: string;
  associationid?: string;
  delete?: '1';
  [key: string]: unknown;
}

/** An Associations-Update item as the wire has it: `{objectid, contacts: [...]}`. */
export interface AssociationItem {
  objectid: string;
  contacts: AssociationContact[];
  [key: string]: unknown;
}

/**
 * The server answers one entry per contacts entry, numbered over the whole call, so each item is
 * split into one item per contact: result i is then the i-th contacts entry of the input, in order.
 */
export function splitAssociationItems(items: AssociationItem[]): AssociationItem[] {
  return items.flatMap((item) => (item.contacts ?? []).map((contact) => ({ ...item, contacts: [contact] })));
}

/** An error of a write, re-made with where the write stood. */
function withPartial(
  e: SmartConnectError,
  partial: PartialWrite,
  kind: SmartConnectErrorKind = e.kind,
): SmartConnectError {
  const unknown = kind === 'unknown-outcome';
  return new SmartConnectError({
    kind,
    fn: e.fn,
    serverMessage: e.serverMessage,
    httpStatus: e.httpStatus,
    message: unknown
      ? `${e.fn}: outcome unknown for ${partial.inFlight.length} record(s) after ${e.kind}; not resent, reconcile before retrying (${e.message})`
      : e.message,
    retryable: false,
    cause: e,
    partial,
    underlyingKind: unknown ? e.kind : e.underlyingKind,
    maybeSent: e.maybeSent,
  });
}

const SUCCESS = /success|^(updated|created|deleted|saved)\b/i;

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Maps the per-record entries of a write reply back to the batch, by 1-based `recordindex`. */
export function perRecordResults(reply: Reply, batch: IndexedInput[]): WriteResult[] {
  const entries = Array.isArray(reply.body.records) ? (reply.body.records as unknown[]) : [];
  const byIndex = new Map<number, Record<string, unknown>>();
  entries.forEach((entry, pos) => {
    if (!entry || typeof entry !== 'object') return;
    const e = entry as Record<string, unknown>;
    const idx = Number(e.recordindex);
    byIndex.set(Number.isInteger(idx) && idx >= 1 ? idx : pos + 1, e);
  });
  return batch.map(({ index }, pos): WriteResult => {
    const entry = byIndex.get(pos + 1);
    if (!entry) {
      return reply.errorText
        ? {
            index,
            ok: false,
            status: reply.errorText,
            errorKind: classifyServerError(reply.errorText, reply.httpStatus),
          }
        : { index, ok: false, status: 'not reported by the server', errorKind: 'unknown-outcome' };
    }
    const errorText = text(entry.error);
    const status = text(entry.status) || errorText || text(entry.message);
    const ok = !errorText && SUCCESS.test(status);
    const recordid = text(entry.recordid) || undefined;
    return ok
      ? { index, ok, recordid, status }
      : { index, ok, recordid, status, errorKind: classifyServerError(status || reply.errorText, 200) };
  });
}

/** A whole-call error that is about the records (so: nothing applied, the call itself was fine). */
function refusesRecords(reply: Reply, kind: SmartConnectErrorKind): boolean {
  if (kind !== 'bad-request' && kind !== 'not-found') return false;
  const message = reply.body.message as Record<string, unknown> | undefined;
  return (
    kind === 'not-found' ||
    message?.recordindex !== undefined ||
    !!reply.errorText?.toLowerCase().includes(ERROR_TEXTS.record.toLowerCase())
  );
}

/**
 * A batch refused as a whole. When the server names the culprit (`message.recordindex`), that
 * record carries the error and the others are marked `blockedBy` it; otherwise all carry it.
 */
export function refusedBatch(reply: Reply, batch: IndexedInput[]): WriteResult[] {
  const text = reply.errorText ?? 'refused';
  const kind = classifyServerError(text, reply.httpStatus);
  const culpritPos = Number((reply.body.message as Record<string, unknown> | undefined)?.recordindex) - 1;
  const culprit =
    Number.isInteger(culpritPos) && culpritPos >= 0 && culpritPos < batch.length ? batch[culpritPos] : undefined;
  return batch.map(({ index }): WriteResult => {
    if (!culprit || culprit.index === index) return { index, ok: false, status: text, errorKind: kind };
    return {
      index,
      ok: false,
      status: `not applied: record ${culprit.index} of the batch was refused (${text})`,
      errorKind: kind,
      blockedBy: culprit.index,
    };
  });
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Sends `items` in batches; `index` of each item is what its result and the errors report. */
export async function writeBatches(
  core: Core,
  fn: string,
  spec: FunctionSpec,
  operation: WriteOperation,
  items: IndexedInput[],
  options: WriteOptions,
): Promise<WriteResult[]> {
  const size = options.batchSize ?? core.batchSize;
  if (!Number.isInteger(size) || size < 1) throw new SmartConnectUsageError('batchSize must be a positive integer');
  const batches = chunk(items, size);
  const completed: WriteResult[] = [];
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b] as IndexedInput[];
    const later = () => batches.slice(b + 1).flat();
    const partial = (inFlight: IndexedInput[], unsent: IndexedInput[]): PartialWrite => ({
      operation,
      inFlight,
      completed: [...completed],
      unsent,
    });
    let reply: Reply;
    try {
      core.throwIfCancelled(options.signal, fn);
      reply = await core.send({
        fn,
        spec,
        signal: options.signal,
        write: true,
        records: batch.length,
        params: { jsonrset: batch.map((x) => x.item) },
      });
    } catch (e) {
      if (!(e instanceof SmartConnectError)) throw e;
      if (e.maybeSent && e.kind !== 'cancelled') throw withPartial(e, partial(batch, later()), 'unknown-outcome');
      throw withPartial(e, partial([], [...batch, ...later()]));
    }
    const kind = classifyReply(reply);
    const entries = Array.isArray(reply.body.records) ? reply.body.records : undefined;
    let results: WriteResult[];
    if (entries && entries.length > 0) {
      results = perRecordResults(reply, batch);
    } else if (kind && refusesRecords(reply, kind)) {
      // The call was understood and the data refused: nothing of the batch was applied.
      results = refusedBatch(reply, batch);
    } else if (kind && kind !== 'server') {
      throw withPartial(replyError(fn, reply, kind), partial([], [...batch, ...later()]));
    } else if (kind === 'server' || !entries) {
      const cause = kind
        ? replyError(fn, reply, kind)
        : new SmartConnectError({
            kind: 'malformed',
            fn,
            httpStatus: reply.httpStatus,
            message: `${fn}: the reply has no records array`,
          });
      throw withPartial(cause, partial(batch, later()), 'unknown-outcome');
    } else {
      results = perRecordResults(reply, batch);
    }
    completed.push(...results);
    options.onBatch?.(results);
  }
  return completed;
}

const indexed = (items: Record<string, unknown>[]): IndexedInput[] => items.map((item, index) => ({ index, item }));

/** Full-replace: a record must carry every field of the function's list and only those. */
export function checkFields(fn: string, spec: FunctionSpec, record: WireRecord, position: number): void {
  const allowed = new Set(spec.fields);
  const extra = Object.keys(record).filter((k) => k !== 'recordid' && !allowed.has(k));
  const missing = spec.fields.filter((f) => !Object.prototype.hasOwnProperty.call(record, f));
  if (extra.length > 0 || missing.length > 0) {
    throw new SmartConnectUsageError(
      `${fn}: record ${position} must carry exactly the function's fields (full replace)` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') +
        (extra.length ? `; not in the function: ${extra.join(', ')}` : ''),
    );
  }
}

export function createWrites(core: Core) {
  return {
    /** Updates existing records (each with its recordid), batched. Per-record failures are results, not throws. */
    async update(fn: string, records: WireRecord[], options: WriteOptions = {}): Promise<WriteResult[]> {
      const spec = core.spec(fn, ['update']);
      records.forEach((r, i) => {
        if (typeof r.recordid !== 'string' || r.recordid === '' || r.recordid === '0') {
          throw new SmartConnectUsageError(`${fn}: record ${i} has no recordid (use create for new records)`);
        }
        checkFields(fn, spec, r, i);
      });
      return writeBatches(core, fn, spec, 'update', indexed(records), options);
    },

    /** Creates records (recordid "0"); each result's recordid is the new id. */
    async create(fn: string, records: WireRecord[], options: WriteOptions = {}): Promise<WriteResult[]> {
      const spec = core.spec(fn, ['update']);
      const items = records.map((r, i) => {
        if (r.recordid !== undefined && r.recordid !== '0')
          throw new SmartConnectUsageError(`${fn}: record ${i} has a recordid; create takes new records only`);
        const item = { ...r, recordid: '0' };
        checkFields(fn, spec, item, i);
        return item;
      });
      return writeBatches(core, fn, spec, 'create', indexed(items), options);
    },

    /** Soft-deletes records by id, batched. */
    async delete(fn: string, ids: string[], options: WriteOptions = {}): Promise<WriteResult[]> {
      const spec = core.spec(fn, ['delete']);
      ids.forEach((id, i) => {
        if (!id || id === '0') throw new SmartConnectUsageError(`${fn}: id ${i} is empty`);
      });
      return writeBatches(core, fn, spec, 'delete', indexed(ids.map((recordid) => ({ recordid }))), options);
    },

    /**
     * Adds, changes or removes UTA role associations, batched. One result per contacts entry, in
     * input order (an item with one contact each: result index = item index).
     */
    async associationsUpdate(fn: string, items: AssociationItem[], options: WriteOptions = {}): Promise<WriteResult[]> {
      const spec = core.spec(fn, ['associations-update']);
      items.forEach((item, i) => {
        if (!item.objectid) throw new SmartConnectUsageError(`${fn}: item ${i} has no objectid`);
        if (!Array.isArray(item.contacts) || item.contacts.length === 0)
          throw new SmartConnectUsageError(`${fn}: item ${i} has no contacts`);
      });
      return writeBatches(core, fn, spec, 'associations-update', indexed(splitAssociationItems(items)), options);
    },
  };
}

export type Writes = ReturnType<typeof createWrites>;
