/** One program in the programs table: name, type, status, owner, assignments and people. */
import { Anchor, Badge, Table } from '@mantine/core';
import { useLocation } from 'wouter';
import type { ResultOf } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';
import { programStatusColor } from './program-status';

type ProgramListRow = ResultOf<'programs:list'>[number];

export function ProgramsTableRow({ program: p }: { program: ProgramListRow }) {
  const [, navigate] = useLocation();
  return (
    <Table.Tr
      data-testid="program-row"
      data-program-id={p.id}
      style={{ cursor: 'pointer' }}
      onClick={() => navigate(`/programs/${p.id}`)}
    >
      <Table.Td>
        <Anchor href={`#/programs/${p.id}`} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
          {p.name}
        </Anchor>
        {p.removed && (
          <Badge ml={6} color="red">
            Removed
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{p.type ?? '—'}</Table.Td>
      <Table.Td>{p.status ? <Badge color={programStatusColor(p.status)}>{p.status}</Badge> : '—'}</Table.Td>
      <Table.Td>
        {p.ownerId ? (
          <Anchor href={`#/people/${p.ownerId}`} size="sm" onClick={(e) => e.stopPropagation()}>
            {p.ownerName ?? `#${p.ownerId}`}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td ta="right">{formatNumber(p.assignments)}</Table.Td>
      <Table.Td ta="right">{formatNumber(p.people)}</Table.Td>
    </Table.Tr>
  );
}
