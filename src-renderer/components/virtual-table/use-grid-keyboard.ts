/**
 * The virtual table's keys: arrows, Page Up/Down, Home/End move the active row, Enter opens it,
 * Space ticks it (where the table has a selection).
 */
import type { KeyboardEvent, RefObject } from 'react';
import { HEADER_HEIGHT } from './virtual-table-types';

interface GridKeyboardOptions<T> {
  count: number;
  activeIndex: number;
  rowHeight: number;
  scrollerRef: RefObject<HTMLDivElement | null>;
  moveTo: (index: number) => void;
  getRow: (index: number) => T | undefined;
  onOpen: ((row: T, index: number) => void) | undefined;
  onToggle?: ((row: T, index: number, event: { shiftKey: boolean }) => void) | undefined;
}

export function useGridKeyboard<T>({
  count,
  activeIndex,
  rowHeight,
  scrollerRef,
  moveTo,
  getRow,
  onOpen,
  onToggle,
}: GridKeyboardOptions<T>) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(
      1,
      Math.floor(((scrollerRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / rowHeight) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === ' ' && onToggle && event.target === event.currentTarget) {
      const row = getRow(activeIndex);
      event.preventDefault();
      if (row !== undefined) onToggle(row, activeIndex, { shiftKey: event.shiftKey });
    } else if (event.key === 'Enter') {
      const row = getRow(activeIndex);
      if (row !== undefined && onOpen) {
        event.preventDefault();
        onOpen(row, activeIndex);
      }
    }
  };
}
