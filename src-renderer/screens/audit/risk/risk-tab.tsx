/**
 * Risk: every person's score is a sum of documented contributions, each shown with its points.
 * The distribution as a chart, the top people with what makes their score, and the factors.
 */
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Instance, RiskOverview, RiskPerson } from '../../../../src-preload/contract';
import { useApiQuery } from '../../../api';
import { formatNumber } from '../../../lib/format';

export function RiskTab({ instance }: { instance: Instance }) {
  const [top, setTop] = useState('25');
  const risk = useApiQuery('investigate:risk', { instanceId: instance.id, top: Number(top) });
  if (risk.isLoading) return <Loader size="sm" aria-label="Loading the risk scores" />;
  if (!risk.data) return <Alert color="red">{risk.error?.message ?? 'No risk scores.'}</Alert>;
  const data = risk.data;
  return (
    <Stack gap="md" data-testid="risk-tab">
      {!data.scan.lastScan && (
        <Alert color="yellow">Not scanned yet: risk scores come from the scan that runs after each sync.</Alert>
      )}
      <Distribution data={data} />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={3}>Highest scores</Title>
          <Select
            aria-label="How many"
            value={top}
            onChange={(v) => setTop(v ?? '25')}
            data={['10', '25', '50', '100']}
            w={90}
            allowDeselect={false}
          />
        </Group>
        <TopPeople people={data.top} />
      </Paper>
      <Factors data={data} />
    </Stack>
  );
}

function Distribution({ data }: { data: RiskOverview }) {
  const bands = data.distribution.filter((d) => d.band !== '0');
  return (
    <Paper withBorder p="md" data-testid="risk-distribution">
      <Title order={3} mb={4}>
        Distribution
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {formatNumber(data.scored)} of {formatNumber(data.people)} people score above zero;{' '}
        {formatNumber(data.distribution.find((d) => d.band === '0')?.people ?? 0)} score zero.
      </Text>
      <BarChart
        h={220}
        data={bands.map((d) => ({ band: d.band, people: d.people }))}
        dataKey="band"
        series={[{ name: 'people', label: 'People', color: 'orange.6' }]}
        xAxisLabel="Risk score"
        yAxisLabel="People"
        withTooltip
        tickLine="y"
      />
    </Paper>
  );
}

function Factors({ data }: { data: RiskOverview }) {
  return (
    <Paper withBorder p="md" data-testid="risk-factors">
      <Title order={3} mb={4}>
        How a score is made
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The sum of these points; nothing else goes in.
      </Text>
      <Table verticalSpacing={3}>
        <Table.Tbody>
          {data.factors.map((f) => (
            <Table.Tr key={f.factor}>
              <Table.Td>
                <Text size="sm">{f.label}</Text>
                <Text size="xs" c="dimmed">
                  {f.description}
                </Text>
              </Table.Td>
              <Table.Td w={150}>
                <Text size="xs">{f.points}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function TopPeople({ people }: { people: RiskPerson[] }) {
  if (people.length === 0) return <Text size="sm">Nobody scores above zero.</Text>;
  return (
    <Table striped verticalSpacing="xs" data-testid="risk-top">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>Score</Table.Th>
          <Table.Th w={240}>Person</Table.Th>
          <Table.Th>Contributions (points)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((p) => (
          <Table.Tr key={p.personId} data-testid="risk-person">
            <Table.Td>
              <Text fw={700}>{p.score}</Text>
            </Table.Td>
            <Table.Td>
              <Anchor href={`#/audit/timeline/${p.personId}`} size="sm" fw={500}>
                {p.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[p.title, p.department, p.isExternal ? 'external' : null].filter(Boolean).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {p.contributions.map((c) => (
                  <Group key={c.factor} gap={6} wrap="nowrap">
                    <Badge size="sm" variant="light" color="orange" w={48}>
                      +{c.points}
                    </Badge>
                    <Text size="sm">
                      {c.label}:{' '}
                      <Text span c="dimmed" size="sm">
                        {c.detail}
                      </Text>
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
