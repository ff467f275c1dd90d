/**
 * Changes to existing people's records, in rounds of `chunkPeople` people:
 *   1. re-read them (one List call per 100 ids),
 *   2. per operation, compare what it touches with its planned "before": drift is skipped and
 *      reported, never overwritten,
 *   3. merge each person's remaining operations into ONE full-replace record built on the record
 *      just read (so changes made meanwhile to other fields are kept), and write the records
 *      `batchSize` per call through the journal,
 *   4. read the written people back and verify each operation's "after".
 * A round's size is a multiple of both the batch and the ids per read, so every call is full
 * except the last of each kind.
 */
import { overlay } from '../../smartsimple/client/read-modify-write';
import type { WireRecord } from '../../smartsimple/protocol';
import { applyToRecord, mismatches, sameField } from '../operations';
import { USER_RECORD_KINDS, type FieldMap, type Operation } from '../types';
import type { JournalPatch } from '../store/journal-store';
import { chunks, opsIn, personFields, type ApplyEnv } from './env';
import { refreshMirrorPeople } from './mirror-refresh';
import { reconcileInDoubt } from './reconcile';
import { writeAll, type Outgoing } from './write-batches';

export async function runUserPhase(env: ApplyEnv): Promise<void> {
  // Written before a crash, not verified yet.
  await verifyPeople(env, opsIn(env, ['sent'], USER_RECORD_KINDS));
  for (let round = 0; ; round++) {
    const pending = opsIn(env, ['pending'], USER_RECORD_KINDS);
    if (pending.length === 0) return;
    const people = [...new Set(pending.map((o) => o.personId as number))];
    for (const group of chunks(people, env.chunkPeople)) {
      env.ctx.throwIfCancelled();
      env.report(`Updating people: ${group.length} in this round…`);
      const wanted = new Set(group);
      await writeRound(
        env,
        pending.filter((o) => wanted.has(o.personId as number)),
      );
    }
    // Safety net: reconcile() moves an op back to pending at most MAX_ATTEMPTS times.
    if (round > 10) throw new Error('Apply made no progress on the remaining changes; stopping.');
  }
}

async function writeRound(env: ApplyEnv, ops: Operation[]): Promise<void> {
  const ids = [...new Set(ops.map((o) => String(o.personId)))];
  const current = await env.client.readCurrent(env.fns.readUsers, ids, { signal: env.ctx.signal });
  const skips: { opId: number; patch: JournalPatch }[] = [];
  const outgoing: Outgoing[] = [];
  const byPerson = new Map<number, Operation[]>();
  for (const op of ops) byPerson.set(op.personId as number, [...(byPerson.get(op.personId as number) ?? []), op]);

  for (const [personId, personOps] of byPerson) {
    const record = current.get(String(personId));
    if (!record) {
      for (const op of personOps)
        skips.push({
          opId: op.id,
          patch: {
            state: 'skipped_drift',
            message: 'The person no longer exists on the server (removed since planning).',
          },
        });
      continue;
    }
    const snapshot = personFields(record);
    let next: FieldMap = snapshot;
    const carried: number[] = [];
    for (const op of personOps) {
      const drift = mismatches(op, 'before', snapshot);
      if (drift.length > 0) {
        skips.push({
          opId: op.id,
          patch: {
            state: 'skipped_drift',
            actualBefore: snapshot,
            message: `Changed on the server since planning: ${drift.join('; ')}. Not overwritten.`,
          },
        });
        continue;
      }
      next = applyToRecord(op, next);
      carried.push(op.id);
    }
    if (carried.length === 0) continue;
    const intended: FieldMap = {};
    for (const [field, value] of Object.entries(next))
      if (!sameField(field, snapshot[field], value)) intended[field] = value;
    const item = {
      recordid: String(personId),
      ...overlay(env.userFields, record, intended as WireRecord, env.fns.updateUsers),
    };
    outgoing.push({ opIds: carried, item, intended, actualBefore: snapshot });
  }
  env.move(skips);
  const unknown = await writeAll(env, 'update', outgoing);
  if (unknown.length > 0)
    await reconcileInDoubt(
      env,
      unknown.flatMap((o) => o.opIds).map((id) => env.ops.get(id) as Operation),
    );
  await verifyPeople(
    env,
    opsIn(env, ['sent'], USER_RECORD_KINDS).filter((o) => ids.includes(String(o.personId))),
  );
}

/** Reads people back and checks each sent operation's "after". */
export async function verifyPeople(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  if (ops.length === 0) return;
  const personOf = (op: Operation) => String(op.personId ?? env.journal.get(op.id)?.recordid ?? '');
  const ids = [...new Set(ops.map(personOf))].filter((id) => id !== '');
  const current = await env.client.readCurrent(env.fns.readUsers, ids, { signal: env.ctx.signal });
  try {
    refreshMirrorPeople(env.db, env.instanceId, [...current.values()]);
  } catch (error) {
    // The apply's outcome stands; the next sync brings the mirror up to date.
    env.logger.warn('could not write the people read back into the mirror', { planId: env.planId, error });
  }
  env.move(
    ops.map((op) => {
      const record = current.get(personOf(op));
      if (!record)
        return {
          opId: op.id,
          patch: { state: 'failed', message: 'Written, but the person cannot be read back.' } satisfies JournalPatch,
        };
      const after = personFields(record);
      const wrong = mismatches(op, 'after', after);
      const patch: JournalPatch =
        wrong.length === 0
          ? { state: 'verified', actualAfter: after, message: null }
          : {
              state: 'failed',
              actualAfter: after,
              message: `The server accepted the write but reads back differently: ${wrong.join('; ')}.`,
            };
      return { opId: op.id, patch };
    }),
  );
}
