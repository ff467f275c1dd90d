/** The result of each operation of an applied plan (the first 500), with the server's message. */
import { Badge, Table, Text } from '@mantine/core';
import type { ResultOf } from '../../../src-preload/contract';
import { RESULT_COLOR, RESULT_LABEL } from './plan-format';

type OperationResult = ResultOf<'plans:result'>['operations'][number];

interface ApplyResultsTableProps {
  operations: OperationResult[];
  names: Map<number | null, string>;
}

export function ApplyResultsTable({ operations, names }: ApplyResultsTableProps) {
  return (
    <Table verticalSpacing={4} data-testid="apply-results">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={50}>#</Table.Th>
          <Table.Th>Operation</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>Message</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {operations.slice(0, 500).map((o) => (
          <Table.Tr key={o.operationId}>
            <Table.Td>{o.seq}</Table.Td>
            <Table.Td>
              <Text size="sm">{o.summary}</Text>
              <Text size="xs" c="dimmed">
                {personLine(o, names)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={RESULT_COLOR[o.state]} variant="light" size="sm">
                {RESULT_LABEL[o.state]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{o.message ?? ''}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Who an operation's row is about. A new person has no person id until the server gives one, and
 * several new people share that empty key in `names`: their name is in the summary, so the line
 * says the id the server gave instead of borrowing another new person's name.
 */
function personLine(o: { personId: number | null; recordid: string | null }, names: Map<number | null, string>) {
  if (o.personId === null) return o.recordid ? `New person, SmartSimple id ${o.recordid}` : 'New person';
  return names.get(o.personId) ?? `person ${o.personId}`;
}
