/**
 * The virtual table's active row: where it is, moving it (scrolled into view), a stable click
 * handler for the memoized rows, and the imperative handle (focus, reset).
 */
import { useCallback, useImperativeHandle, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { TableVirtualizer } from './use-virtual-rows';
import type { VirtualTableProps } from './virtual-table-types';

type ActiveRowProps<T> = Pick<
  VirtualTableProps<T>,
  'count' | 'getRow' | 'onOpen' | 'initialActiveIndex' | 'onActiveIndexChange' | 'handleRef'
>;

export function useActiveRow<T>(
  props: ActiveRowProps<T>,
  virtualizer: TableVirtualizer,
  scrollerRef: RefObject<HTMLDivElement | null>,
) {
  const { count, getRow, onOpen } = props;
  const [active, setActiveState] = useState(() => Math.min(props.initialActiveIndex ?? 0, Math.max(count - 1, 0)));

  const setActive = (index: number) => {
    setActiveState(index);
    props.onActiveIndexChange?.(index);
  };
  // Rows are memoized: they get one stable click handler that reads the latest props from here.
  const latest = useRef({ getRow, onOpen, setActive });
  useLayoutEffect(() => {
    latest.current = { getRow, onOpen, setActive };
  });
  const onRowClick = useCallback((index: number) => {
    const { getRow: rowAt, onOpen: open, setActive: activate } = latest.current;
    activate(index);
    const row = rowAt(index);
    if (row !== undefined) open?.(row, index);
  }, []);
  const activeIndex = Math.min(active, Math.max(count - 1, 0));

  useImperativeHandle(
    props.handleRef,
    () => ({
      focus: () => scrollerRef.current?.focus(),
      reset: () => {
        setActiveState(0);
        virtualizer.scrollToOffset(0);
      },
    }),
    [virtualizer, scrollerRef],
  );

  const moveTo = (index: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return { activeIndex, moveTo, onRowClick };
}
