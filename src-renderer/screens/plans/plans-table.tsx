/** The instance's plans as rows: title and origin, state, counts, privileged operations, when. */
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import type { ResultOf } from '../../../src-preload/contract';
import { ago, dayTime, formatNumber } from '../../lib/format';
import { RISK_COLOR, STATE_COLOR, STATE_LABEL } from './plan-format';

type PlanListRow = ResultOf<'plans:list'>[number];

export function PlansTable({ plans, onOpen }: { plans: PlanListRow[]; onOpen: (planId: string) => void }) {
  return (
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
          {plans.map((p) => (
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
                <Badge color={STATE_COLOR[p.state]} variant="light" style={{ overflow: 'visible' }} miw="max-content">
                  {STATE_LABEL[p.state]}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(p.operations)}</Table.Td>
              <Table.Td ta="right">{formatNumber(p.people)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(p.approved)} / {formatNumber(p.operations)}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {p.risk ? (
                    <Badge color={RISK_COLOR[p.risk]} variant="light" miw="max-content" data-testid="plan-risk">
                      {p.risk}
                    </Badge>
                  ) : (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                  {p.privileged > 0 && (
                    <Badge color="red" variant="outline">
                      {p.privileged} privileged
                    </Badge>
                  )}
                </Group>
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
  );
}
