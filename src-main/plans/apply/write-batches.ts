/**
 * Sending writes through the journal. For each batch: the operations go to 'sending' with the
 * exact items (committed), THEN the call goes out; its answer moves them to 'sent' or 'failed'
 * (committed). So a crash at any point leaves either 'pending' (never sent) or 'sending' (find
 * out by reading back), never a write the journal does not know about.
 *
 * - A write whose outcome is unknown (reset, timeout, 5xx after sending) is never resent here:
 *   its operations go to 'unknown' and the caller reconciles them by reading back.
 * - A batch refused as a whole for one bad record (the server's all-or-nothing answer) applied
 *   nothing: the bad record fails with the server's own text and the others are sent again in one
 *   call. When the server does not say which record it was, the batch is halved until the bad
 *   record stands alone (about 2 log2(batch) extra calls).
 * - Any other failure (credentials, the hourly limit after waiting, cancellation, a network that
 *   never took the request) means nothing of the batch reached the server: back to 'pending', and
 *   the run stops; a later run resumes.
 */
import { SmartConnectError, type AssociationItem, type WriteResult } from '../../smartsimple/client';
import type { WireRecord } from '../../smartsimple/protocol';
import type { FieldMap } from '../types';
import { chunks, serverText, type ApplyEnv } from './env';

export type WriteKind = 'update' | 'create' | 'create-organization' | 'associations';

/** One item to write and the operations it carries (one person's merged update, one association). */
export interface Outgoing {
  opIds: number[];
  item: Record<string, unknown>;
  /** Read-name fields whose read-back says whether it landed. */
  intended: FieldMap;
  /** The person's fields as read just before the write (kept for verification and undo). */
  actualBefore?: FieldMap;
}

function call(env: ApplyEnv, kind: WriteKind, items: Record<string, unknown>[]): Promise<WriteResult[]> {
  const options = { batchSize: Math.max(1, items.length), signal: env.ctx.signal };
  if (kind === 'update') return env.client.update(env.fns.updateUsers, items as WireRecord[], options);
  if (kind === 'create') return env.client.create(env.fns.updateUsers, items as WireRecord[], options);
  if (kind === 'create-organization') return env.client.create(env.fns.updateCompanies, items as WireRecord[], options);
  return env.client.associationsUpdate(env.fns.updateAssociations, items as AssociationItem[], options);
}

/** Writes `outgoing` in batches; returns the items whose outcome is unknown. */
export async function writeAll(env: ApplyEnv, kind: WriteKind, outgoing: readonly Outgoing[]): Promise<Outgoing[]> {
  const unknown: Outgoing[] = [];
  for (const batch of chunks(outgoing, env.batchSize)) unknown.push(...(await writeBatch(env, kind, batch)));
  return unknown;
}

type OpPatch = Parameters<ApplyEnv['move']>[0][number]['patch'];

/** The journal moves for every operation of `batch`, each with the patch of its item. */
const eachOp = (batch: Outgoing[], patch: (o: Outgoing) => OpPatch) =>
  batch.flatMap((o) => o.opIds.map((opId) => ({ opId, patch: patch(o) })));

async function writeBatch(env: ApplyEnv, kind: WriteKind, batch: Outgoing[]): Promise<Outgoing[]> {
  env.ctx.throwIfCancelled();
  const callId = env.newCallId();
  env.move(
    eachOp(batch, (o) => ({
      state: 'sending',
      callId,
      request: { item: o.item, intended: o.intended },
      ...(o.actualBefore ? { actualBefore: o.actualBefore } : {}),
      message: null,
      attempt: true,
    })),
  );
  let results: WriteResult[];
  try {
    results = await call(
      env,
      kind,
      batch.map((o) => o.item),
    );
  } catch (e) {
    if (e instanceof SmartConnectError && e.kind === 'unknown-outcome') {
      env.move(eachOp(batch, () => ({ state: 'unknown', message: serverText(e) })));
      env.logger.warn('write outcome unknown; reconciling by reading back', {
        planId: env.planId,
        callId,
        records: batch.length,
        underlying: e.underlyingKind,
      });
      return batch;
    }
    env.move(eachOp(batch, () => ({ state: 'pending', message: serverText(e) })));
    throw e;
  }
  return settleBatch(env, kind, batch, results);
}

/** Journals the answer to a batch's call; a refusal of the whole batch sends its parts again. */
async function settleBatch(
  env: ApplyEnv,
  kind: WriteKind,
  batch: Outgoing[],
  results: WriteResult[],
): Promise<Outgoing[]> {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  // All-or-nothing refusal naming its culprit: the others were not applied; send them again alone.
  const blocked = batch.filter((_o, i) => byIndex.get(i)?.blockedBy !== undefined);
  if (blocked.length > 0) {
    const rest = batch.filter((o) => !blocked.includes(o));
    env.move(
      blocked.flatMap((o) =>
        o.opIds.map((opId) => ({
          opId,
          patch: { state: 'pending' as const, message: byIndex.get(batch.indexOf(o))?.status ?? null },
        })),
      ),
    );
    const failed = rest.flatMap((o) =>
      o.opIds.map((opId) => ({
        opId,
        patch: { state: 'failed' as const, message: byIndex.get(batch.indexOf(o))?.status ?? 'refused' },
      })),
    );
    env.move(failed);
    return writeBatch(env, kind, blocked);
  }
  // A refusal of the whole batch that names no record: halve until the bad record stands alone.
  const first = results[0];
  const refusedWhole =
    batch.length > 1 &&
    results.length === batch.length &&
    results.every((r) => !r.ok && r.status === first?.status) &&
    first?.errorKind === 'bad-request';
  if (refusedWhole) {
    env.move(eachOp(batch, () => ({ state: 'pending', message: first?.status ?? null })));
    const half = Math.ceil(batch.length / 2);
    return [
      ...(await writeBatch(env, kind, batch.slice(0, half))),
      ...(await writeBatch(env, kind, batch.slice(half))),
    ];
  }
  // A record the server did not report on may or may not have been written: reconcile it.
  const unreported = batch.filter((_o, i) => byIndex.get(i)?.errorKind === 'unknown-outcome' || !byIndex.has(i));
  env.move(
    batch.flatMap((o, i) => {
      const r = byIndex.get(i);
      const patch = r?.ok
        ? { state: 'sent' as const, recordid: r.recordid ?? null, message: null }
        : unreported.includes(o)
          ? { state: 'unknown' as const, message: r?.status ?? 'The server did not report this record.' }
          : { state: 'failed' as const, message: r?.status ?? 'The server refused this record.' };
      return o.opIds.map((opId) => ({ opId, patch }));
    }),
  );
  return unreported;
}
