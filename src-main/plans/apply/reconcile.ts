/**
 * Finding out what became of writes in doubt: operations left 'sending' by a crash or a quit, or
 * 'unknown' after a reset or a timeout. Nothing is resent before this says it did not land:
 * - user updates: the client's reconcile reads the people back and compares the values the write
 *   meant to set (only those: stamps the server rewrites would read as "not applied");
 * - creates: looked up by e-mail (the plan checked no one had it before creating);
 * - associations: the program's associations are listed and the pair looked for.
 * Landed -> 'sent' (verified later like any other); not landed -> 'pending' again, and after
 * MAX_ATTEMPTS sends whose outcome stayed unknown -> 'failed', so a flaky link cannot loop forever.
 */
import type { IndexedInput, PartialWrite } from '../../smartsimple/client';
import type { WireRecord } from '../../smartsimple/protocol';
import { assignmentKey } from '../operations';
import { USER_RECORD_KINDS, type Operation } from '../types';
import type { JournalPatch } from '../store/journal-store';
import type { ApplyEnv } from './env';

export const MAX_ATTEMPTS = 3;

function notLanded(env: ApplyEnv, opId: number): JournalPatch {
  const row = env.journal.get(opId);
  if (row && row.attempts >= MAX_ATTEMPTS) {
    return {
      state: 'failed',
      message: `The outcome stayed unknown after ${row.attempts} attempts (last: ${row.message ?? 'no answer'}); not sent again.`,
    };
  }
  return { state: 'pending' };
}

export async function reconcileInDoubt(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  if (ops.length === 0) return;
  env.report(`Checking ${ops.length} change${ops.length === 1 ? '' : 's'} whose outcome is not known yet…`);
  await reconcileUpdates(
    env,
    ops.filter((o) => USER_RECORD_KINDS.has(o.kind)),
  );
  await reconcileCreates(
    env,
    ops.filter((o) => o.kind === 'create_person'),
  );
  await reconcileAssociations(
    env,
    ops.filter((o) => o.kind === 'add_assignment' || o.kind === 'remove_assignment'),
  );
}

/** One in-flight item per (person, call): the operations of one person went in one record. */
async function reconcileUpdates(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  if (ops.length === 0) return;
  const groups = new Map<string, { opIds: number[]; item: Record<string, unknown> }>();
  for (const op of ops) {
    const row = env.journal.get(op.id);
    const key = `${op.personId}:${row?.callId ?? 0}`;
    const group = groups.get(key);
    if (group) group.opIds.push(op.id);
    else
      groups.set(key, { opIds: [op.id], item: { recordid: String(op.personId), ...(row?.request?.intended ?? {}) } });
  }
  const list = [...groups.values()];
  const inFlight: IndexedInput[] = list.map((g, index) => ({ index, item: g.item }));
  const partial: PartialWrite = { operation: 'update', inFlight, completed: [], unsent: [] };
  const report = await env.client.reconcileUnknownOutcome(partial, {
    readFn: env.fns.readUsers,
    signal: env.ctx.signal,
  });
  const changes: { opId: number; patch: JournalPatch }[] = [];
  for (const entry of report.entries) {
    const group = list[entry.index];
    if (!group) continue;
    for (const opId of group.opIds) {
      if (entry.state === 'applied') changes.push({ opId, patch: { state: 'sent', message: null } });
      else if (entry.state === 'missing')
        changes.push({ opId, patch: { state: 'failed', message: 'The person no longer exists on the server.' } });
      else changes.push({ opId, patch: notLanded(env, opId) });
    }
  }
  env.move(changes);
}

async function reconcileCreates(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  if (ops.length === 0) return;
  const inFlight: IndexedInput[] = ops.map((op, index) => ({ index, item: { sf_Email: op.after['sf_Email'] ?? '' } }));
  const report = await env.client.reconcileUnknownOutcome(
    { operation: 'create', inFlight, completed: [], unsent: [] },
    { readFn: env.fns.readUsers, listFn: env.fns.readUsers, naturalKey: 'sf_Email', signal: env.ctx.signal },
  );
  env.move(
    report.entries.flatMap((entry) => {
      const op = ops[entry.index];
      if (!op) return [];
      let patch: JournalPatch;
      if (entry.state === 'applied') patch = { state: 'sent', recordid: entry.recordid ?? null, message: null };
      else if (entry.state === 'not-applied') patch = notLanded(env, op.id);
      else
        patch = {
          state: 'failed',
          message: `Several people on the server have the e-mail ${op.after['sf_Email'] ?? ''} (ids ${(entry.candidates ?? []).join(', ')}); check by hand.`,
        };
      return [{ opId: op.id, patch }];
    }),
  );
}

/** Live (contact, role) pairs of a program, with their association ids. */
/** A program's live associations on the server (one call). */
export function listProgramAssociations(env: ApplyEnv, programId: number): Promise<WireRecord[]> {
  return env.client.associationsList(env.fns.listAssociations, String(programId), { signal: env.ctx.signal });
}

/** `contact:role` -> association id, of a program's live associations. */
export async function programPairs(env: ApplyEnv, programId: number): Promise<Map<string, string>> {
  return pairsOf(await listProgramAssociations(env, programId));
}

export function pairsOf(records: readonly WireRecord[]): Map<string, string> {
  return new Map(
    records.map((r) => [`${r.contactid ?? ''}:${r.roleid ?? ''}`, String(r.associationid ?? r.recordid ?? '')]),
  );
}

async function reconcileAssociations(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  if (ops.length === 0) return;
  const programs = [...new Set(ops.map((o) => o.params.programId as number))];
  const changes: { opId: number; patch: JournalPatch }[] = [];
  for (const programId of programs) {
    const pairs = await programPairs(env, programId);
    for (const op of ops.filter((o) => o.params.programId === programId)) {
      const key = assignmentKey(programId, op.params.roleId as number);
      const held = pairs.get(`${op.personId}:${String(op.params.roleId)}`);
      const landed = (op.after[key] === '1') === (held !== undefined);
      changes.push({
        opId: op.id,
        patch: landed ? { state: 'sent', recordid: held ?? null, message: null } : notLanded(env, op.id),
      });
    }
  }
  env.move(changes);
}
