/**
 * People as a virtualized table over `people:search`, paged by offset as the user scrolls. The
 * People screen, an organization's people and a role's holders all use it. A row click or Enter
 * opens the person page.
 */
import { Alert, Text } from '@mantine/core';
import { useMemo, type ReactNode, type Ref } from 'react';
import { useLocation } from 'wouter';
import { DEFAULT_PEOPLE_COLUMNS, type PeopleSort, type PersonRow } from '../../../src-preload/contract';
import { VirtualTable, type VirtualTableHandle } from '../virtual-table/virtual-table';
import type { PersonColumnId } from './person-columns';
import { peopleTableColumns, type PeopleTableSelection } from './people-table-columns';
import type { PeoplePages } from './use-people-pages';

export type { PeopleTableSelection };

interface PeopleTableProps {
  pages: PeoplePages;
  label?: string;
  hideColumns?: readonly PersonColumnId[];
  /** The columns to show, in order (the People list's choice); without it the default ones. */
  columns?: readonly PersonColumnId[];
  /** With `onSort`, each header sorts the list by its column. */
  sort?: PeopleSort;
  onSort?: (sort: PeopleSort) => void;
  /** Ticks in a first column, for bulk actions. */
  selection?: PeopleTableSelection;
  /** Below this width the table scrolls sideways. */
  minWidth?: number;
  /** Shown when the search finds nobody. */
  empty?: ReactNode;
  handleRef?: Ref<VirtualTableHandle>;
  initialOffset?: number;
  initialActiveIndex?: number;
  onScrollOffset?: (offset: number) => void;
  onActiveIndexChange?: (index: number) => void;
}

/** Module-level, so memoized rows see the same function on every render. */
const personRowAttributes = (p: PersonRow) => ({ 'data-testid': 'person-row', 'data-person-id': p.id });

export function PeopleTable({
  pages,
  label = 'People',
  hideColumns,
  columns: chosen,
  sort,
  onSort,
  selection,
  minWidth = 900,
  empty,
  ...rest
}: PeopleTableProps) {
  const [, navigate] = useLocation();
  const ids = useMemo(
    () => chosen ?? DEFAULT_PEOPLE_COLUMNS.filter((id) => !hideColumns?.includes(id)),
    [chosen, hideColumns],
  );
  // `selection.version` stands for the ticks: the columns and rows change when a tick does.
  const version = selection?.version;
  const columns = useMemo(
    () => peopleTableColumns(ids, sort, onSort, selection),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the version is the selection's identity
    [ids, sort, onSort, version],
  );
  const rowAttributes = useMemo(
    () =>
      selection
        ? (p: PersonRow) => ({
            ...personRowAttributes(p),
            'data-checked': selection.isChecked(p.id) ? 'true' : undefined,
          })
        : personRowAttributes,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
    [version],
  );
  if (pages.error && !pages.total) {
    return (
      <Alert color="red" title="People could not be loaded" role="alert">
        {pages.error.message}
      </Alert>
    );
  }
  return (
    <VirtualTable<PersonRow>
      label={label}
      columns={columns}
      count={pages.total}
      getRow={pages.getRow}
      onRangeChange={pages.setRange}
      onOpen={(p) => navigate(`/people/${p.id}`)}
      rowAttributes={rowAttributes}
      onToggle={selection ? (p, index, e) => selection.toggle(p, index, e.shiftKey) : undefined}
      minWidth={minWidth}
      empty={
        pages.isLoading ? (
          <Text size="sm" c="dimmed">
            Loading people…
          </Text>
        ) : (
          empty
        )
      }
      attributes={{
        'data-testid': 'people-table',
        'data-total': pages.total,
        'data-stale': pages.isStale ? 'true' : undefined,
        // The search the rows on screen answer, for tests and the latency benchmark.
        'data-results-for': pages.shownFor?.query.trim() ?? undefined,
      }}
      {...rest}
    />
  );
}
