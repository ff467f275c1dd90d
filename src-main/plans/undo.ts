/**
 * Undo: the inverse of an applied plan, as a new draft that goes through review and approval like
 * any other. An organization the plan created stays (ORGANIZATION_NOT_UNDONE says why); the people
 * it put there are deactivated. It is built from the journal, not the mirror (which lags until the next sync): each
 * verified operation's inverse goes from the state read back after the apply (its "before") to
 * the state read just before the apply wrote (its "after"). Operations that were skipped or failed
 * changed nothing and have no inverse. Inverses run in reverse order.
 */
import { appendAudit } from '../audit-trail';
import type { DB } from '../db/open';
import { listJournal } from './store/journal-store';
import { AppError, conflict } from '../errors/app-error';
import {
  ORGANIZATION_NOT_UNDONE,
  assignmentKey,
  inverseInputs,
  planOperation,
  type PlannedOperation,
} from './operations';
import { loadCatalogue } from './planning-context';
import { createPlan, getPlan, requirePlan, storePlanned, type PlanChange, type RejectedOperation } from './plans';
import type { FieldMap } from './types';
import { actorSchema } from './types';

export function createUndoPlan(db: DB, input: { planId: string; actor: string }): PlanChange {
  const actor = actorSchema.parse(input.actor);
  const source = getPlan(db, input.planId);
  if (source.state !== 'applied' && source.state !== 'partially_applied')
    throw conflict('Only an applied (or partially applied) plan can be undone.');
  const journal = new Map(listJournal(db, source.id).map((r) => [r.operationId, r]));
  const catalogue = loadCatalogue(db, source.instanceId);

  const candidates: { index: number; planned: PlannedOperation; person?: FieldMap }[] = [];
  const rejected: RejectedOperation[] = [];
  const verified = source.operations
    .filter((op) => journal.get(op.id)?.state === 'verified')
    .sort((a, b) => b.seq - a.seq);
  for (const op of verified) {
    const j = journal.get(op.id);
    if (!j) continue;
    if (op.kind === 'create_organization') {
      rejected.push({
        index: candidates.length + rejected.length,
        message: `${op.summary}: ${ORGANIZATION_NOT_UNDONE}`,
      });
      continue;
    }
    const isAssignment = op.kind === 'add_assignment' || op.kind === 'remove_assignment';
    // The person as the apply left them: the read-back (for assignments, the pair as verified).
    const person = isAssignment ? undefined : (j.actualAfter ?? undefined);
    const actualBefore = j.actualBefore ?? op.before;
    for (const inverse of inverseInputs(op, actualBefore, j.recordid)) {
      const index = candidates.length + rejected.length;
      try {
        const planned = planOperation(inverse, {
          ...catalogue,
          person: person ?? { ...op.after },
          assigned: (programId, roleId) =>
            (j.actualAfter?.[assignmentKey(programId, roleId)] ?? op.after[assignmentKey(programId, roleId)]) === '1',
        });
        candidates.push({
          index,
          planned: { ...planned, source: op.source, aiSuggestionId: op.aiSuggestionId },
          ...(person ? { person } : {}),
        });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        rejected.push({ index, message: `Operation ${op.seq} (${op.summary}): ${e.message}` });
      }
    }
  }
  let undoId = '';
  db.transaction(() => {
    const created = createPlan(db, {
      instanceId: source.instanceId,
      title: `Undo: ${source.title}`,
      description: `Reverses the changes verified when "${source.title}" was applied.`,
      origin: 'undo',
      undoOf: source.id,
      createdBy: actor,
    });
    undoId = created.plan.id;
    rejected.push(...storePlanned(db, requirePlan(db, undoId), actor, candidates, catalogue.roles));
    appendAudit(db, {
      actor,
      action: 'plan.undo_created',
      subject: `plan:${source.id}`,
      instanceId: source.instanceId,
      details: { undoPlan: undoId, operations: candidates.length, notInverted: rejected.length },
    });
  })();
  return { plan: getPlan(db, undoId), rejected };
}
