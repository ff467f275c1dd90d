/** The virtualized table's public types (columns, props, the imperative handle) and its fixed header height. */
import type { Key, ReactNode, Ref } from 'react';

export interface VirtualColumn<T> {
  id: string;
  header: ReactNode;
  /** A CSS grid track: '2fr', 'minmax(160px, 1fr)', '110px'. */
  width: string;
  cell: (row: T, index: number) => ReactNode;
  align?: 'left' | 'right';
  /** The column's sort, for screen readers (`aria-sort` on its header). */
  sort?: 'ascending' | 'descending' | 'none';
}

export interface VirtualTableHandle {
  focus(): void;
  /** Back to the first row (a new search or filter). */
  reset(): void;
}

export interface VirtualTableProps<T> {
  label: string;
  /** Keep it stable (useMemo or a constant): rows are memoized on it. */
  columns: VirtualColumn<T>[];
  count: number;
  /** The row at `index`, or undefined while it loads. */
  getRow: (index: number) => T | undefined;
  getRowKey?: (index: number) => Key;
  /** Keep it stable (a module-level function): rows are memoized on it. */
  rowAttributes?: (row: T, index: number) => Record<string, string | number | undefined>;
  onOpen?: (row: T, index: number) => void;
  /** Space on the active row (tick it in a selection). */
  onToggle?: (row: T, index: number, event: { shiftKey: boolean }) => void;
  /** The rows in view changed (first and last index, without overscan). */
  onRangeChange?: (first: number, last: number) => void;
  rowHeight?: number;
  /** Where to start scrolled to, and where the active row starts (restoring a screen). */
  initialOffset?: number;
  initialActiveIndex?: number;
  onScrollOffset?: (offset: number) => void;
  onActiveIndexChange?: (index: number) => void;
  handleRef?: Ref<VirtualTableHandle>;
  /** Shown under the header when there are no rows. */
  empty?: ReactNode;
  minWidth?: number;
  /** Extra attributes on the grid element (data-testid, data-*). */
  attributes?: Record<string, string | number | undefined>;
}

export const HEADER_HEIGHT = 34;
export const DEFAULT_ROW_HEIGHT = 34;
