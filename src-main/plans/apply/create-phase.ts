/**
 * New people. Before creating, the plan looks for each e-mail on the server: someone who already
 * has it (created by hand meanwhile, or by an earlier run whose answer was lost) is drift, not a
 * second person. The create record carries every field of users.update: the planned values, and
 * empty for the rest (read-only fields must be empty on create). A person planned into an
 * organization the plan creates gets its id from that operation's journal (organizations go first).
 */
import { idCriteria } from '../../smartsimple/client';
import { WRITE_FIELD_READ_NAMES } from '../../smartsimple/protocol';
import type { Operation } from '../types';
import type { JournalPatch } from '../store/journal-store';
import { chunks, opsIn, type ApplyEnv } from './env';
import { reconcileInDoubt } from './reconcile';
import { companyIdFor } from './organization-phase';
import { verifyPeople } from './user-phase';
import { writeAll, type Outgoing } from './write-batches';

const CREATE = new Set(['create_person']);

export async function runCreatePhase(env: ApplyEnv): Promise<void> {
  await verifyPeople(env, opsIn(env, ['sent'], CREATE));
  for (let round = 0; round <= 10; round++) {
    const pending = opsIn(env, ['pending'], CREATE);
    if (pending.length === 0) return;
    for (const group of chunks(pending, env.chunkPeople)) {
      env.ctx.throwIfCancelled();
      env.report(`Creating ${group.length} people…`);
      await createRound(env, group);
    }
  }
  throw new Error('Apply made no progress on the remaining new people; stopping.');
}

async function createRound(env: ApplyEnv, ops: Operation[]): Promise<void> {
  const email = (op: Operation) => (op.after['sf_Email'] ?? '').trim();
  const found = await env.client.listAll(env.fns.readUsers, {
    criteria: idCriteria('sf_Email', ops.map(email)),
    pageSize: Math.min(1000, ops.length * 2),
    signal: env.ctx.signal,
  });
  const existing = new Map(
    found.map((r) => [(r['sf_Email'] ?? '').trim().toLowerCase(), r.recordid ?? r['sf_User ID'] ?? '']),
  );
  const skips: { opId: number; patch: JournalPatch }[] = [];
  const outgoing: Outgoing[] = [];
  for (const op of ops) {
    const companyId = companyIdFor(env, op);
    if (companyId === null) {
      skips.push({
        opId: op.id,
        patch: {
          state: 'failed',
          message: `Not created: its new organization ${String(op.params.newOrganization)} was not created.`,
        },
      });
      continue;
    }
    const id = existing.get(email(op).toLowerCase());
    if (id !== undefined) {
      skips.push({
        opId: op.id,
        patch: {
          state: 'skipped_drift',
          message: `A person with the e-mail ${email(op)} already exists on the server (id ${id}). Not created again.`,
        },
      });
      continue;
    }
    const item: Record<string, string | null> = {};
    for (const field of env.userFields) {
      const readName = WRITE_FIELD_READ_NAMES[field];
      item[field] = op.after[field] ?? (readName ? op.after[readName] : undefined) ?? '';
    }
    item['sf_Company ID'] = companyId;
    outgoing.push({ opIds: [op.id], item, intended: { sf_Email: email(op) } });
  }
  env.move(skips);
  const unknown = await writeAll(env, 'create', outgoing);
  if (unknown.length > 0)
    await reconcileInDoubt(
      env,
      unknown.flatMap((o) => o.opIds).map((id) => env.ops.get(id) as Operation),
    );
  await verifyPeople(
    env,
    opsIn(env, ['sent'], CREATE).filter((o) => ops.includes(o)),
  );
}
