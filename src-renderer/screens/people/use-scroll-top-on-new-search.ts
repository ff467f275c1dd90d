/**
 * A new search starts the people table at the top; the first render keeps the position saved for
 * this visit (coming back from a person's page).
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { VirtualTableHandle } from '../../components/virtual-table/virtual-table';
import { saveBrowseState } from './people-browse-state';

export function useScrollTopOnNewSearch(tableRef: RefObject<VirtualTableHandle | null>, search: unknown): void {
  const searchKey = JSON.stringify(search);
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    tableRef.current?.reset();
    saveBrowseState({ scrollOffset: 0, activeIndex: 0 });
  }, [searchKey, tableRef]);
}
