/** Choose whose timeline to see: people search over the mirror, names shown, ids kept. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance } from '../../../../src-preload/contract';
import { useApiQuery } from '../../../api';

export function PersonPicker({ instance, onPick }: { instance: Instance; onPick(id: number): void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim().slice(0, 200), 200);
  const found = useApiQuery(
    'people:search',
    { instanceId: instance.id, query: debounced, limit: 20 },
    { enabled: debounced.length > 0 },
  );
  const data = (found.data?.rows ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.firstName} ${p.lastName}${p.email ? ` · ${p.email}` : ''}`,
  }));
  return (
    <Select
      label="Person"
      placeholder="Type a name or e-mail"
      searchable
      leftSection={<IconSearch size={14} />}
      searchValue={query}
      onSearchChange={setQuery}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={debounced ? 'Nobody matches' : undefined}
      onChange={(v) => v && onPick(Number(v))}
      w={420}
      data-testid="timeline-person-picker"
    />
  );
}
