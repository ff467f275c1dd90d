/**
 * Whom an action is for: one person (from their page), a list of people (a role's holders, a
 * People selection), or everyone a People filter matches. Every dialog in this folder takes a
 * target, so the same dialog serves all three; the filter is resolved in main when the work is
 * added (and previewed), never from what happens to be loaded in the renderer.
 */
import type { BulkActionInput, PeopleFiltersInput } from '../../../src-preload/contract';
import type { DraftWork } from '../plan-draft/use-add-to-draft';

/** People named by id. */
export interface PeopleTarget {
  personIds: number[];
  /** "Ana Rivera", or "12 people": how the dialog names them. */
  name: string;
}

/** Everyone a People filter matches. */
export interface FilterTarget {
  filters: PeopleFiltersInput;
  name: string;
}

export type ActionTarget = PeopleTarget | FilterTarget;

export function onePerson(p: { id: number; firstName: string; lastName: string }): PeopleTarget {
  return { personIds: [p.id], name: `${p.firstName} ${p.lastName}`.trim() || `Person ${p.id}` };
}

export function somePeople(personIds: number[]): PeopleTarget {
  return { personIds, name: personIds.length === 1 ? '1 person' : `${personIds.length.toLocaleString()} people` };
}

/** "the 240 people matching the filter" (`total` as the list counted them). */
export function peopleMatching(filters: PeopleFiltersInput, total: number): FilterTarget {
  return { filters, name: `the ${total.toLocaleString()} ${total === 1 ? 'person' : 'people'} matching the filter` };
}

/** The same action for everyone in the target, as draft work (previewed before it is added). */
export function actionFor(target: ActionTarget, action: BulkActionInput): DraftWork {
  return 'personIds' in target
    ? { kind: 'selection', personIds: target.personIds, action }
    : { kind: 'filter', filters: target.filters, action };
}
