/**
 * Programs (Level 1 records): owner, UTA assignments and the people they name. A program's page
 * lists its assignments.
 */
import { EmptyState, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFolders, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { countOf } from '../../lib/format';
import { ProgramsTableRow } from './programs-table-row';

export function ProgramsScreen() {
  return (
    <Stack gap="md" data-testid="screen-programs">
      <ScreenHeader
        title="Programs"
        description="The programs of the active instance and who is assigned to them (UTA roles)."
      />
      <BrowseGate what="programs">{(instance) => <ProgramsBrowser key={instance.id} instance={instance} />}</BrowseGate>
    </Stack>
  );
}

function ProgramsBrowser({ instance }: { instance: Instance }) {
  const programs = useApiQuery('programs:list', { instanceId: instance.id });
  const [filter, setFilter] = useState('');
  const all = programs.data ?? [];
  const q = filter.trim().toLowerCase();
  const visible = q
    ? all.filter((p) => `${p.name} ${p.type ?? ''} ${p.status ?? ''} ${p.ownerName ?? ''}`.toLowerCase().includes(q))
    : all;

  return (
    <Stack gap="sm">
      <TextInput
        aria-label="Filter programs"
        placeholder="Filter by name, type, status or owner"
        leftSection={<IconSearch size={16} />}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
        w={360}
      />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={800}>
          <Table data-testid="programs-table" aria-label="Programs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Program</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th ta="right">Assignments</Table.Th>
                <Table.Th ta="right">People</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((p) => (
                <ProgramsTableRow key={p.id} program={p} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!programs.isLoading && visible.length === 0 && (
          <EmptyState
            py="lg"
            icon={<IconFolders size={28} />}
            title={all.length === 0 ? 'No programs in the mirror' : 'No program matches'}
            description={all.length === 0 ? 'The last sync brought no programs.' : 'Change the filter to see more.'}
          />
        )}
      </Paper>
      {visible.length > 0 && (
        <Text size="xs" c="dimmed">
          {countOf(visible.length, 'program')} shown. An assignment is a person with a UTA role on the program; one
          person can hold several.
        </Text>
      )}
    </Stack>
  );
}
