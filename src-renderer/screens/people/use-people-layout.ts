/**
 * The People list's layout: the columns shown and the sort, kept in main (views:layout) so they
 * are the same after a restart. A change shows at once and is saved behind it.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import {
  DEFAULT_PEOPLE_COLUMNS,
  DEFAULT_PEOPLE_SORT,
  type PeopleColumnId,
  type PeopleLayout,
  type PeopleSort,
} from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';

export interface PeopleLayoutState {
  columns: PeopleColumnId[];
  sort: PeopleSort;
  setColumns: (columns: PeopleColumnId[]) => void;
  setSort: (sort: PeopleSort) => void;
  /** Both at once (a saved view opened). */
  setLayout: (layout: PeopleLayout) => void;
}

const DEFAULT_LAYOUT: PeopleLayout = { columns: [...DEFAULT_PEOPLE_COLUMNS], sort: DEFAULT_PEOPLE_SORT };

export function usePeopleLayout(): PeopleLayoutState {
  const stored = useApiQuery('views:layout');
  // Until the administrator changes something here, the stored layout (or the default) shows.
  const [local, setLocal] = useState<PeopleLayout | null>(null);
  const save = useApiMutation('views:setLayout', { meta: { errorTitle: 'The columns and sort were not saved' } });
  const layout = local ?? stored.data ?? DEFAULT_LAYOUT;
  const { mutate } = save;
  const setLayout = useCallback(
    (next: PeopleLayout) => {
      setLocal(next);
      mutate(next);
    },
    [mutate],
  );
  // Stable setters (the table's memoized columns depend on them), reading the latest layout.
  const latest = useRef(layout);
  useLayoutEffect(() => {
    latest.current = layout;
  });
  const setColumns = useCallback((columns: PeopleColumnId[]) => setLayout({ ...latest.current, columns }), [setLayout]);
  const setSort = useCallback((sort: PeopleSort) => setLayout({ ...latest.current, sort }), [setLayout]);
  return { columns: layout.columns, sort: layout.sort, setColumns, setSort, setLayout };
}
