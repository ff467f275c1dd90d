/**
 * One row per function of a connection test: its status in colour and words (green working,
 * yellow no token, red failed), what we did, and the server's own text when it refused, verbatim,
 * because that text is what SmartSimple support and the instance's own admin will recognise.
 */
import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import type { ConnectionTest, FunctionTestResult } from '../../../src-preload/contract';

export const STATUS_VIEW: Record<FunctionTestResult['status'], { label: string; color: string; variant: string }> = {
  ok: { label: 'Working', color: 'green', variant: 'filled' },
  // A write function is only probed: green, but lighter, so "not run" is still visible.
  accepted: { label: 'Accepted', color: 'green', variant: 'light' },
  'missing-token': { label: 'No token', color: 'yellow', variant: 'filled' },
  failed: { label: 'Failed', color: 'red', variant: 'filled' },
};

export function isWorking(result: FunctionTestResult): boolean {
  return result.status === 'ok' || result.status === 'accepted';
}

export function TestResultsTable({ test }: { test: ConnectionTest }) {
  if (test.results.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="connection-test-results">
        The last test had no functions to call. Add functions below, save, and test again.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        data-testid="connection-test-results"
        aria-label="Connection test results"
        verticalSpacing={6}
        striped
        highlightOnHover
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th>Function</Table.Th>
            <Table.Th w={160}>Action</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th w={80} ta="right">
              Time
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {test.results.map((r) => {
            const view = STATUS_VIEW[r.status];
            return (
              <Table.Tr key={r.name} data-testid="connection-test-row" data-function={r.name} data-status={r.status}>
                <Table.Td>
                  <Badge color={view.color} variant={view.variant}>
                    {view.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {r.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.action}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" c={r.status === 'failed' ? 'red' : undefined}>
                      {r.message}
                    </Text>
                    {r.serverMessage && (
                      <Text size="xs" c="dimmed">
                        SmartSimple said: <Code>{r.serverMessage}</Code>
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="xs" c="dimmed">
                    {r.ms} ms
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
