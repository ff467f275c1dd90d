/**
 * Where the People screen was (search, filters, scroll, active row), kept for the session so that
 * opening a person and coming back lands on the same row. Module state, not React state: the
 * screen unmounts while the person page is shown.
 */
import { EMPTY_FILTERS, type PeopleFilterState } from './people-filter-model';

export interface PeopleBrowseState {
  instanceId: string | null;
  query: string;
  filters: PeopleFilterState;
  filtersOpen: boolean;
  scrollOffset: number;
  activeIndex: number;
  /** The saved view last opened (its name shows on the Views button). */
  activeViewId: string | null;
}

const initial = (instanceId: string | null): PeopleBrowseState => ({
  instanceId,
  query: '',
  filters: EMPTY_FILTERS,
  filtersOpen: false,
  scrollOffset: 0,
  activeIndex: 0,
  activeViewId: null,
});

let state = initial(null);

/** The saved state for this instance (another instance starts afresh). */
export function loadBrowseState(instanceId: string): PeopleBrowseState {
  if (state.instanceId !== instanceId) state = initial(instanceId);
  return state;
}

export function saveBrowseState(patch: Partial<PeopleBrowseState>): void {
  state = { ...state, ...patch };
}
