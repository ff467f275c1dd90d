/**
 * Pick people from the mirror by name, e-mail or organization: a search as you type (the server's
 * people search, not a filter of what is loaded), the chosen ones kept as pills. Each option says
 * who they are (e-mail, organization, inactive) so two Ana Riveras are told apart.
 */
import { MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PersonRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';

interface Props {
  instanceId: string;
  value: PersonRow[];
  onChange: (people: PersonRow[]) => void;
  label: string;
  description?: string;
  error?: string | null;
  /** At most this many (the plan takes one operation per person). */
  max?: number;
}

const nameOf = (p: PersonRow) => `${p.firstName} ${p.lastName}`.trim() || `Person ${p.id}`;
const SEARCH_MAX = 200;

export function PersonPicker({ instanceId, value, onChange, label, description, error, max = 200 }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim().slice(0, SEARCH_MAX), 150);
  const found = useApiQuery(
    'people:search',
    { instanceId, query: debounced, limit: 25 },
    { enabled: debounced.length >= 2, meta: { silent: true } },
  );
  const rows = new Map<number, PersonRow>(value.map((p) => [p.id, p]));
  for (const p of found.data?.rows ?? []) if (!p.removed && !rows.has(p.id)) rows.set(p.id, p);
  const data = [...rows.values()].map((p) => ({ value: String(p.id), label: nameOf(p) }));
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? 'Type two letters of a name, an e-mail or an organization' : undefined}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already: every option it sent matches.
      filter={({ options }) => options}
      data={data}
      value={value.map((p) => String(p.id))}
      onChange={(ids) => onChange(ids.flatMap((id) => rows.get(Number(id)) ?? []))}
      maxValues={max}
      hidePickedOptions
      nothingFoundMessage={
        debounced.length < 2 ? 'Type at least two letters' : found.isFetching ? 'Searching…' : 'Nobody matches'
      }
      renderOption={({ option }) => {
        const p = rows.get(Number(option.value));
        return p ? <PersonOption person={p} /> : option.label;
      }}
      error={error}
      data-autofocus
      data-testid="person-picker"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function PersonOption({ person: p }: { person: PersonRow }) {
  return (
    <Stack gap={0} data-testid="person-option">
      <Text size="sm">
        {nameOf(p)}
        {p.status && p.status !== 'Active' ? ` (${p.status.toLowerCase()})` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {[p.email, p.organization].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}
