/**
 * Roles: the catalogue with holders and program assignments, the administrator's privileged flag
 * on each, and suggestions for the undecided ones. A role's page lists its holders and the
 * departments they are in.
 */
import { EmptyState, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch, IconShieldLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Instance, RoleRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { countOf } from '../../lib/format';
import { PrivilegeSuggestions } from './privilege-suggestions';
import { RolesTableRow } from './roles-table-row';

type Show = 'all' | 'yes' | 'no' | 'undecided';
const matchesShow = (r: RoleRow, show: Show) =>
  show === 'all' || (show === 'undecided' ? r.privileged === null : r.privileged === (show === 'yes'));

export function RolesScreen() {
  return (
    <Stack gap="md" data-testid="screen-roles">
      <ScreenHeader
        title="Roles"
        description="The roles of the active instance, who holds them, and which ones are privileged."
      />
      <BrowseGate what="roles">{(instance) => <RolesBrowser key={instance.id} instance={instance} />}</BrowseGate>
    </Stack>
  );
}

function RolesBrowser({ instance }: { instance: Instance }) {
  const roles = useApiQuery('roles:list', { instanceId: instance.id });
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<Show>('all');
  const all = useMemo(() => roles.data ?? [], [roles.data]);
  const q = filter.trim().toLowerCase();
  const visible = all.filter(
    (r) => matchesShow(r, show) && (!q || `${r.name} ${r.description}`.toLowerCase().includes(q)),
  );
  const privileged = all.filter((r) => r.privileged === true).length;
  const undecided = all.filter((r) => r.privileged === null).length;

  return (
    <Stack gap="md">
      <PrivilegeSuggestions instanceId={instance.id} />
      <Group gap="sm">
        <TextInput
          aria-label="Filter roles"
          placeholder="Filter by name or description"
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
          w={320}
        />
        <SegmentedControl
          aria-label="Show roles"
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={[
            { value: 'all', label: `All ${all.length}` },
            { value: 'yes', label: `Privileged ${privileged}` },
            { value: 'no', label: 'Not privileged' },
            { value: 'undecided', label: `Undecided ${undecided}` },
          ]}
        />
      </Group>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={1000}>
          <Table data-testid="roles-table" aria-label="Roles" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                <Table.Th ta="right">Holders</Table.Th>
                <Table.Th ta="right" title="UTA role assignments on programs">
                  Assignments
                </Table.Th>
                <Table.Th>Departments of holders</Table.Th>
                <Table.Th w={260}>Privileged</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((r) => (
                <RolesTableRow key={r.id} role={r} instanceId={instance.id} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!roles.isLoading && visible.length === 0 && (
          <EmptyState
            py="lg"
            icon={<IconShieldLock size={28} />}
            title={all.length === 0 ? 'No roles in the mirror' : 'No role matches'}
            description={all.length === 0 ? 'The last sync brought no roles.' : 'Change the filter, or show all roles.'}
          />
        )}
      </Paper>
      {visible.length > 0 && (
        <Text size="xs" c="dimmed">
          {countOf(visible.length, 'role')} shown. Holders have the role on their profile; program assignments are UTA
          roles on programs.
        </Text>
      )}
    </Stack>
  );
}
