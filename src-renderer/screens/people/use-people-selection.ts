/**
 * The People list's ticks: some people by id (kept across searches, so "these from one search and
 * those from another" works), or every person the current search matches less those unticked,
 * which never loads them: a bulk action sends the search itself. Shift ticks a range from the last
 * row ticked; rows of the range not loaded yet are fetched first.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PeopleFiltersInput, PeopleSort, PersonRow } from '../../../src-preload/contract';
import { callApi, notifyError } from '../../api';

/** A plan from a selection takes at most this many people (the channel's limit). */
export const MAX_SELECTED = 10_000;

export type PeopleSelectionState =
  { mode: 'some'; ids: ReadonlySet<number> } | { mode: 'all'; key: string; excluded: ReadonlySet<number> };

interface SelectionSearch {
  instanceId: string;
  query: string;
  filters: PeopleFiltersInput;
  sort: PeopleSort;
}

const NONE: PeopleSelectionState = { mode: 'some', ids: new Set() };
const keyOf = (s: SelectionSearch) => JSON.stringify([s.instanceId, s.query.trim(), s.filters]);

/** The rows `from`..`to` of the search, from those loaded, fetching the others (1,000 at a time). */
async function rowsBetween(
  search: SelectionSearch,
  from: number,
  to: number,
  getRow: (index: number) => PersonRow | undefined,
): Promise<PersonRow[]> {
  const out: PersonRow[] = [];
  for (let i = from; i <= to; i++) {
    const row = getRow(i);
    if (row) {
      out.push(row);
      continue;
    }
    const query = search.query.trim();
    const page = await callApi('people:search', {
      instanceId: search.instanceId,
      ...(query ? { query } : {}),
      filters: search.filters,
      sort: search.sort,
      offset: i,
      limit: Math.min(1000, to - i + 1),
    });
    if (page.rows.length === 0) break;
    out.push(...page.rows);
    i += page.rows.length - 1;
  }
  return out;
}

export function usePeopleSelection(
  search: SelectionSearch,
  total: number,
  getRow: (i: number) => PersonRow | undefined,
) {
  const [state, setState] = useState<PeopleSelectionState>(NONE);
  const [version, setVersion] = useState(0);
  const key = keyOf(search);
  const set = useCallback((next: (s: PeopleSelectionState) => PeopleSelectionState) => {
    setState(next);
    setVersion((v) => v + 1);
  }, []);
  // "Every match" belongs to one search: another search drops it.
  if (state.mode === 'all' && state.key !== key) set(() => NONE);
  const anchor = useRef<{ key: string; sort: string; index: number } | null>(null);
  const latest = useRef({ search, getRow, key });
  useLayoutEffect(() => {
    latest.current = { search, getRow, key };
  });

  const isChecked = useCallback(
    (id: number) => (state.mode === 'all' ? !state.excluded.has(id) : state.ids.has(id)),
    [state],
  );
  const mark = useCallback(
    (ids: number[], checked: boolean) =>
      set((s) => {
        const next = new Set(s.mode === 'all' ? s.excluded : s.ids);
        // In "every match" the set holds the unticked, so a tick removes from it.
        const add = s.mode === 'all' ? !checked : checked;
        for (const id of ids)
          if (add) next.add(id);
          else next.delete(id);
        return s.mode === 'all' ? { ...s, excluded: next } : { mode: 'some', ids: next };
      }),
    [set],
  );
  const toggle = useCallback(
    (row: PersonRow, index: number, shiftKey: boolean) => {
      const { search: s, getRow: rowAt, key: k } = latest.current;
      const sortKey = JSON.stringify(s.sort);
      const from = anchor.current;
      const checked = !isChecked(row.id);
      anchor.current = { key: k, sort: sortKey, index };
      if (!shiftKey || !from || from.key !== k || from.sort !== sortKey || from.index === index) {
        mark([row.id], checked);
        return;
      }
      const [a, b] = from.index < index ? [from.index, index] : [index, from.index];
      rowsBetween(s, a, Math.min(b, a + MAX_SELECTED - 1), rowAt).then(
        (rows) =>
          mark(
            rows.map((r) => r.id),
            checked,
          ),
        (e: unknown) => notifyError(e, 'The range was not ticked'),
      );
    },
    [isChecked, mark],
  );
  const selectAll = useCallback(
    () => set(() => ({ mode: 'all', key: latest.current.key, excluded: new Set() })),
    [set],
  );
  const clear = useCallback(() => {
    anchor.current = null;
    set(() => NONE);
  }, [set]);
  const count = state.mode === 'all' ? Math.max(0, total - state.excluded.size) : state.ids.size;

  return useMemo(
    () => ({ state, count, version, isChecked, toggle, selectAll, clear }),
    [state, count, version, isChecked, toggle, selectAll, clear],
  );
}

export type PeopleSelection = ReturnType<typeof usePeopleSelection>;
