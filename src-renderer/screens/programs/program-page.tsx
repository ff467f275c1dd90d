/**
 * One program (`#/programs/<id>`): its assignments (person and UTA role), with a count per role
 * and a filter, and the actions into the current draft: add reviewers or applicants, take the
 * ticked assignments off. Assignments can run to thousands, so the list is virtualized.
 */
import { Alert, Anchor, Badge, Checkbox, Chip, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import type { Instance, ProgramAssignmentRow, ProgramRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { BrowseGate } from '../../components/browse/browse-gate';
import { FullHeight, Grow } from '../../components/browse/full-height';
import { VirtualTable, type VirtualColumn } from '../../components/virtual-table/virtual-table';
import { countOf, formatNumber } from '../../lib/format';
import { ProgramActions } from './program-actions';
import { programStatusColor } from './program-status';
import { useAssignmentFilters } from './use-assignment-filters';

/** The assignment columns, with a tick box first (rows are memoized on the columns, so they follow the ticks). */
function columnsWith(ticked: ReadonlySet<number>, toggle: (id: number, on: boolean) => void) {
  const tick: VirtualColumn<ProgramAssignmentRow> = {
    id: 'tick',
    header: '',
    width: '40px',
    cell: (a) => (
      <Checkbox
        size="xs"
        aria-label={`Tick ${a.personName ?? a.personId} (${a.roleName ?? a.roleId})`}
        checked={ticked.has(a.associationId)}
        onChange={(e) => toggle(a.associationId, e.currentTarget.checked)}
        onClick={(e) => e.stopPropagation()}
        data-testid="assignment-checkbox"
      />
    ),
  };
  return [tick, ...COLUMNS];
}

const COLUMNS: VirtualColumn<ProgramAssignmentRow>[] = [
  { id: 'person', header: 'Person', width: 'minmax(180px, 2fr)', cell: (a) => a.personName ?? `#${a.personId}` },
  {
    id: 'role',
    header: 'Role on the program (UTA)',
    width: 'minmax(160px, 1.5fr)',
    cell: (a) => a.roleName ?? `Role ${a.roleId}`,
  },
  { id: 'id', header: 'Association ID', width: '130px', align: 'right', cell: (a) => a.associationId },
];

const assignmentRowAttributes = (a: ProgramAssignmentRow) => ({
  'data-testid': 'assignment-row',
  'data-person-id': a.personId,
});

export function ProgramPage() {
  const params = useParams<{ id: string }>();
  const programId = Number(params.id);
  return (
    <FullHeight testId="screen-program">
      <Anchor href="#/programs" size="sm" w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Programs
        </Group>
      </Anchor>
      <BrowseGate what="programs">
        {(instance) => <ProgramDetails instance={instance} programId={programId} />}
      </BrowseGate>
    </FullHeight>
  );
}

function ProgramDetails({ instance, programId }: { instance: Instance; programId: number }) {
  const [, navigate] = useLocation();
  const programs = useApiQuery('programs:list', { instanceId: instance.id });
  const assignments = useApiQuery(
    'programs:assignments',
    { instanceId: instance.id, programId },
    { enabled: Number.isSafeInteger(programId) },
  );
  const program = programs.data?.find((p) => p.id === programId);
  const { all, byRole, rows, filter, setFilter, role, setRole } = useAssignmentFilters(assignments.data);
  const { ticked, setTicked, columns } = useTicks();

  if (programs.isLoading || assignments.isLoading) return <Loader size="sm" aria-label="Loading the program" />;
  if (!program) {
    return (
      <Alert color="yellow" title="This program is not in the mirror">
        It may have been removed on the server.
      </Alert>
    );
  }
  return (
    <>
      <ProgramHeading program={program} />
      <ProgramActions
        instanceId={instance.id}
        program={program}
        all={all}
        selected={all.filter((a) => ticked.has(a.associationId))}
        onClearSelection={() => setTicked(new Set())}
      />
      <Group gap="sm">
        <TextInput
          aria-label="Filter assignments by person"
          placeholder="Filter by person"
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={280}
        />
        <Chip.Group value={role ?? ''} onChange={(v) => setRole((v as string) || null)}>
          <Group gap={6}>
            {byRole.map(([name, n]) => (
              <Chip key={name} value={name} size="xs" onClick={() => name === role && setRole(null)}>
                {name} {formatNumber(n)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <Grow>
        <VirtualTable<ProgramAssignmentRow>
          label={`Assignments on ${program.name}`}
          columns={columns}
          count={rows.length}
          getRow={(i) => rows[i]}
          getRowKey={(i) => rows[i]?.associationId ?? i}
          onOpen={(a) => navigate(`/people/${a.personId}`)}
          rowAttributes={assignmentRowAttributes}
          attributes={{ 'data-testid': 'assignments-table' }}
          empty={
            <Text size="sm" c="dimmed">
              {all.length === 0 ? 'Nobody is assigned to this program.' : 'No assignment matches.'}
            </Text>
          }
        />
      </Grow>
    </>
  );
}

/** Which assignments are ticked, and the columns that show it. */
function useTicks() {
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const columns = useMemo(
    () =>
      columnsWith(ticked, (id, on) =>
        setTicked((old) => {
          const next = new Set(old);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      ),
    [ticked],
  );
  return { ticked, setTicked, columns };
}

function ProgramHeading({ program }: { program: ProgramRow }) {
  return (
    <Stack gap={4} data-testid="program-page" data-program-id={program.id}>
      <Group gap="sm">
        <Title order={1}>{program.name}</Title>
        {program.status && <Badge color={programStatusColor(program.status)}>{program.status}</Badge>}
        {program.type && <Badge color="gray">{program.type}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">
        {program.ownerId ? (
          <>
            Owner{' '}
            <Anchor href={`#/people/${program.ownerId}`} size="sm">
              {program.ownerName ?? `#${program.ownerId}`}
            </Anchor>{' '}
            ·{' '}
          </>
        ) : null}
        {countOf(program.assignments, 'assignment')} naming {countOf(program.people, 'person', 'people')}
      </Text>
    </Stack>
  );
}
