/**
 * The People filters: role, organization (with its sub-organizations), access type, status,
 * internal/external, last login and department. Every change applies at once.
 */
import { Autocomplete, Checkbox, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { ACCESS_TYPE_OPTIONS, STATUS_OPTIONS, type PeopleFilterState } from './people-filter-model';
import { LastLoginFields } from './last-login-fields';
import { useFilterOptions } from './use-filter-options';

interface PeopleFiltersProps {
  instanceId: string;
  value: PeopleFilterState;
  onChange: (next: PeopleFilterState) => void;
  /** Departments seen so far, offered as suggestions (the filter is an exact name). */
  departments: string[];
}

export function PeopleFilters({ instanceId, value, onChange, departments }: PeopleFiltersProps) {
  const { roleOptions, orgOptions } = useFilterOptions(instanceId);
  const set = (patch: Partial<PeopleFilterState>) => onChange({ ...value, ...patch });
  const idOrNull = (v: string | null) => (v ? Number(v) : null);

  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs" data-testid="people-filters">
      <Select
        label="Role"
        placeholder="Any role"
        data={roleOptions}
        value={value.roleId === null ? null : String(value.roleId)}
        onChange={(v) => set({ roleId: idOrNull(v) })}
        searchable
        clearable
        nothingFoundMessage="No such role"
      />
      <Stack gap={4}>
        <Select
          label="Organization"
          placeholder="Any organization"
          data={orgOptions}
          value={value.organizationId === null ? null : String(value.organizationId)}
          onChange={(v) => set({ organizationId: idOrNull(v) })}
          searchable
          clearable
          limit={200}
          nothingFoundMessage="No such organization"
        />
        <Checkbox
          size="xs"
          label="With its sub-organizations"
          checked={value.includeSubOrganizations}
          disabled={value.organizationId === null}
          onChange={(e) => set({ includeSubOrganizations: e.currentTarget.checked })}
        />
      </Stack>
      <Select
        label="Access type"
        placeholder="Any access"
        data={ACCESS_TYPE_OPTIONS}
        value={value.accessType}
        onChange={(v) => set({ accessType: v })}
        clearable
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={value.status}
        onChange={(v) => set({ status: v })}
        clearable
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Internal or external
        </Text>
        <SegmentedControl
          aria-label="Internal or external"
          size="xs"
          value={value.kind}
          onChange={(v) => set({ kind: v as PeopleFilterState['kind'] })}
          data={[
            { value: 'all', label: 'Both' },
            { value: 'internal', label: 'Internal' },
            { value: 'external', label: 'External' },
          ]}
        />
      </Stack>
      <Autocomplete
        label="Department"
        placeholder="Any department (exact name)"
        data={departments}
        value={value.department}
        onChange={(v) => set({ department: v })}
      />
      <LastLoginFields value={value} set={set} />
    </SimpleGrid>
  );
}
