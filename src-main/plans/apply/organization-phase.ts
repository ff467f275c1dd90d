/**
 * New organizations, before the people who go in them. Before creating, the plan looks for the
 * name under the same parent on the server: one that is already there (made by hand meanwhile,
 * or by an earlier run whose answer was lost) is not made twice; its id is kept, so the people
 * planned into it still go there. The create record carries every field of companies.update:
 * the planned values, and empty for the rest. Read back by id and checked (name, parent, side).
 */
import { idCriteria } from '../../smartsimple/client';
import type { WireRecord } from '../../smartsimple/protocol';
import type { FieldMap, Operation } from '../types';
import type { JournalPatch } from '../store/journal-store';
import { opsIn, type ApplyEnv } from './env';
import { writeAll, type Outgoing } from './write-batches';

const ORGANIZATIONS = new Set(['create_organization']);
const key = (name: string | null | undefined) => (name ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
const nameOf = (op: Operation) => op.after['sf_Name'] ?? '';
const parentOf = (op: Operation) => op.after['sf_Parent Company ID'] ?? '';

/** The organization fields a plan checks, from a record read from the server. */
function organizationFields(record: WireRecord): FieldMap {
  const out: FieldMap = {};
  for (const f of ['sf_Company ID', 'sf_Name', 'sf_Parent Company ID', 'sf_Is External', 'sf_Status'])
    out[f] = record[f] === undefined || record[f] === '' ? null : (record[f] ?? null);
  return out;
}

/** Companies on the server with these names, by "name|parent". */
async function findByName(env: ApplyEnv, ops: readonly Operation[]): Promise<Map<string, string>> {
  const names = [...new Set(ops.map(nameOf))];
  if (names.length === 0) return new Map();
  const found = await env.client.listAll(env.fns.readCompanies, {
    criteria: idCriteria('sf_Name', names),
    pageSize: Math.min(1000, names.length * 5),
    signal: env.ctx.signal,
  });
  return new Map(
    found.map((r) => [
      `${key(r['sf_Name'])}|${r['sf_Parent Company ID'] ?? ''}`,
      r.recordid ?? r['sf_Company ID'] ?? '',
    ]),
  );
}

export async function runOrganizationPhase(env: ApplyEnv): Promise<void> {
  await reconcileOrganizations(env, opsIn(env, ['sending', 'unknown'], ORGANIZATIONS));
  await verifyOrganizations(env, opsIn(env, ['sent'], ORGANIZATIONS));
  const pending = opsIn(env, ['pending'], ORGANIZATIONS);
  if (pending.length === 0) return;
  env.ctx.throwIfCancelled();
  env.report(`Creating ${pending.length} organization${pending.length === 1 ? '' : 's'}…`);
  const existing = await findByName(env, pending);
  const skips: { opId: number; patch: JournalPatch }[] = [];
  const outgoing: Outgoing[] = [];
  for (const op of pending) {
    const id = existing.get(`${key(nameOf(op))}|${parentOf(op)}`);
    if (id) {
      skips.push({
        opId: op.id,
        patch: {
          state: 'skipped_drift',
          recordid: id,
          message: `${nameOf(op)} already exists under its parent on the server (id ${id}): not created again; the people planned into it go there.`,
        },
      });
      continue;
    }
    const item: Record<string, string> = {};
    for (const field of env.companyFields) item[field] = op.after[field] ?? '';
    outgoing.push({ opIds: [op.id], item, intended: { sf_Name: nameOf(op) } });
  }
  env.move(skips);
  const unknown = await writeAll(env, 'create-organization', outgoing);
  if (unknown.length > 0)
    await reconcileOrganizations(
      env,
      unknown.flatMap((o) => o.opIds).map((id) => env.ops.get(id) as Operation),
    );
  await verifyOrganizations(env, opsIn(env, ['sent'], ORGANIZATIONS));
  // Whatever is still pending after one round (a write refused as a whole, then retried) fails here
  // rather than looping: the people planned into it fail with a plain message.
  env.move(
    opsIn(env, ['pending'], ORGANIZATIONS).map((op) => ({
      opId: op.id,
      patch: { state: 'failed', message: env.journal.get(op.id)?.message ?? 'The organization was not created.' },
    })),
  );
}

/** Creates in doubt: looked up by name under the parent; there -> sent with its id, else pending again. */
async function reconcileOrganizations(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  if (ops.length === 0) return;
  const found = await findByName(env, ops);
  env.move(
    ops.map((op) => {
      const id = found.get(`${key(nameOf(op))}|${parentOf(op)}`);
      return { opId: op.id, patch: id ? { state: 'sent', recordid: id, message: null } : { state: 'pending' } };
    }),
  );
}

async function verifyOrganizations(env: ApplyEnv, ops: readonly Operation[]): Promise<void> {
  if (ops.length === 0) return;
  const ids = ops.map((op) => env.journal.get(op.id)?.recordid ?? '').filter((id) => id !== '');
  const current = await env.client.readCurrent(env.fns.readCompanies, ids, { signal: env.ctx.signal });
  env.move(
    ops.map((op) => {
      const record = current.get(env.journal.get(op.id)?.recordid ?? '');
      if (!record)
        return {
          opId: op.id,
          patch: { state: 'failed', message: 'Created, but the organization cannot be read back.' },
        };
      const after = organizationFields(record);
      const wrong = ['sf_Name', 'sf_Parent Company ID', 'sf_Is External'].filter(
        (f) => key(after[f]) !== key(op.after[f]),
      );
      const patch: JournalPatch =
        wrong.length === 0
          ? { state: 'verified', actualAfter: after, message: null }
          : {
              state: 'failed',
              actualAfter: after,
              message: `The server reads back a different ${wrong.map((f) => f.replace(/^sf_/, '')).join(', ')}.`,
            };
      return { opId: op.id, patch };
    }),
  );
}

/**
 * The id of the organization a new person goes in: an existing one's, or the one this plan created
 * (verified, or found already there); null when that one was not created.
 */
export function companyIdFor(env: ApplyEnv, person: Operation): string | null {
  const wanted = person.params.newOrganization as string | undefined;
  if (!wanted) return person.after['sf_Company ID'] ?? null;
  for (const op of env.ops.values()) {
    if (op.kind !== 'create_organization' || key(nameOf(op)) !== key(wanted)) continue;
    const row = env.journal.get(op.id);
    if (row && (row.state === 'verified' || row.state === 'skipped_drift') && row.recordid) return row.recordid;
  }
  return null;
}
