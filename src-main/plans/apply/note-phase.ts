/**
 * The note left on each changed person in SmartSimple: one transaction per person, plan and
 * source (an AI suggestion's changes are signed `AI_Service`, the rest by the administrator),
 * describing the verified changes, the plan and who approved them.
 *
 * Written once: the journal row exists before the call and the plan may hold only one per
 * person and source. There is no function to read transactions back, so a note whose call was in
 * flight during a crash or a reset cannot be checked: it is marked 'unknown' and NOT resent (a
 * missing note is reported; a duplicate could not be taken back).
 */
import { SmartConnectError } from '../../smartsimple/client';
import { addNote, listNotes, patchNote, type NoteRow } from '../store/journal-store';
import { chunks, opsIn, serverText, type ApplyEnv } from './env';
import type { Operation } from '../types';

export const NOTE_TYPE = 'Admin Desk change';
export const AI_SOURCE = 'AI_Service';
const MAX_DESCRIPTION = 4000;

export function notePayload(
  env: ApplyEnv,
  plan: { id: string; title: string },
  personId: number,
  source: 'admin' | 'ai',
  ops: Operation[],
  appliedBy: string,
): Record<string, string> {
  const lines = [
    `Changed by Admin Desk plan "${plan.title}" (${plan.id}).`,
    ...ops.map(
      (op) =>
        `- ${op.summary}${op.approval ? ` (approved by ${op.approval.by} at ${op.approval.at})` : ''}${op.aiSuggestionId ? ` [AI suggestion ${op.aiSuggestionId}]` : ''}`,
    ),
    `Applied by ${appliedBy}.`,
  ];
  let description = lines.join('\n');
  if (description.length > MAX_DESCRIPTION)
    description = `${description.slice(0, MAX_DESCRIPTION - 40)}\n… (${ops.length} changes in all)`;
  const values: Record<string, string> = {
    'sf_Object ID': String(personId),
    sf_Type: NOTE_TYPE,
    sf_Subject: `Admin Desk: ${plan.title}`.slice(0, 255),
    sf_Description: description,
    sf_Source: source === 'ai' ? AI_SOURCE : appliedBy,
  };
  return Object.fromEntries(env.noteFields.map((f) => [f, values[f] ?? '']));
}

export async function runNotePhase(
  env: ApplyEnv,
  plan: { id: string; title: string },
  appliedBy: string,
): Promise<void> {
  queueNotes(env, plan, appliedBy);
  const notes = listNotes(env.db, env.planId);
  markInDoubtUnknown(
    env,
    notes.filter((n) => n.state === 'sending'),
  );
  const pending = notes.filter((n) => n.state === 'pending');
  for (const batch of chunks(pending, env.batchSize)) {
    env.ctx.throwIfCancelled();
    env.report(`Recording the change on ${pending.length} people in SmartSimple…`);
    await sendNotes(env, batch);
  }
}

const noteKey = (n: NoteRow) => ({ planId: n.planId, personId: n.personId, source: n.source });

/** One journal row per person and source of the verified changes (a row already there stays as it is). */
function queueNotes(env: ApplyEnv, plan: { id: string; title: string }, appliedBy: string): void {
  const groups = new Map<string, { personId: number; source: 'admin' | 'ai'; ops: Operation[] }>();
  for (const op of opsIn(env, ['verified'])) {
    // A note goes on a person; a new organization is named in the note of the person created in it.
    if (op.kind === 'create_organization') continue;
    const personId = op.personId ?? Number(env.journal.get(op.id)?.recordid);
    if (!Number.isSafeInteger(personId)) continue;
    const key = `${personId}:${op.source}`;
    const g = groups.get(key) ?? { personId, source: op.source, ops: [] };
    g.ops.push(op);
    groups.set(key, g);
  }
  const at = env.now();
  env.db.transaction(() => {
    for (const g of groups.values())
      addNote(
        env.db,
        {
          planId: env.planId,
          personId: g.personId,
          source: g.source,
          payload: notePayload(env, plan, g.personId, g.source, g.ops, appliedBy),
        },
        at,
      );
  })();
}

/** Notes whose call was in flight when a run stopped: never resent, since they cannot be read back. */
function markInDoubtUnknown(env: ApplyEnv, inDoubt: NoteRow[]): void {
  if (inDoubt.length === 0) return;
  env.db.transaction(() => {
    for (const n of inDoubt)
      patchNote(
        env.db,
        noteKey(n),
        {
          state: 'unknown',
          message:
            'The call was in flight when Admin Desk stopped; transactions cannot be read back, so it was not sent again.',
        },
        env.now(),
      );
  })();
}

/** One create call for a batch of notes, journaled 'sending' before it and with its outcome after. */
async function sendNotes(env: ApplyEnv, batch: NoteRow[]): Promise<void> {
  const callId = env.newCallId();
  const mark = (
    state: NoteRow['state'],
    extra: (n: NoteRow, i: number) => { transactionId?: string | null; message?: string | null } = () => ({}),
  ) =>
    env.db.transaction(() =>
      batch.forEach((n, i) => patchNote(env.db, noteKey(n), { state, callId, ...extra(n, i) }, env.now())),
    )();
  mark('sending');
  try {
    const results = await env.client.create(
      env.fns.transactions,
      batch.map((n) => n.payload),
      { batchSize: batch.length, signal: env.ctx.signal },
    );
    const byIndex = new Map(results.map((r) => [r.index, r]));
    env.db.transaction(() =>
      batch.forEach((n, i) => {
        const r = byIndex.get(i);
        patchNote(
          env.db,
          noteKey(n),
          r?.ok
            ? { state: 'sent', transactionId: r.recordid ?? null }
            : { state: 'failed', message: r?.status ?? 'not reported by the server' },
          env.now(),
        );
      }),
    )();
  } catch (e) {
    if (e instanceof SmartConnectError && e.kind === 'unknown-outcome') {
      mark('unknown', () => ({ message: `${serverText(e)} (not sent again: transactions cannot be read back)` }));
      return;
    }
    mark('pending', () => ({ message: serverText(e) }));
    throw e;
  }
}
