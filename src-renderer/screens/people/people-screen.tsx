/**
 * People: the synced people of the active instance in a virtualized table with instant search and
 * filters, columns to choose and sort by (sorted in main, kept between visits), ticks for bulk
 * actions into a plan (a range with Shift, or every match without loading them), a CSV export of
 * every match, and saved views. Keyboard: `/` focuses the search, Escape clears it, arrows move
 * through the rows, Space ticks one, Enter opens the person. Search, filters and scroll position
 * survive a visit to a person's page.
 */
import { Badge, Button, Group, Kbd, Paper, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { memo, useMemo, useRef, useState, type RefObject } from 'react';
import type { Instance, PeopleFiltersInput, PeopleSort, PeopleView } from '../../../src-preload/contract';
import { BrowseGate } from '../../components/browse/browse-gate';
import { FullHeight, Grow } from '../../components/browse/full-height';
import { PeopleTable } from '../../components/browse/people-table';
import { SearchBox } from '../../components/browse/search-box';
import { usePeoplePages, type PeoplePages } from '../../components/browse/use-people-pages';
import { NewPersonButton } from '../../components/actions/new-person-button';
import { ScreenHeader } from '../../components/screen-header';
import type { VirtualTableHandle } from '../../components/virtual-table/virtual-table';
import { formatNumber } from '../../lib/format';
import { loadBrowseState, saveBrowseState } from './people-browse-state';
import { PeopleBulkBar } from './people-bulk-bar';
import { EMPTY_FILTERS, activeFilterCount, toApiFilters } from './people-filter-model';
import { PeopleFilters } from './people-filters';
import { PeopleEmpty } from './people-empty';
import { ColumnsMenu, ExportButton } from './people-list-tools';
import { SavedViewsMenu } from './saved-views-menu';
import { usePeopleLayout, type PeopleLayoutState } from './use-people-layout';
import { usePeopleSearch } from './use-people-search';
import { usePeopleSelection } from './use-people-selection';
import { useScrollTopOnNewSearch } from './use-scroll-top-on-new-search';
import { useSeenDepartments } from './use-seen-departments';
import { useTableSelection } from './use-table-selection';

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
  const s = usePeopleSearch(instance.id);
  const layout = usePeopleLayout();
  const apiFilters = useMemo(() => toApiFilters(s.filters), [s.filters]);
  const search = useMemo(
    () => ({ query: s.query, filters: apiFilters, sort: layout.sort }),
    [s.query, apiFilters, layout.sort],
  );
  const pages = usePeoplePages(instance.id, search);
  const selection = usePeopleSelection({ instanceId: instance.id, ...search }, pages.total, pages.getRow);
  const tableSelection = useTableSelection(selection, pages.total);
  const departments = useSeenDepartments(instance.id, s.filtersOpen, s.filters.department);
  const views = usePeopleViews(instance.id, s, layout);
  const tableRef = useRef<VirtualTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useScrollTopOnNewSearch(tableRef, search);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  return (
    <>
      <SearchRow
        instance={instance}
        s={s}
        layout={layout}
        pages={pages}
        search={search}
        views={views}
        searchRef={searchRef}
        onLeave={() => tableRef.current?.focus()}
      />
      {s.filtersOpen && (
        <Paper withBorder p="sm">
          <PeopleFilters instanceId={instance.id} value={s.filters} onChange={s.setFilters} departments={departments} />
        </Paper>
      )}
      <PeopleBulkBar instanceId={instance.id} selection={selection} search={search} total={pages.total} />
      <Grow>
        <PeopleTable
          pages={pages}
          handleRef={tableRef}
          columns={layout.columns}
          // Below this the table scrolls sideways rather than squeeze the columns shown.
          minWidth={Math.max(900, 40 + 112 * layout.columns.length)}
          sort={layout.sort}
          onSort={layout.setSort}
          selection={tableSelection}
          initialOffset={s.saved.scrollOffset}
          initialActiveIndex={s.saved.activeIndex}
          onScrollOffset={(scrollOffset) => saveBrowseState({ scrollOffset })}
          onActiveIndexChange={(activeIndex) => saveBrowseState({ activeIndex })}
          empty={
            <PeopleEmpty
              query={s.query}
              filterCount={s.filterCount}
              onClearQuery={s.clearQuery}
              onClearFilters={() => s.setFilters(EMPTY_FILTERS)}
            />
          }
        />
      </Grow>
      <KeyboardHints />
    </>
  );
}

interface SearchRowProps {
  instance: Instance;
  s: ReturnType<typeof usePeopleSearch>;
  layout: PeopleLayoutState;
  pages: PeoplePages;
  search: { query: string; filters: PeopleFiltersInput; sort: PeopleSort };
  views: ReturnType<typeof usePeopleViews>;
  searchRef: RefObject<HTMLInputElement | null>;
  onLeave: () => void;
}

/** The search, filters, count, views, columns and export over the list. */
function SearchRow({ instance, s, layout, pages, search, views, searchRef, onLeave }: SearchRowProps) {
  const searching = s.query.trim() !== '' || s.filterCount > 0;
  const countText = pages.isLoading
    ? 'Loading…'
    : `${formatNumber(pages.total)} ${pages.total === 1 ? 'person' : 'people'}${searching ? ' match' : ''}`;

  return (
    <Group gap="sm" wrap="nowrap">
      <SearchBox
        key={s.boxKey}
        initial={s.query}
        onSearch={s.setQuery}
        debounceMs={SEARCH_DEBOUNCE_MS}
        busy={pages.isStale}
        onLeave={onLeave}
        label="Search people"
        placeholder="Search by name, email or organization"
        slashHint
        inputRef={searchRef}
        testId="people-search"
        maxChars={PEOPLE_SEARCH_MAX_CHARS}
      />
      <FiltersButton open={s.filtersOpen} count={s.filterCount} onToggle={s.toggleFilters} />
      {s.filterCount > 0 && (
        <Button variant="subtle" onClick={() => s.setFilters(EMPTY_FILTERS)}>
          Clear filters
        </Button>
      )}
      <Text size="sm" c="dimmed" ml="auto" data-testid="people-count" style={{ whiteSpace: 'nowrap' }}>
        {countText}
      </Text>
      <SavedViewsMenu
        instanceId={instance.id}
        current={{ query: s.query, filters: s.filters, sort: layout.sort, columns: layout.columns }}
        activeId={views.activeViewId}
        onOpen={views.openView}
        onActiveChange={views.chooseView}
      />
      <ColumnsMenu columns={layout.columns} onChange={layout.setColumns} />
      <ExportButton instanceId={instance.id} {...search} columns={layout.columns} total={pages.total} />
    </Group>
  );
}

/** Saved views: which one is open (kept for the visit), and opening one. */
function usePeopleViews(instanceId: string, s: ReturnType<typeof usePeopleSearch>, layout: PeopleLayoutState) {
  const [activeViewId, setActiveViewId] = useState(() => loadBrowseState(instanceId).activeViewId);
  const chooseView = (id: string | null) => {
    setActiveViewId(id);
    saveBrowseState({ activeViewId: id });
  };
  const openView = (view: PeopleView) => {
    s.replaceQuery(view.query);
    s.setFilters(view.filters);
    if (activeFilterCount(view.filters) > 0) s.setFiltersOpen(true);
    layout.setLayout({ columns: view.columns, sort: view.sort });
    chooseView(view.id);
  };
  return { activeViewId, chooseView, openView };
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
      move · <Kbd size="xs">Space</Kbd> tick · <Kbd size="xs">Shift</Kbd>+click tick a range ·{' '}
      <Kbd size="xs">Enter</Kbd> open the person
    </Text>
  );
});
