/** The troubleshooter's checks in the order they ran: result, what was found, and what to change. */
import { Badge, Table, Text } from '@mantine/core';
import type { HelpdeskCheck } from '../../../src-preload/contract';

const RESULT: Record<HelpdeskCheck['result'], { label: string; color: string }> = {
  pass: { label: 'Passed', color: 'green' },
  fail: { label: 'Failed', color: 'red' },
  skip: { label: 'Skipped', color: 'gray' },
};

export function ChecksTable({ checks }: { checks: HelpdeskCheck[] }) {
  return (
    <Table verticalSpacing="xs" data-testid="helpdesk-checks" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>#</Table.Th>
          <Table.Th w={210}>Check</Table.Th>
          <Table.Th w={120}>Result</Table.Th>
          <Table.Th>What was found, and what to change</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {checks.map((c, i) => (
          <Table.Tr
            key={c.id}
            data-testid="check-row"
            data-check={c.id}
            data-result={c.result}
            opacity={c.result === 'skip' ? 0.55 : 1}
          >
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td fw={500}>{c.label}</Table.Td>
            <Table.Td>
              <Badge color={RESULT[c.result].color} variant={c.result === 'fail' ? 'filled' : 'light'}>
                {RESULT[c.result].label}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{c.finding}</Text>
              {c.advice && (
                <Text size="sm" c={c.fix === 'outside' ? 'orange.8' : 'blue.8'} mt={2}>
                  {c.fix === 'outside' ? 'Outside Admin Desk: ' : 'Fix: '}
                  {c.advice}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
