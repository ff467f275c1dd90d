/**
 * People for a virtualized table, fetched a page at a time by offset as the user scrolls: the
 * first page (which also brings the total) and the pages around the rows in view. Pages stay in
 * TanStack's cache, so scrolling back shows them at once; `data:changed` refreshes them.
 *
 * While a new search loads, the previous results stay on screen (`keepPreviousData`), and
 * `shownFor` says which search they belong to, so a test (or a benchmark) can tell when the rows
 * on screen are the answer to what was typed.
 */
import { keepPreviousData, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeopleFiltersInput, PeopleSort, PersonRow, SearchPeopleResult } from '../../../src-preload/contract';
import { apiQueryKey, callApi, useApiQuery, type ApiCallError } from '../../api';

export const PAGE_SIZE = 100;
/** Rows fetched beyond each edge of the view, so a slow scroll never shows placeholders. */
const MARGIN_ROWS = 60;
/** Never more pages at once than this (a scrollbar drag across 100,000 rows). */
const MAX_PAGES = 12;
/**
 * Pages are asked for once the view has been still this long. A page deep in the list costs the
 * backend more (it pages by offset), and a drag of the scrollbar must not queue a page for every
 * position it passed; a wheel scroll stays within the margin meanwhile.
 */
const RANGE_SETTLE_MS = 60;

export interface PeopleSearch {
  query: string;
  filters: PeopleFiltersInput;
  /** Without it (or by name, A to Z): the search's own name order. */
  sort?: PeopleSort | undefined;
}

export interface PeoplePages {
  total: number;
  getRow: (index: number) => PersonRow | undefined;
  /** Tell which rows are in view. */
  setRange: (first: number, last: number) => void;
  /** The search the rows on screen answer (the previous one while the next loads); null before any. */
  shownFor: PeopleSearch | null;
  /** True while the rows on screen are not yet the answer to the current search. */
  isStale: boolean;
  isLoading: boolean;
  error: ApiCallError | null;
}

const isDefaultSort = (sort: PeopleSort | undefined) => !sort || (sort.by === 'name' && sort.dir === 'asc');
const searchKey = (s: PeopleSearch) => JSON.stringify([s.query, s.filters, ...(isDefaultSort(s.sort) ? [] : [s.sort])]);

/** The `people:search` input of a search's pages (without the offset): one place, so keys match. */
function pageInput(instanceId: string, search: PeopleSearch) {
  const query = search.query.trim();
  return {
    instanceId,
    ...(query ? { query } : {}),
    ...(Object.keys(search.filters).length > 0 ? { filters: search.filters } : {}),
    ...(search.sort && !isDefaultSort(search.sort) ? { sort: search.sort } : {}),
    limit: PAGE_SIZE,
  };
}

/**
 * Starts fetching a search's first page at once, from the event that asked for it, instead of
 * after React has rendered the change: the table's query then finds the answer on its way.
 */
export function prefetchFirstPage(queryClient: QueryClient, instanceId: string, search: PeopleSearch): void {
  const input = { ...pageInput(instanceId, search), offset: 0 };
  void queryClient.prefetchQuery({
    queryKey: apiQueryKey('people:search', input),
    queryFn: () => callApi('people:search', input),
  });
}

export function usePeoplePages(instanceId: string, search: PeopleSearch): PeoplePages {
  const queryClient = useQueryClient();
  const base = pageInput(instanceId, search);
  const key = searchKey(search);

  const first = useApiQuery('people:search', { ...base, offset: 0 }, { placeholderData: keepPreviousData });
  const total = first.data?.total ?? 0;

  // The pages around the view, tagged with the search they were asked for: a new search starts
  // from the top without fetching pages of the old scroll position first.
  const [span, setSpan] = useState({ key, from: 0, to: 0, center: 0 });
  const settle = useRef<number | null>(null);
  useEffect(() => () => void (settle.current !== null && window.clearTimeout(settle.current)), []);
  const setRange = useCallback(
    (a: number, b: number) => {
      const from = Math.max(0, Math.floor((a - MARGIN_ROWS) / PAGE_SIZE));
      const to = Math.min(from + MAX_PAGES - 1, Math.floor((b + MARGIN_ROWS) / PAGE_SIZE));
      const center = Math.floor((a + b) / 2 / PAGE_SIZE);
      if (settle.current !== null) window.clearTimeout(settle.current);
      settle.current = window.setTimeout(() => {
        settle.current = null;
        setSpan((prev) =>
          prev.key === key && prev.from === from && prev.to === to ? prev : { key, from, to, center },
        );
      }, RANGE_SETTLE_MS);
    },
    [key],
  );
  const current = span.key === key && !first.isPlaceholderData;
  const pageNumbers: number[] = [];
  if (current) for (let p = Math.max(1, span.from); p <= span.to && p * PAGE_SIZE < total; p++) pageNumbers.push(p);
  // The page in view first: the backend answers in order, and the margins can wait.
  pageNumbers.sort((x, y) => Math.abs(x - span.center) - Math.abs(y - span.center));

  const pages = useQueries({
    queries: pageNumbers.map((p) => {
      const input = { ...base, offset: p * PAGE_SIZE };
      return { queryKey: apiQueryKey('people:search', input), queryFn: () => callApi('people:search', input) };
    }),
  });
  const byPage = new Map<number, SearchPeopleResult>();
  pageNumbers.forEach((p, i) => {
    const data = pages[i]?.data;
    if (data) byPage.set(p, data);
  });

  const getRow = (index: number): PersonRow | undefined => {
    const p = Math.floor(index / PAGE_SIZE);
    if (p === 0) return first.data?.rows[index];
    if (first.isPlaceholderData) return undefined;
    // A page outside the span may still be cached from an earlier scroll.
    const page =
      byPage.get(p) ??
      queryClient.getQueryData<SearchPeopleResult>(apiQueryKey('people:search', { ...base, offset: p * PAGE_SIZE }));
    return page?.rows[index - p * PAGE_SIZE];
  };

  // Which search the rows on screen answer: adjusted while rendering, so it changes in the same
  // commit as the rows themselves.
  const [shownFor, setShownFor] = useState<PeopleSearch | null>(null);
  if (first.data && !first.isPlaceholderData && (shownFor === null || searchKey(shownFor) !== key)) {
    setShownFor({ query: search.query, filters: search.filters, sort: search.sort });
  }

  return {
    total,
    getRow,
    setRange,
    shownFor,
    isStale: first.isPlaceholderData || (first.isFetching && !first.data),
    isLoading: first.isLoading,
    error: first.error,
  };
}
