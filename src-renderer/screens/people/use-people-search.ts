/**
 * What the People screen searches for: the query and the filters, kept for this visit (they survive
 * a visit to a person's page), and whether the filters are open. A new query prefetches its first
 * page before the table asks for it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { prefetchFirstPage } from '../../components/browse/use-people-pages';
import { loadBrowseState, saveBrowseState } from './people-browse-state';
import { activeFilterCount, toApiFilters, type PeopleFilterState } from './people-filter-model';

export function usePeopleSearch(instanceId: string) {
  const [saved] = useState(() => loadBrowseState(instanceId));
  /** What is searched for (the box's text after its debounce). */
  const [query, setQueryState] = useState(saved.query);
  /** Bumped to reset the box's own text (a "Clear the search" button outside it). */
  const [boxKey, setBoxKey] = useState(0);
  const [filters, setFiltersState] = useState(saved.filters);
  const [filtersOpen, setFiltersOpen] = useState(saved.filtersOpen || activeFilterCount(saved.filters) > 0);
  const filterCount = activeFilterCount(filters);

  const queryClient = useQueryClient();
  const setQuery = (q: string) => {
    prefetchFirstPage(queryClient, instanceId, { query: q, filters: toApiFilters(filters) });
    setQueryState(q);
    saveBrowseState({ query: q });
  };
  const toggleFilters = useCallback(() => setFiltersOpen((open) => !open), []);
  useEffect(() => saveBrowseState({ filtersOpen }), [filtersOpen]);
  /** Puts words in the box from outside it (a cleared search, a saved view opened). */
  const replaceQuery = (q: string) => {
    setQuery(q);
    setBoxKey((k) => k + 1);
  };
  const clearQuery = () => replaceQuery('');
  const setFilters = (f: PeopleFilterState) => {
    setFiltersState(f);
    saveBrowseState({ filters: f });
  };

  return {
    saved,
    query,
    setQuery,
    clearQuery,
    replaceQuery,
    boxKey,
    filters,
    setFilters,
    filterCount,
    filtersOpen,
    setFiltersOpen,
    toggleFilters,
  };
}
