/** The virtual table's virtualizer: which rows exist in the DOM, and the range-in-view callback. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type Key, type RefObject } from 'react';
import { HEADER_HEIGHT } from './virtual-table-types';

interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  scrollerRef: RefObject<HTMLDivElement | null>;
  initialOffset: number | undefined;
  getRowKey: ((index: number) => Key) | undefined;
  onRangeChange: ((first: number, last: number) => void) | undefined;
}

export function useVirtualRows({
  count,
  rowHeight,
  scrollerRef,
  initialOffset,
  getRowKey,
  onRangeChange,
}: VirtualRowsOptions) {
  // No React Compiler in this build; the virtualizer re-renders the table itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    // Rows rendered beyond each edge of the view. Every keystroke's answer renders all of them
    // anew; rows have one fixed height, so a few are enough for a smooth wheel scroll.
    overscan: 4,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: initialOffset ?? 0,
    ...(getRowKey ? { getItemKey: getRowKey } : {}),
  });
  const range = virtualizer.range;
  const first = range?.startIndex ?? 0;
  const last = range?.endIndex ?? -1;
  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);
  return virtualizer;
}

export type TableVirtualizer = ReturnType<typeof useVirtualRows>;
