/**
 * One row of the virtual table, memoized: while the user types or scrolls, rows whose data did not
 * change are not rendered again (a keystroke re-renders the screen, and a row holds several cells
 * and tags). A row still loading shows placeholders.
 */
import { memo } from 'react';
import type { VirtualColumn, VirtualTableProps } from './virtual-table-types';
import classes from './virtual-table.module.css';

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
          {row === undefined ? <div className={classes.placeholder} /> : c.cell(row, index)}
        </div>
      ))}
    </div>
  );
}

export const VirtualTableRow = memo(RowImpl) as typeof RowImpl;
