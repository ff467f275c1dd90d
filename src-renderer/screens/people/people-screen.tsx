/**
 * People: the synced people of the active instance in a virtualized table with instant search and
 * filters. Keyboard: `/` focuses the search, Escape clears it, arrows move through the rows, Enter
 * opens the person. Search, filters and scroll position survive a visit to a person's page.
 */
import { Badge, Button, CloseButton, EmptyState, Group, Kbd, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFilter, IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { BrowseGate } from '../../components/browse/browse-gate';
import { FullHeight, Grow } from '../../components/browse/full-height';
import { PeopleTable } from '../../components/browse/people-table';
import { usePeoplePages } from '../../components/browse/use-people-pages';
import { ScreenHeader } from '../../components/screen-header';
import type { VirtualTableHandle } from '../../components/virtual-table/virtual-table';
import { formatNumber } from '../../lib/format';
import { loadBrowseState, saveBrowseState } from './people-browse-state';
import { activeFilterCount, EMPTY_FILTERS, toApiFilters, type PeopleFilterState } from './people-filter-model';
import { PeopleFilters } from './people-filters';
import { useSeenDepartments } from './use-seen-departments';

/**
 * Keystrokes closer together than this are one search. Leading edge: a keystroke after a pause
 * searches at once, so typing never waits on the timer; only bursts are coalesced.
 */
const SEARCH_DEBOUNCE_MS = 80;

export function PeopleScreen() {
  return (
    <FullHeight testId="screen-people">
      <ScreenHeader title="People" description="The people of the active instance, from the last sync. Works offline." />
      <BrowseGate what="people">{(instance) => <PeopleBrowser key={instance.id} instance={instance} />}</BrowseGate>
    </FullHeight>
  );
}

function PeopleBrowser({ instance }: { instance: Instance }) {
  const [saved] = useState(() => loadBrowseState(instance.id));
  const [query, setQueryState] = useState(saved.query);
  const [filters, setFiltersState] = useState(saved.filters);
  const [filtersOpen, setFiltersOpen] = useState(saved.filtersOpen || activeFilterCount(saved.filters) > 0);
  const [debounced] = useDebouncedValue(query, SEARCH_DEBOUNCE_MS, { leading: true });
  const apiFilters = useMemo(() => toApiFilters(filters), [filters]);
  const search = useMemo(() => ({ query: debounced, filters: apiFilters }), [debounced, apiFilters]);
  const pages = usePeoplePages(instance.id, search);
  const departments = useSeenDepartments(instance.id, filtersOpen, filters.department);
  const tableRef = useRef<VirtualTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const filterCount = activeFilterCount(filters);

  const setQuery = (q: string) => {
    setQueryState(q);
    saveBrowseState({ query: q });
  };
  const setFilters = (f: PeopleFilterState) => {
    setFiltersState(f);
    saveBrowseState({ filters: f });
  };

  // A new search starts at the top; the first render keeps the position saved for this visit.
  const searchKey = JSON.stringify(search);
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    tableRef.current?.reset();
    saveBrowseState({ scrollOffset: 0, activeIndex: 0 });
  }, [searchKey]);

  useHotkeys([['/', () => searchRef.current?.focus()]]);

  const searching = debounced.trim() !== '' || filterCount > 0;
  const countText = pages.isLoading ? 'Loading…' : `${formatNumber(pages.total)} ${pages.total === 1 ? 'person' : 'people'}${searching ? ' match' : ''}`;

  return (
    <>
      <Group gap="sm" wrap="nowrap">
        <TextInput
          ref={searchRef}
          data-testid="people-search"
          aria-label="Search people"
          placeholder="Search by name, email or organization"
          leftSection={<IconSearch size={16} />}
          rightSection={
            pages.isStale ? (
              <Loader size="xs" aria-label="Searching" />
            ) : query ? (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => setQuery('')} />
            ) : (
              <Kbd size="xs">/</Kbd>
            )
          }
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              tableRef.current?.focus();
            }
          }}
          style={{ flex: 1, maxWidth: 560 }}
        />
        <Button
          variant={filtersOpen ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          rightSection={filterCount > 0 ? <Badge size="sm" circle variant="filled">{filterCount}</Badge> : undefined}
          aria-expanded={filtersOpen}
          onClick={() => {
            setFiltersOpen(!filtersOpen);
            saveBrowseState({ filtersOpen: !filtersOpen });
          }}
        >
          Filters
        </Button>
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
            <EmptyState
              icon={<IconUserSearch size={28} />}
              title={searching ? 'Nobody matches' : 'No people yet'}
              description={
                searching
                  ? `No one in the last sync matches${debounced.trim() ? ` “${debounced.trim()}”` : ''}${filterCount > 0 ? ' with these filters' : ''}.`
                  : 'The sync has not brought any people yet.'
              }
              data-testid="people-empty"
            >
              <Group justify="center" mt="sm" gap="xs">
                {query && (
                  <Button variant="default" onClick={() => setQuery('')}>
                    Clear the search
                  </Button>
                )}
                {filterCount > 0 && <Button onClick={() => setFilters(EMPTY_FILTERS)}>Clear filters</Button>}
              </Group>
            </EmptyState>
          }
        />
      </Grow>
      <Text size="xs" c="dimmed">
        <Kbd size="xs">/</Kbd> search · <Kbd size="xs">Esc</Kbd> clear · <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move ·{' '}
        <Kbd size="xs">Enter</Kbd> open the person
      </Text>
    </>
  );
}
