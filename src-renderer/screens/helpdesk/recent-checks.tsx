/** Earlier troubleshooter outcomes of the instance, newest first; a click shows one again. */
import { Badge, EmptyState, Loader, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { HelpdeskOutcomeRow, Instance } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { setHelpdeskView } from './helpdesk-store';

function open(instanceId: string, o: HelpdeskOutcomeRow) {
  setHelpdeskView(instanceId, {
    tab: 'troubleshoot',
    outcomeId: o.id,
    personId: o.personId,
    personLabel: o.personName,
    targetKind: o.target.kind,
    programId: o.target.kind === 'program' ? o.target.id : null,
    roleId: o.target.kind === 'role' ? o.target.id : null,
  });
}

export function RecentChecks({ instance }: { instance: Instance }) {
  const history = useApiQuery('helpdesk:history', { instanceId: instance.id, limit: 100 });
  if (history.isLoading) return <Loader size="sm" aria-label="Loading earlier checks" />;
  const rows = history.data ?? [];
  if (rows.length === 0)
    return (
      <EmptyState
        icon={<IconHistory size={28} />}
        title="No checks yet"
        description="Run the troubleshooter on a person: every check is kept here, with the fix plan made from it."
      />
    );
  return (
    <Table highlightOnHover data-testid="helpdesk-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>Checked</Table.Th>
          <Table.Th>Person and target</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th w={200}>Fix plan</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((o) => (
          <Table.Tr
            key={o.id}
            style={{ cursor: 'pointer' }}
            tabIndex={0}
            onClick={() => open(instance.id, o)}
            onKeyDown={(e) => e.key === 'Enter' && open(instance.id, o)}
            data-testid="helpdesk-history-row"
          >
            <Table.Td>{o.checkedAt.slice(0, 16).replace('T', ' ')}</Table.Td>
            <Table.Td>
              {o.personName} · {o.target.name}
            </Table.Td>
            <Table.Td>
              {o.failed.length === 0 ? (
                <Badge color="green" variant="light">
                  All passed
                </Badge>
              ) : (
                <Text size="sm" lineClamp={2}>
                  {o.summary}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{o.plan ? `${o.plan.title.slice(0, 40)} (${o.plan.state.replace('_', ' ')})` : '–'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
