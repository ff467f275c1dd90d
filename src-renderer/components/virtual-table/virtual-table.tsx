/**
 * A virtualized table: only the rows in view (plus a few) exist in the DOM, so 100,000 rows scroll
 * as smoothly as 100. Rows may still be loading (`getRow` returns undefined): they show as
 * placeholders. Keyboard: arrows, Page Up/Down, Home/End move the active row, Enter opens it;
 * focus stays on the grid and `aria-activedescendant` names the active row for screen readers.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type Key,
  type ReactNode,
  type Ref,
} from 'react';
import classes from './virtual-table.module.css';

export interface VirtualColumn<T> {
  id: string;
  header: ReactNode;
  /** A CSS grid track: '2fr', 'minmax(160px, 1fr)', '110px'. */
  width: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
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

const HEADER_HEIGHT = 34;

export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { columns, count, getRow, rowHeight = 34, onRangeChange, onOpen, empty, minWidth = 0 } = props;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [active, setActiveState] = useState(() => Math.min(props.initialActiveIndex ?? 0, Math.max(count - 1, 0)));
  const idPrefix = useId();
  const template = columns.map((c) => c.width).join(' ');

  // No React Compiler in this build; the virtualizer re-renders the table itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: props.initialOffset ?? 0,
    ...(props.getRowKey ? { getItemKey: props.getRowKey } : {}),
  });
  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  const first = range?.startIndex ?? 0;
  const last = range?.endIndex ?? -1;
  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);

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
    [virtualizer],
  );

  const moveTo = (index: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
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
    } else if (event.key === 'Enter') {
      const row = getRow(activeIndex);
      if (row !== undefined && onOpen) {
        event.preventDefault();
        onOpen(row, activeIndex);
      }
    }
  };

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const activeRendered = items.some((i) => i.index === activeIndex);

  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      role="grid"
      aria-label={props.label}
      aria-rowcount={count + 1}
      aria-activedescendant={count > 0 && activeRendered ? rowId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={props.onScrollOffset ? (e) => props.onScrollOffset?.(e.currentTarget.scrollTop) : undefined}
      {...props.attributes}
    >
      <div
        className={classes.header}
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, height: HEADER_HEIGHT, minWidth }}
      >
        {columns.map((c) => (
          <div key={c.id} role="columnheader" className={`${classes.cell} ${c.align === 'right' ? classes.right : ''}`}>
            {c.header}
          </div>
        ))}
      </div>
      {count === 0 ? (
        <div className={classes.empty}>{empty}</div>
      ) : (
        <div className={classes.body} style={{ height: virtualizer.getTotalSize(), minWidth }} role="rowgroup">
          {items.map((item) => (
            <Row
              key={item.key}
              id={rowId(item.index)}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              height={rowHeight}
              selected={item.index === activeIndex}
              row={getRow(item.index)}
              columns={columns}
              template={template}
              rowAttributes={props.rowAttributes}
              onRowClick={onRowClick}
            />
          ))}
        </div>
      )}
    </div>
  );
}

interface RowProps<T> {
  id: string;
  index: number;
  top: number;
  height: number;
  selected: boolean;
  row: T | undefined;
  columns: VirtualColumn<T>[];
  template: string;
  rowAttributes: VirtualTableProps<T>['rowAttributes'];
  onRowClick: (index: number) => void;
}

/**
 * One row, memoized: while the user types or scrolls, rows whose data did not change are not
 * rendered again (a keystroke re-renders the screen, and a row holds several cells and tags).
 */
function RowImpl<T>({
  id,
  index,
  top,
  height,
  selected,
  row,
  columns,
  template,
  rowAttributes,
  onRowClick,
}: RowProps<T>) {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-busy={row === undefined || undefined}
      className={classes.row}
      style={{ gridTemplateColumns: template, height, transform: `translateY(${top}px)` }}
      onClick={() => onRowClick(index)}
      {...(row !== undefined ? rowAttributes?.(row, index) : {})}
    >
      {columns.map((c) => (
        <div key={c.id} role="gridcell" className={`${classes.cell} ${c.align === 'right' ? classes.right : ''}`}>
          {row === undefined ? <div className={classes.placeholder} /> : c.cell(row)}
        </div>
      ))}
    </div>
  );
}

const Row = memo(RowImpl) as typeof RowImpl;
