/** What the people table shows when it has no rows: nobody matches (with ways out), or no people yet. */
import { Button, EmptyState, Group } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';

interface PeopleEmptyProps {
  query: string;
  filterCount: number;
  onClearQuery: () => void;
  onClearFilters: () => void;
}

export function PeopleEmpty({ query, filterCount, onClearQuery, onClearFilters }: PeopleEmptyProps) {
  const searching = query.trim() !== '' || filterCount > 0;
  return (
    <EmptyState
      icon={<IconUserSearch size={28} />}
      title={searching ? 'Nobody matches' : 'No people yet'}
      description={
        searching
          ? `No one in the last sync matches${query.trim() ? ` “${query.trim()}”` : ''}${filterCount > 0 ? ' with these filters' : ''}.`
          : 'The sync has not brought any people yet.'
      }
      data-testid="people-empty"
    >
      <Group justify="center" mt="sm" gap="xs">
        {query && (
          <Button variant="default" onClick={onClearQuery}>
            Clear the search
          </Button>
        )}
        {filterCount > 0 && <Button onClick={onClearFilters}>Clear filters</Button>}
      </Group>
    </EmptyState>
  );
}
