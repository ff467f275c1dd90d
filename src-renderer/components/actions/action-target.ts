/**
 * Whom an action is for: one person (from their page), a list of people (a role's holders, people
 * ticked on the People list), or every person a People search matches less those unticked (sent
 * as the search, never loaded). Every dialog in this folder takes a target, so the same dialog
 * serves all three.
 */
import type { BulkActionInput, PeopleFiltersInput } from '../../../src-preload/contract';
import type { DraftWork } from '../plan-draft/use-add-to-draft';

export interface ActionTarget {
  personIds: number[];
  /** "Ana Rivera", or "12 people": how the dialog names them. */
  name: string;
  /** Instead of the ids: everyone this People search matches, less `excludePersonIds`. */
  search?: { filters: PeopleFiltersInput; query: string; excludePersonIds: number[] };
}

export function onePerson(p: { id: number; firstName: string; lastName: string }): ActionTarget {
  return { personIds: [p.id], name: `${p.firstName} ${p.lastName}`.trim() || `Person ${p.id}` };
}

export function somePeople(personIds: number[]): ActionTarget {
  return { personIds, name: personIds.length === 1 ? '1 person' : `${personIds.length.toLocaleString()} people` };
}

/** Every match of a People search (`count` of them once the unticked are left out). */
export function everyMatch(count: number, search: NonNullable<ActionTarget['search']>): ActionTarget {
  const people = `${count.toLocaleString()} matching ${count === 1 ? 'person' : 'people'}`;
  return { personIds: [], name: search.excludePersonIds.length > 0 ? people : `all ${people}`, search };
}

/** The same action for everyone in the target, as draft work (previewed before it is added). */
export function actionFor(target: ActionTarget, action: BulkActionInput): DraftWork {
  if (target.search) {
    const { filters, query, excludePersonIds } = target.search;
    return { kind: 'filter', filters, query, excludePersonIds, action };
  }
  return { kind: 'selection', personIds: target.personIds, action };
}
