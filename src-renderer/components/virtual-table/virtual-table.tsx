/**
 * A virtualized table: only the rows in view (plus a few) exist in the DOM, so 100,000 rows scroll
 * as smoothly as 100. Rows may still be loading (`getRow` returns undefined): they show as
 * placeholders. Keyboard: arrows, Page Up/Down, Home/End move the active row, Enter opens it;
 * focus stays on the grid and `aria-activedescendant` names the active row for screen readers.
 */
import { useId, useRef } from 'react';
import { useActiveRow } from './use-active-row';
import { useGridKeyboard } from './use-grid-keyboard';
import { useVirtualRows } from './use-virtual-rows';
import { VirtualTableHeader } from './virtual-table-header';
import { VirtualTableRow } from './virtual-table-row';
import { DEFAULT_ROW_HEIGHT, HEADER_HEIGHT, type VirtualTableProps } from './virtual-table-types';
import classes from './virtual-table.module.css';

export type { VirtualColumn, VirtualTableHandle, VirtualTableProps } from './virtual-table-types';

export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { columns, count, getRow, rowHeight = DEFAULT_ROW_HEIGHT, onOpen, empty, minWidth = 0 } = props;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const template = columns.map((c) => c.width).join(' ');
  const virtualizer = useVirtualRows({
    count,
    rowHeight,
    scrollerRef,
    initialOffset: props.initialOffset,
    getRowKey: props.getRowKey,
    onRangeChange: props.onRangeChange,
  });
  const { activeIndex, moveTo, onRowClick } = useActiveRow(props, virtualizer, scrollerRef);
  const onKeyDown = useGridKeyboard({
    count,
    activeIndex,
    rowHeight,
    scrollerRef,
    moveTo,
    getRow,
    onOpen,
    onToggle: props.onToggle,
  });

  const items = virtualizer.getVirtualItems();
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
      <VirtualTableHeader columns={columns} template={template} minWidth={minWidth} />
      {count === 0 ? (
        <div className={classes.empty}>{empty}</div>
      ) : (
        <div className={classes.body} style={{ height: virtualizer.getTotalSize(), minWidth }} role="rowgroup">
          {items.map((item) => (
            <VirtualTableRow
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
