/** The virtual table's sticky header row: one column header per column, on the rows' grid tracks. */
import { HEADER_HEIGHT, type VirtualColumn } from './virtual-table-types';
import classes from './virtual-table.module.css';

interface VirtualTableHeaderProps<T> {
  columns: VirtualColumn<T>[];
  template: string;
  minWidth: number;
}

export function VirtualTableHeader<T>({ columns, template, minWidth }: VirtualTableHeaderProps<T>) {
  return (
    <div
      className={classes.header}
      role="row"
      aria-rowindex={1}
      style={{ gridTemplateColumns: template, height: HEADER_HEIGHT, minWidth }}
    >
      {columns.map((c) => (
        <div
          key={c.id}
          role="columnheader"
          aria-sort={c.sort}
          className={`${classes.cell} ${c.align === 'right' ? classes.right : ''}`}
        >
          {c.header}
        </div>
      ))}
    </div>
  );
}
