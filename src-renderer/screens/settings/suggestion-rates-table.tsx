/** "AI suggestions": per kind, how many were made and how often the administrator took them. */
import { Table, Text } from '@mantine/core';
import type { AcceptanceRate } from '../../../src-preload/contract';
import { KIND_LABELS, formatRate, ratesByKind } from './ai-settings-model';

export const NO_SUGGESTIONS_YET =
  'No AI suggestions yet. They appear as you use onboarding, reviews and the help desk.';

export function SuggestionRatesTable({ rates }: { rates: AcceptanceRate[] }) {
  if (!rates.some((r) => r.suggested > 0)) {
    return (
      <Text size="sm" c="dimmed" data-testid="ai-rates-empty">
        {NO_SUGGESTIONS_YET}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="ai-rates-table" aria-label="AI suggestions by kind">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Suggested</Table.Th>
            <Table.Th ta="right">Accepted</Table.Th>
            <Table.Th ta="right">Edited</Table.Th>
            <Table.Th ta="right">Rejected</Table.Th>
            <Table.Th ta="right">Acceptance rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ratesByKind(rates).map((r) => (
            <Table.Tr key={r.kind} data-kind={r.kind}>
              <Table.Td>{KIND_LABELS[r.kind]}</Table.Td>
              <Table.Td ta="right">{r.suggested.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{r.accepted.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{r.edited.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{r.rejected.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{formatRate(r.rate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
