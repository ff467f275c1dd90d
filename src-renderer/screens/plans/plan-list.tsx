/** The instance's plans: state, counts, risk, when; "New plan" opens the builders. */
import { Badge, Button, EmptyState, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { ago, dayTime, formatNumber } from '../../lib/format';
import { NewPlanModal } from './new-plan-modal';
import { STATE_COLOR, STATE_LABEL } from './plan-format';

export function PlanList({ instance, onOpen }: { instance: Instance; onOpen: (planId: string) => void }) {
  const plans = useApiQuery('plans:list', { instanceId: instance.id });
  const [building, setBuilding] = useState(false);
  const rows = plans.data ?? [];

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {rows.length > 0 ? `${formatNumber(rows.length)} plans on ${instance.name}` : ''}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setBuilding(true)} data-testid="new-plan">
          New plan
        </Button>
      </Group>
      {plans.isLoading ? (
        <Loader size="sm" aria-label="Loading plans" />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl" data-testid="plans-empty">
          <EmptyState
            icon={<IconListCheck size={28} />}
            variant="light"
            title="No plans yet"
            description="No plans yet — build one from a filter, a CSV or by hand."
          />
          <Group justify="center" mt="md">
            <Button onClick={() => setBuilding(true)}>Build a plan</Button>
          </Group>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="xs" data-testid="plans-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Plan</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th ta="right">Operations</Table.Th>
                <Table.Th ta="right">People</Table.Th>
                <Table.Th ta="right">Approved</Table.Th>
                <Table.Th>Risk</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr
                  key={p.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onOpen(p.id)}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(p.id)}
                  aria-label={`Open plan ${p.title}`}
                  data-testid="plan-row"
                >
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {p.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.origin === 'undo' ? 'Undo plan' : `From ${p.origin}`} · by {p.createdBy}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOR[p.state]} variant="light">
                      {STATE_LABEL[p.state]}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(p.operations)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.people)}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(p.approved)} / {formatNumber(p.operations)}
                  </Table.Td>
                  <Table.Td>
                    {p.privileged > 0 ? (
                      <Badge color="red" variant="light">
                        {p.privileged} privileged
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{dayTime(p.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {ago(p.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <NewPlanModal instance={instance} opened={building} onClose={() => setBuilding(false)} onBuilt={onOpen} />
    </>
  );
}
