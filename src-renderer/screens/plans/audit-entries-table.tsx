/** The audit trail's newest entries: number, when, who, what, and the details on one line. */
import { Badge, Code, Paper, Table, Text } from '@mantine/core';
import type { ResultOf } from '../../../src-preload/contract';
import { dayTime } from '../../lib/format';

type AuditEntryRow = ResultOf<'audit:list'>['entries'][number];

export function AuditEntriesTable({ entries }: { entries: AuditEntryRow[] }) {
  return (
    <Paper withBorder>
      <Table verticalSpacing={4} data-testid="audit-entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td>{e.seq}</Table.Td>
              <Table.Td>
                <Text size="xs">{dayTime(e.at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{e.actor}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm">
                  {e.action}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Code
                  style={{
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    display: 'block',
                    maxWidth: 420,
                  }}
                >
                  {JSON.stringify(e.details)}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
