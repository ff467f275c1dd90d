/**
 * Program (UTA) roles through Associations-Update: one contact per item (the server numbers its
 * answers per contact, the client maps them per item), items for several programs in one call.
 * Drift and verification list each touched program's associations (one call per program).
 */
import { assignmentKey } from '../operations';
import { ASSOCIATION_KINDS, type Operation } from '../types';
import type { JournalPatch } from '../store/journal-store';
import { opsIn, type ApplyEnv } from './env';
import { refreshMirrorAssignments } from './mirror-refresh';
import { listProgramAssociations, pairsOf, programPairs, reconcileInDoubt } from './reconcile';
import { writeAll, type Outgoing } from './write-batches';

const pairKey = (op: Operation) => `${op.personId}:${String(op.params.roleId)}`;
const wantsHeld = (op: Operation, which: 'before' | 'after') =>
  op[which][assignmentKey(op.params.programId as number, op.params.roleId as number)] === '1';

export async function runAssociationPhase(env: ApplyEnv): Promise<void> {
  await verifyAssociations(env, opsIn(env, ['sent'], ASSOCIATION_KINDS));
  for (let round = 0; round <= 10; round++) {
    const pending = opsIn(env, ['pending'], ASSOCIATION_KINDS);
    if (pending.length === 0) return;
    env.ctx.throwIfCancelled();
    env.report(`Updating ${pending.length} program assignments…`);
    const skips: { opId: number; patch: JournalPatch }[] = [];
    const outgoing: Outgoing[] = [];
    for (const programId of [...new Set(pending.map((o) => o.params.programId as number))]) {
      const pairs = await programPairs(env, programId);
      for (const op of pending.filter((o) => o.params.programId === programId)) {
        const held = pairs.has(pairKey(op));
        if (held !== wantsHeld(op, 'before')) {
          skips.push({
            opId: op.id,
            patch: {
              state: 'skipped_drift',
              message: `Changed on the server since planning: the assignment is ${held ? 'already there' : 'already gone'}.`,
            },
          });
          continue;
        }
        const contact: Record<string, string> = { contactid: String(op.personId), roleid: String(op.params.roleId) };
        if (op.kind === 'remove_assignment') contact.delete = '1';
        const key = assignmentKey(programId, op.params.roleId as number);
        outgoing.push({
          opIds: [op.id],
          item: { objectid: String(programId), contacts: [contact] },
          intended: { [key]: op.after[key] ?? null },
          actualBefore: { [key]: held ? '1' : '0' },
        });
      }
    }
    env.move(skips);
    const unknown = await writeAll(env, 'associations', outgoing);
    if (unknown.length > 0)
      await reconcileInDoubt(
        env,
        unknown.flatMap((o) => o.opIds).map((id) => env.ops.get(id) as Operation),
      );
    await verifyAssociations(env, opsIn(env, ['sent'], ASSOCIATION_KINDS));
  }
  throw new Error('Apply made no progress on the remaining program assignments; stopping.');
}

/** Reads each touched program's associations back: verifies the operations and refreshes the mirror. */
async function verifyAssociations(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  const changes: { opId: number; patch: JournalPatch }[] = [];
  for (const programId of [...new Set(ops.map((o) => o.params.programId as number))]) {
    const records = await listProgramAssociations(env, programId);
    refreshMirrorAssignments(env.db, env.instanceId, programId, records);
    const pairs = pairsOf(records);
    for (const op of ops.filter((o) => o.params.programId === programId)) {
      const held = pairs.get(pairKey(op));
      const key = assignmentKey(programId, op.params.roleId as number);
      const ok = (held !== undefined) === wantsHeld(op, 'after');
      changes.push({
        opId: op.id,
        patch: ok
          ? {
              state: 'verified',
              actualAfter: { [key]: held ? '1' : '0' },
              ...(held ? { recordid: held } : {}),
              message: null,
            }
          : {
              state: 'failed',
              actualAfter: { [key]: held ? '1' : '0' },
              message: 'The server accepted the change but the program does not show it.',
            },
      });
    }
  }
  env.move(changes);
}
