/**
 * Licence use from the mirror: seats by type at the cost the administrator sets, dormant
 * accounts, the concurrent-session peak by hour of day (a chart), the user types in use, the
 * recommendations with the yearly saving, and a draft plan from them.
 */
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { LicenseReport, SeatType } from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';

const money = (n: number, currency: string) => `${currency} ${formatNumber(Math.round(n))}`;

export function LicensesPanel({ instanceId }: { instanceId: string }) {
  const report = useApiQuery('licenses:report', { instanceId });
  const update = useApiMutation('licenses:updateSettings');
  const plan = useApiMutation('licenses:makePlan');
  const r = report.data;
  if (!r) return <Text size="sm">Counting licences…</Text>;
  const setCost = (type: SeatType, v: number | string) =>
    update.mutate({ instanceId, settings: { costs: { ...r.settings.costs, [type]: Number(v) || 0 } } });
  return (
    <Stack gap="md" data-testid="licenses-panel">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SeatsTable report={r} onCost={setCost} />
        <PeakChart report={r} />
      </SimpleGrid>
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={4}>Recommendations</Title>
          <Group gap="xs">
            <TextInput
              size="xs"
              type="date"
              aria-label="Renewal day"
              label="Licence renews on"
              value={r.settings.renewalOn ?? ''}
              onChange={(e) => update.mutate({ instanceId, settings: { renewalOn: e.currentTarget.value || null } })}
            />
            <Button
              size="xs"
              onClick={() => plan.mutate({ instanceId })}
              loading={plan.isPending}
              data-testid="licenses-plan"
            >
              Make a plan
            </Button>
          </Group>
        </Group>
        <Recommendations report={r} />
        {plan.data && (
          <Alert color="green" mt="xs">
            Draft plan &quot;{plan.data.plan.title}&quot; with {formatNumber(plan.data.added)} operations: review and
            approve it in Plans.
          </Alert>
        )}
        {(plan.error ?? update.error) && <Alert color="red">{(plan.error ?? update.error)!.message}</Alert>}
      </Paper>
    </Stack>
  );
}

function SeatsTable({
  report: r,
  onCost,
}: {
  report: LicenseReport;
  onCost: (t: SeatType, v: number | string) => void;
}) {
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        {formatNumber(r.licensed)} licensed accounts
      </Title>
      <Table data-testid="license-seats">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Seat type</Table.Th>
            <Table.Th ta="right">Accounts</Table.Th>
            <Table.Th w={140}>Cost a year ({r.settings.currency})</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.seats.map((s) => (
            <Table.Tr key={s.type}>
              <Table.Td>{s.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(s.accounts)}</Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  min={0}
                  aria-label={`Cost of a ${s.label} seat`}
                  defaultValue={s.costPerYear}
                  onBlur={(e) => onCost(s.type, e.currentTarget.value.replace(/[^\d.]/g, ''))}
                />
              </Table.Td>
              <Table.Td ta="right">{money(s.total, r.settings.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        {formatNumber(r.dormant.accounts)} without a sign-in for {r.dormant.days} days (
        {formatNumber(r.dormant.neverSignedIn)} never signed in). User types:{' '}
        {r.userTypes.map((u) => `${u.label} ${formatNumber(u.accounts)}`).join(', ')}.
      </Text>
    </Paper>
  );
}

function PeakChart({ report: r }: { report: LicenseReport }) {
  const data = r.peak.byHour.map((h) => ({ hour: `${String(h.hour).padStart(2, '0')}:00`, Peak: h.peak }));
  return (
    <Paper withBorder p="sm">
      <Title order={4}>Concurrent sessions by hour (UTC)</Title>
      <Text size="xs" c="dimmed" mb="xs">
        Peak {formatNumber(r.peak.overall.sessions)}
        {r.peak.overall.at ? ` at ${r.peak.overall.at}` : ''} over {r.window.months} months of{' '}
        {formatNumber(r.peak.sessions)} sessions (a session with no end counts {r.peak.openSessionMinutes} minutes).
      </Text>
      <BarChart
        h={220}
        data={data}
        dataKey="hour"
        series={[{ name: 'Peak', color: 'blue.6' }]}
        data-testid="peak-chart"
      />
    </Paper>
  );
}

function Recommendations({ report: r }: { report: LicenseReport }) {
  return (
    <Table data-testid="license-recommendations">
      <Table.Tbody>
        {r.recommendations.map((x) => (
          <Table.Tr key={x.kind}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {x.title}
              </Text>
              <Text size="xs" c="dimmed">
                {x.detail}
                {x.plannable ? '' : ' (not in a plan: SmartSimple cannot do it through the API)'}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{formatNumber(x.accounts)} accounts</Table.Td>
            <Table.Td ta="right">{money(x.saving, r.settings.currency)}/year</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={600}>Projected saving</Table.Td>
          <Table.Td ta="right">{formatNumber(r.saving.seats)} seats</Table.Td>
          <Table.Td ta="right" fw={600} data-testid="license-saving">
            {money(r.saving.perYear, r.saving.currency)}/year
          </Table.Td>
        </Table.Tr>
        {r.renewal && (
          <Table.Tr>
            <Table.Td colSpan={3}>
              Renewal on {r.renewal.on} ({r.renewal.daysLeft} days): {formatNumber(r.renewal.seatsNow)} seats now,{' '}
              {formatNumber(r.renewal.seatsAtRenewal)} if the recommendations are applied before it.
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
