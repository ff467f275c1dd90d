/**
 * Batches: several records per call (the call budget is small), answered one entry per record
 * with its 1-based `recordindex`. How one bad record affects the rest is a setting
 * (`partialBatch`), and the badRecord fault makes a chosen record fail on purpose.
 */
import { ERROR_TEXTS } from '../../protocol';
import { recordError, SandboxError } from '../errors';
import { payloadHash } from '../request-log';
import type { ActionContext, ActionResult } from './context';
import type { PreparedWrite } from './writer';

/** More records than this in one jsonrset are refused (ours; the vendor names no number). */
export const MAX_BATCH = 1000;

export function parseJsonrset(raw: string | undefined): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    throw recordError('jsonrset is not JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw recordError('jsonrset is not a non-empty array');
  if (parsed.length > MAX_BATCH) throw recordError(`more than ${MAX_BATCH} records`);
  return parsed;
}

/** A record's values as strings, with exactly `keys` (full replace: nothing missing, nothing extra). */
export function exactRecord(item: unknown, keys: readonly string[]): Record<string, string> {
  if (!item || typeof item !== 'object' || Array.isArray(item)) throw recordError('record is not an object');
  const source = item as Record<string, unknown>;
  const wanted = new Set(keys);
  for (const key of Object.keys(source))
    if (!wanted.has(key)) throw recordError(`field ${key} is not in the function's field list`);
  const out: Record<string, string> = {};
  for (const key of keys) {
    if (!(key in source)) throw recordError(`field ${key} is missing (updates replace every field of the list)`);
    const v = source[key];
    if (v === null || v === undefined) out[key] = '';
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
    else throw recordError(`field ${key} is not a scalar`);
  }
  return out;
}

function recordidOf(item: unknown): string {
  const id =
    item && typeof item === 'object'
      ? ((item as Record<string, unknown>).recordid ?? (item as Record<string, unknown>).associationid)
      : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

export function runBatch(
  ctx: ActionContext,
  items: readonly unknown[],
  prepare: (item: unknown, index: number) => PreparedWrite,
  okStatus: string,
): ActionResult {
  const { core, fn, entry } = ctx;
  const injected = core.faults.take('before', { function: fn.name, action: fn.spec.action }, ['badRecord']);
  if (injected.length > 0) entry.faults.push('badRecord');
  const failing = new Set(injected.map((f) => Math.min(items.length, Math.max(1, f.recordIndex ?? items.length))));
  const prepareAt = (i: number): PreparedWrite => {
    if (failing.has(i + 1)) throw recordError('injected bad record (fault)');
    return prepare(items[i], i);
  };
  const writes: NonNullable<typeof entry.writes> = [];
  entry.writes = writes;
  const applyOne = (prepared: PreparedWrite, i: number): Record<string, unknown> => {
    const recordid = prepared.apply();
    core.log.applied.push({
      seq: entry.seq,
      function: fn.name,
      op: prepared.op,
      recordid,
      payloadHash: payloadHash(items[i]),
    });
    writes.push({ recordid, applied: true, status: okStatus });
    return { recordid, recordindex: i + 1, ...prepared.extra, status: okStatus };
  };

  if (core.settings.partialBatch === 'all-or-nothing') {
    const prepared: PreparedWrite[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        prepared.push(prepareAt(i));
      } catch (error) {
        if (!(error instanceof SandboxError)) throw error;
        writes.push({ recordid: recordidOf(items[i]), applied: false, status: error.text });
        throw new SandboxError(error.text, `record ${i + 1}: ${error.detail ?? ''}`, i + 1);
      }
    }
    return { body: { records: prepared.map(applyOne), message: {} } };
  }

  let failed = 0;
  const records = items.map((item, i) => {
    try {
      return applyOne(prepareAt(i), i);
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      failed++;
      writes.push({ recordid: recordidOf(item), applied: false, status: error.text });
      entry.detail = [entry.detail, `record ${i + 1}: ${error.detail ?? error.text}`].filter(Boolean).join('; ');
      return { recordid: recordidOf(item), recordindex: i + 1, status: error.text };
    }
  });
  return { body: { records, message: {} }, outcome: failed > 0 ? 'partial' : 'ok' };
}

export const notFoundError = (what: string): SandboxError => new SandboxError(ERROR_TEXTS.notFound, what);
