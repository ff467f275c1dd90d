/**
 * People: the synced people of the active instance in a virtualized table with instant search and
 * filters. Keyboard: `/` focuses the search, Escape clears it, arrows move through the rows, Enter
 * opens the person. Search, filters and scroll position survive a visit to a person's page.
 */
import { Badge, Button, Group, Kbd, Paper, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { memo, useMemo, useRef } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { BrowseGate } from '../../components/browse/browse-gate';
import { FullHeight, Grow } from '../../components/browse/full-height';
import { PeopleTable } from '../../components/browse/people-table';
import { SearchBox } from '../../components/browse/search-box';
import { usePeoplePages } from '../../components/browse/use-people-pages';
import { NewPersonButton } from '../../components/actions/new-person-button';
import { ScreenHeader } from '../../components/screen-header';
import type { VirtualTableHandle } from '../../components/virtual-table/virtual-table';
import { formatNumber } from '../../lib/format';
import { saveBrowseState } from './people-browse-state';
import { EMPTY_FILTERS, toApiFilters } from './people-filter-model';
import { PeopleFilters } from './people-filters';
import { PeopleEmpty } from './people-empty';
import { usePeopleSearch } from './use-people-search';
import { useScrollTopOnNewSearch } from './use-scroll-top-on-new-search';
import { useSeenDepartments } from './use-seen-departments';

/** Keystrokes closer together than this are one search (a keystroke after a pause searches at once). */
const SEARCH_DEBOUNCE_MS = 50;

export function PeopleScreen() {
  return (
    <FullHeight testId="screen-people">
      <ScreenHeader
        title="People"
        description="The people of the active instance, from the last sync. Works offline."
        actions={<NewPersonButton />}
      />
      <BrowseGate what="people">{(instance) => <PeopleBrowser key={instance.id} instance={instance} />}</BrowseGate>
    </FullHeight>
  );
}

/** What people:search accepts (its contract bounds the query at 200 characters). */
const PEOPLE_SEARCH_MAX_CHARS = 200;

function PeopleBrowser({ instance }: { instance: Instance }) {
  const { saved, query, setQuery, clearQuery, boxKey, filters, setFilters, filterCount, filtersOpen, toggleFilters } =
    usePeopleSearch(instance.id);
  const apiFilters = useMemo(() => toApiFilters(filters), [filters]);
  const search = useMemo(() => ({ query, filters: apiFilters }), [query, apiFilters]);
  const pages = usePeoplePages(instance.id, search);
  const departments = useSeenDepartments(instance.id, filtersOpen, filters.department);
  const tableRef = useRef<VirtualTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useScrollTopOnNewSearch(tableRef, search);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  const searching = query.trim() !== '' || filterCount > 0;
  const countText = pages.isLoading
    ? 'Loading…'
    : `${formatNumber(pages.total)} ${pages.total === 1 ? 'person' : 'people'}${searching ? ' match' : ''}`;

  return (
    <>
      <Group gap="sm" wrap="nowrap">
        <SearchBox
          key={boxKey}
          initial={query}
          onSearch={setQuery}
          debounceMs={SEARCH_DEBOUNCE_MS}
          busy={pages.isStale}
          onLeave={() => tableRef.current?.focus()}
          label="Search people"
          placeholder="Search by name, email or organization"
          slashHint
          inputRef={searchRef}
          testId="people-search"
          maxChars={PEOPLE_SEARCH_MAX_CHARS}
        />
        <FiltersButton open={filtersOpen} count={filterCount} onToggle={toggleFilters} />
        {filterCount > 0 && (
          <Button variant="subtle" onClick={() => setFilters(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        )}
        <Text size="sm" c="dimmed" ml="auto" data-testid="people-count" style={{ whiteSpace: 'nowrap' }}>
          {countText}
        </Text>
      </Group>
      {filtersOpen && (
        <Paper withBorder p="sm">
          <PeopleFilters instanceId={instance.id} value={filters} onChange={setFilters} departments={departments} />
        </Paper>
      )}
      <Grow>
        <PeopleTable
          pages={pages}
          handleRef={tableRef}
          initialOffset={saved.scrollOffset}
          initialActiveIndex={saved.activeIndex}
          onScrollOffset={(scrollOffset) => saveBrowseState({ scrollOffset })}
          onActiveIndexChange={(activeIndex) => saveBrowseState({ activeIndex })}
          empty={
            <PeopleEmpty
              query={query}
              filterCount={filterCount}
              onClearQuery={clearQuery}
              onClearFilters={() => setFilters(EMPTY_FILTERS)}
            />
          }
        />
      </Grow>
      <KeyboardHints />
    </>
  );
}

// Memoized: the screen re-renders on every keystroke and every answer; these do not change then.

const FiltersButton = memo(function FiltersButton({
  open,
  count,
  onToggle,
}: {
  open: boolean;
  count: number;
  onToggle: () => void;
}) {
  return (
    <Button
      variant={open ? 'light' : 'default'}
      leftSection={<IconFilter size={16} />}
      rightSection={
        count > 0 ? (
          <Badge size="sm" circle variant="filled">
            {count}
          </Badge>
        ) : undefined
      }
      aria-expanded={open}
      onClick={onToggle}
    >
      Filters
    </Button>
  );
});

const KeyboardHints = memo(function KeyboardHints() {
  return (
    <Text size="xs" c="dimmed">
      <Kbd size="xs">/</Kbd> search · <Kbd size="xs">Esc</Kbd> clear · <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd>{' '}
      move · <Kbd size="xs">Enter</Kbd> open the person
    </Text>
  );
});
