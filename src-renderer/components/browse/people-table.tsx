/**
 * People as a virtualized table over `people:search`, paged by offset as the user scrolls. The
 * People screen, an organization's people and a role's holders all use it. A row click or Enter
 * opens the person page.
 */
import { Alert, Text } from '@mantine/core';
import { useMemo, type ReactNode, type Ref } from 'react';
import { useLocation } from 'wouter';
import type { PersonRow } from '../../../src-preload/contract';
import { VirtualTable, type VirtualTableHandle } from '../virtual-table/virtual-table';
import { personColumns, type PersonColumnId } from './person-columns';
import type { PeoplePages } from './use-people-pages';

interface PeopleTableProps {
  pages: PeoplePages;
  label?: string;
  hideColumns?: readonly PersonColumnId[];
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
  minWidth = 900,
  empty,
  ...rest
}: PeopleTableProps) {
  const [, navigate] = useLocation();
  const columns = useMemo(() => personColumns(hideColumns), [hideColumns]);
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
      rowAttributes={personRowAttributes}
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
