/** The AI record, looked at: acceptance per suggestion kind by month, the overrides, and the fairness check across groups. */
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../api';
import { dayTime, formatNumber } from '../../lib/format';

const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)}%`);

export function AiRecordPanel({ instanceId }: { instanceId: string }) {
  const record = useApiQuery('reviews:aiRecord', { instanceId });
  const r = record.data;
  if (!r) return <Text size="sm">Reading the record…</Text>;
  return (
    <Stack gap="md" data-testid="ai-record-panel">
      <Paper withBorder p="sm">
        <Title order={4} mb="xs">
          Acceptance by month
        </Title>
        {r.rates.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing decided yet.
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Suggestion</Table.Th>
                <Table.Th>Month</Table.Th>
                <Table.Th ta="right">Suggested</Table.Th>
                <Table.Th ta="right">Decided</Table.Th>
                <Table.Th ta="right">Accepted</Table.Th>
                <Table.Th ta="right">Overridden</Table.Th>
                <Table.Th ta="right">Rate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.rates.map((p) => (
                <Table.Tr key={`${p.kind} ${p.month}`}>
                  <Table.Td>{p.kind}</Table.Td>
                  <Table.Td>{p.month}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.suggested)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.decided)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.accepted)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.overridden)}</Table.Td>
                  <Table.Td ta="right">{pct(p.rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Fairness record={r} />
      <Paper withBorder p="sm">
        <Title order={4} mb="xs">
          Decided against the recommendation
        </Title>
        {r.overrides.length === 0 ? (
          <Text size="sm" c="dimmed">
            No overrides yet.
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {r.overrides.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.decidedAt ? dayTime(o.decidedAt) : ''}</Table.Td>
                  <Table.Td>{o.personName}</Table.Td>
                  <Table.Td>{o.target}</Table.Td>
                  <Table.Td>
                    {o.recommendation} → {o.decision} by {o.decidedBy}
                    {o.decisionReason ? `: "${o.decisionReason}"` : ''}
                  </Table.Td>
                  <Table.Td>{o.campaignName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

function Fairness({ record: r }: { record: NonNullable<ReturnType<typeof useApiQuery<'reviews:aiRecord'>>['data']> }) {
  return (
    <Paper withBorder p="sm">
      <Title order={4}>Fairness across groups</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {r.method}
      </Text>
      <Table data-testid="fairness">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th ta="right">Items</Table.Th>
            <Table.Th ta="right">Recommended revoke</Table.Th>
            <Table.Th ta="right">Accepted</Table.Th>
            <Table.Th ta="right">Past human revoke rate</Table.Th>
            <Table.Th>Gaps</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.fairness.map((g) => (
            <Table.Tr key={`${g.dimension} ${g.group}`}>
              <Table.Td>{g.group}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.items)}</Table.Td>
              <Table.Td ta="right">{pct(g.revokeRate)}</Table.Td>
              <Table.Td ta="right">{pct(g.acceptanceRate)}</Table.Td>
              <Table.Td ta="right">{pct(g.historicalRevokeRate)}</Table.Td>
              <Table.Td>
                {g.flags.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    none
                  </Text>
                ) : (
                  g.flags.map((f) => (
                    <Badge key={f} color="orange" variant="light" size="sm" style={{ textTransform: 'none' }}>
                      {f}
                    </Badge>
                  ))
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
