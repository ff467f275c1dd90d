/** The trail's filters: who, what kind, which plan, a date range, and words. */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { AuditKind, AuditTrailPage } from '../../../src-preload/contract';

export interface TrailFilterValues {
  actor: string | null;
  kind: AuditKind | null;
  planId: string | null;
  from: string;
  to: string;
  q: string;
}

export const NO_FILTERS: TrailFilterValues = { actor: null, kind: null, planId: null, from: '', to: '', q: '' };

export const KIND_LABEL: Record<AuditKind | 'other', string> = {
  plans: 'Plans built and edited',
  approvals: 'Approvals',
  apply: 'Applies',
  exchange: 'Exports and imports',
  settings: 'Settings',
  roles: 'Privileged roles',
  other: 'Other',
};

export const SEARCH_LIMIT = 200;

interface Props {
  value: TrailFilterValues;
  onChange: (next: TrailFilterValues) => void;
  options: Pick<AuditTrailPage, 'actors' | 'plans'> | undefined;
}

export function TrailFilters({ value, onChange, options }: Props) {
  const set = (patch: Partial<TrailFilterValues>) => onChange({ ...value, ...patch });
  const tooLong = value.q.length > SEARCH_LIMIT;
  return (
    <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Person, plan, reason..."
        leftSection={<IconSearch size={14} />}
        value={value.q}
        onChange={(e) => set({ q: e.currentTarget.value })}
        error={tooLong ? `Search is limited to ${SEARCH_LIMIT} characters.` : null}
        w={200}
        data-testid="trail-search"
      />
      <Select
        label="Who"
        placeholder="Anyone"
        data={options?.actors ?? []}
        value={value.actor}
        onChange={(actor) => set({ actor })}
        clearable
        searchable
        w={170}
        data-testid="trail-actor"
      />
      <Select
        label="Kind"
        placeholder="Everything"
        data={Object.entries(KIND_LABEL)
          .filter(([k]) => k !== 'other')
          .map(([k, label]) => ({ value: k, label }))}
        value={value.kind}
        onChange={(kind) => set({ kind: kind as AuditKind | null })}
        clearable
        w={170}
        data-testid="trail-kind"
      />
      <Select
        label="Plan"
        placeholder="Any plan"
        data={(options?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))}
        value={value.planId}
        onChange={(planId) => set({ planId })}
        clearable
        searchable
        w={180}
        data-testid="trail-plan"
      />
      <TextInput
        label="From"
        type="date"
        value={value.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
        w={140}
        data-testid="trail-from"
      />
      <TextInput
        label="To"
        type="date"
        value={value.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
        w={140}
        data-testid="trail-to"
      />
      <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </Button>
    </Group>
  );
}
