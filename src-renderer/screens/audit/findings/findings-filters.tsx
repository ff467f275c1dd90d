/** Which findings the list shows: kinds, statuses, still detected or cleared, score, words. */
import { Group, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { FindingKind, FindingStatus } from '../../../../src-preload/contract';
import { FINDING_KIND_LABELS, FINDING_KINDS, FINDING_STATUSES } from '../../../../src-preload/contract';
import { formatNumber } from '../../../lib/format';
import { STATUS_LABEL } from './labels';

export interface FindingFilters {
  kinds: FindingKind[];
  statuses: FindingStatus[];
  detected: 'current' | 'cleared' | 'all';
  minScore: string;
  search: string;
  sort: 'score' | 'recent' | 'person';
}

export const DEFAULT_FILTERS: FindingFilters = {
  kinds: [],
  statuses: ['open', 'acknowledged'],
  detected: 'current',
  minScore: '0',
  search: '',
  sort: 'score',
};

export const SEARCH_LIMIT = 200;

interface Props {
  value: FindingFilters;
  onChange(next: FindingFilters): void;
  byKind: Record<FindingKind, number> | undefined;
}

export function FindingsFilters({ value, onChange, byKind }: Props) {
  const set = (patch: Partial<FindingFilters>) => onChange({ ...value, ...patch });
  return (
    <Group gap="sm" align="flex-end" mb="sm" wrap="wrap" data-testid="findings-filters">
      <MultiSelect
        label="Kind"
        placeholder={value.kinds.length === 0 ? 'All kinds' : undefined}
        data={FINDING_KINDS.map((k) => ({
          value: k,
          label: `${FINDING_KIND_LABELS[k]}${byKind ? ` (${formatNumber(byKind[k] ?? 0)})` : ''}`,
        }))}
        value={value.kinds}
        onChange={(kinds) => set({ kinds: kinds as FindingKind[] })}
        clearable
        w={300}
        data-testid="filter-kind"
      />
      <MultiSelect
        label="Status"
        placeholder={value.statuses.length === 0 ? 'Any status' : undefined}
        data={FINDING_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        value={value.statuses}
        onChange={(statuses) => set({ statuses: statuses as FindingStatus[] })}
        clearable
        w={330}
        data-testid="filter-status"
      />
      <DetectedControl value={value.detected} onChange={(detected) => set({ detected })} />
      <Select
        label="Score"
        value={value.minScore}
        onChange={(minScore) => set({ minScore: minScore ?? '0' })}
        data={[
          { value: '0', label: 'Any score' },
          { value: '0.5', label: '0.50 and above' },
          { value: '0.7', label: '0.70 and above' },
          { value: '0.9', label: '0.90 and above' },
        ]}
        w={150}
        allowDeselect={false}
        data-testid="filter-score"
      />
      <Select
        label="Order"
        value={value.sort}
        onChange={(sort) => set({ sort: (sort ?? 'score') as FindingFilters['sort'] })}
        data={[
          { value: 'score', label: 'Highest score' },
          { value: 'recent', label: 'Most recent' },
          { value: 'person', label: 'Person' },
        ]}
        w={150}
        allowDeselect={false}
      />
      <TextInput
        label="Words"
        placeholder="Name or reason"
        leftSection={<IconSearch size={14} />}
        value={value.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        error={value.search.length > SEARCH_LIMIT ? `At most ${SEARCH_LIMIT} characters.` : undefined}
        w={220}
        data-testid="filter-search"
      />
    </Group>
  );
}

function DetectedControl({
  value,
  onChange,
}: {
  value: FindingFilters['detected'];
  onChange(v: FindingFilters['detected']): void;
}) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        Detected
      </Text>
      <SegmentedControl
        aria-label="Detected"
        value={value}
        onChange={(v) => onChange(v as FindingFilters['detected'])}
        data={[
          { value: 'current', label: 'Still' },
          { value: 'cleared', label: 'No longer' },
          { value: 'all', label: 'All' },
        ]}
      />
    </Stack>
  );
}
