/**
 * Whom an action is for: one person (from their page) or a list of people (a role's holders, a
 * People selection). Every dialog in this folder takes a target, so the same dialog serves both.
 */
import type { BulkActionInput } from '../../../src-preload/contract';
import type { DraftWork } from '../plan-draft/use-add-to-draft';

export interface ActionTarget {
  personIds: number[];
  /** "Ana Rivera", or "12 people": how the dialog names them. */
  name: string;
}

export function onePerson(p: { id: number; firstName: string; lastName: string }): ActionTarget {
  return { personIds: [p.id], name: `${p.firstName} ${p.lastName}`.trim() || `Person ${p.id}` };
}

export function somePeople(personIds: number[]): ActionTarget {
  return { personIds, name: personIds.length === 1 ? '1 person' : `${personIds.length.toLocaleString()} people` };
}

/** The same action for everyone in the target, as draft work (previewed before it is added). */
export function actionFor(target: ActionTarget, action: BulkActionInput): DraftWork {
  return { kind: 'selection', personIds: target.personIds, action };
}
