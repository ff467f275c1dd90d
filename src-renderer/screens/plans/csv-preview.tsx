/**
 * What a CSV would do, before any plan exists: rows, matches, the operations it would add, and
 * each problem with its line, the row's values and the column at fault highlighted.
 */
import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { CsvPreviewResult, CsvProblem } from '../../../src-preload/contract';
import { countOf, formatNumber } from '../../lib/format';

const SHOWN = 100;

export function CsvPreview({ result }: { result: CsvPreviewResult }) {
  const problems = [...result.unmatched, ...result.problems].sort((a, b) => a.line - b.line);
  const clean = problems.length === 0;
  return (
    <Alert
      color={clean ? 'teal' : 'yellow'}
      icon={clean ? <IconCircleCheck /> : <IconAlertTriangle />}
      title={`${formatNumber(result.rows)} rows, ${formatNumber(result.matched)} matched: ${countOf(result.added, 'operation')} for ${countOf(result.people, 'person', 'people')}`}
      data-testid="csv-preview"
    >
      <Stack gap="xs">
        <Text size="sm">
          {clean
            ? 'No problems. No plan exists yet: Build makes it.'
            : `${problems.length} ${problems.length === 1 ? 'row has a problem' : 'rows have problems'}; they are left out. No plan exists yet: fix the file and check again, or build from the rows that work.`}
        </Text>
        {!clean && <ProblemsTable header={result.header} problems={problems.slice(0, SHOWN)} />}
        {problems.length > SHOWN && (
          <Text size="xs" c="dimmed">
            The first {SHOWN} of {problems.length} problems are shown.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function ProblemsTable({ header, problems }: { header: string[]; problems: CsvProblem[] }) {
  return (
    <ScrollArea.Autosize mah={260} type="auto">
      <Table withTableBorder verticalSpacing={2} fz="xs" data-testid="csv-problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>Line</Table.Th>
            {header.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={`${p.line}-${i}`} data-testid="csv-problem-row">
              <Table.Td>
                <Badge size="sm" variant="light" color="yellow">
                  {p.line}
                </Badge>
              </Table.Td>
              {header.map((h, j) => (
                <Table.Td
                  key={h}
                  bg={p.field === h ? 'var(--mantine-color-red-light)' : undefined}
                  data-problem={p.field === h ? 'true' : undefined}
                >
                  {p.cells?.[j] ?? ''}
                </Table.Td>
              ))}
              <Table.Td>
                <Group gap={4}>
                  <Text size="xs">{p.message}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
