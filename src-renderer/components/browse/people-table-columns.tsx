/**
 * The People table's columns as a screen asks for them: the ones chosen, in order, each header a
 * sort button when the table sorts, and a tick column when it has a selection. Plain elements, as
 * in person-columns.tsx: the visible rows re-render on every search.
 */
import type { ReactNode } from 'react';
import type { PeopleColumnId, PeopleSort, PersonRow } from '../../../src-preload/contract';
import type { VirtualColumn } from '../virtual-table/virtual-table';
import { personColumnsIn } from './person-columns';
import classes from './person-columns.module.css';

/** What a table with ticks needs from its owner. */
export interface PeopleTableSelection {
  isChecked: (personId: number) => boolean;
  /** A tick (or untick) of the row at `index`; with Shift, of the rows from the last one ticked. */
  toggle: (row: PersonRow, index: number, shiftKey: boolean) => void;
  /** The header cell: the "every match" tick. */
  header: ReactNode;
  /** Changes whenever a tick (or the header) does, so the memoized rows re-render. */
  version: number | string;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function sortNext(current: PeopleSort, by: PeopleColumnId): PeopleSort {
  return current.by === by ? { by, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: 'asc' };
}

function SortHeader({ label, dir, onClick }: { label: string; dir: 'asc' | 'desc' | null; onClick: () => void }) {
  return (
    <button
      type="button"
      className={classes.sortButton}
      onClick={onClick}
      data-testid="sort-header"
      title={`Sort by ${label.toLowerCase()}${dir === 'asc' ? ', Z to A' : ''}`}
    >
      <span>{label}</span>
      <span aria-hidden className={dir ? classes.sortArrow : classes.sortArrowIdle}>
        {dir === 'desc' ? '↓' : '↑'}
      </span>
    </button>
  );
}

export function peopleTableColumns(
  ids: readonly PeopleColumnId[],
  sort: PeopleSort | undefined,
  onSort: ((sort: PeopleSort) => void) | undefined,
  selection: PeopleTableSelection | undefined,
): VirtualColumn<PersonRow>[] {
  const columns = personColumnsIn(ids).map((c): VirtualColumn<PersonRow> => {
    if (!sort || !onSort) return c;
    const id = c.id as PeopleColumnId;
    const dir = sort.by === id ? sort.dir : null;
    return {
      ...c,
      sort: dir ? ARIA_SORT[dir] : 'none',
      header: <SortHeader label={String(c.header)} dir={dir} onClick={() => onSort(sortNext(sort, id))} />,
    };
  });
  if (!selection) return columns;
  const tick: VirtualColumn<PersonRow> = {
    id: 'select',
    header: selection.header,
    width: '28px',
    cell: (p, index) => (
      <input
        type="checkbox"
        className={classes.tick}
        tabIndex={-1}
        aria-label={`Select ${p.firstName} ${p.lastName}`}
        data-testid="person-tick"
        checked={selection.isChecked(p.id)}
        onChange={() => undefined}
        onClick={(e) => {
          // A tick is not a click on the row: it must not open the person.
          e.stopPropagation();
          selection.toggle(p, index, e.shiftKey);
        }}
      />
    ),
  };
  return [tick, ...columns];
}
