/** One role in the roles table: name and badges, holders, assignments, departments, the privileged switch. */
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import type { RoleRow } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';
import { PrivilegedControl } from './privileged-control';
import { RoleDepartmentsCell } from './role-departments-cell';

export function RolesTableRow({ role: r, instanceId }: { role: RoleRow; instanceId: string }) {
  const [, navigate] = useLocation();
  return (
    <Table.Tr
      data-testid="role-row"
      data-role-id={r.id}
      data-holders={r.holders}
      style={{ cursor: 'pointer' }}
      onClick={() => navigate(`/roles/${r.id}`)}
    >
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Anchor href={`#/roles/${r.id}`} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
            {r.name}
          </Anchor>
          {r.utaOnly && <Badge color="gray">UTA only</Badge>}
          {r.removed && <Badge color="red">Removed</Badge>}
        </Group>
        <Text size="xs" c="dimmed" lineClamp={1} title={r.description}>
          {r.description}
          {r.privileged === null && r.suggestedReasons.length > 0 && (
            <Text span size="xs" c="yellow.7">
              {' '}
              · looks privileged: {r.suggestedReasons.join('; ')}
            </Text>
          )}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{formatNumber(r.holders)}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.assignments)}</Table.Td>
      <Table.Td maw={260} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        <RoleDepartmentsCell instanceId={instanceId} role={r} />
      </Table.Td>
      <Table.Td>
        <PrivilegedControl instanceId={instanceId} role={r} />
      </Table.Td>
    </Table.Tr>
  );
}
