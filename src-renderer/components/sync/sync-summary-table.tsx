/** What a sync changed in the mirror: added, changed and removed per kind of record. */
import { Table, Text } from '@mantine/core';
import type { SyncRun } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';
import { SUMMARY_LABELS, type SummaryKindName } from './sync-labels';

const KINDS = Object.keys(SUMMARY_LABELS) as SummaryKindName[];

function Cell({ n, color }: { n: number; color: string }) {
  // Zeros are dimmed so the changes stand out in a mostly quiet incremental sync.
  return (
    <Table.Td ta="right">
      <Text size="sm" c={n > 0 ? color : 'dimmed'} fw={n > 0 ? 500 : undefined}>
        {n > 0 ? formatNumber(n) : '–'}
      </Text>
    </Table.Td>
  );
}

export function SyncSummaryTable({ summary }: { summary: SyncRun['summary'] }) {
  return (
    <Table
      withTableBorder
      verticalSpacing={4}
      data-testid="sync-summary-table"
      aria-label="What the sync changed"
      highlightOnHover={false}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Records</Table.Th>
          <Table.Th ta="right">Added</Table.Th>
          <Table.Th ta="right">Changed</Table.Th>
          <Table.Th ta="right">Removed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {KINDS.map((kind) => {
          const c = summary.kinds[kind] ?? { added: 0, changed: 0, removed: 0 };
          return (
            <Table.Tr key={kind} data-kind={kind}>
              <Table.Td>{SUMMARY_LABELS[kind]}</Table.Td>
              <Cell n={c.added} color="teal" />
              <Cell n={c.changed} color="blue" />
              <Cell n={c.removed} color="red" />
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
