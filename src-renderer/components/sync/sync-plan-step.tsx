/**
 * Before a sync starts: what it will fetch and what it costs in API calls against the hourly
 * budget ("About 42 calls; 958 left this hour"), then an explicit Start. Planning itself spends a
 * few count calls, so it runs only when this step is shown, never in the background.
 */
import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay, IconPlayerTrackNext } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance, JobInfo, SyncPlan } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS, useApiMutation, useApiQuery } from '../../api';
import { countOf, formatNumber } from '../../lib/format';
import {
  ENTITY_LABELS,
  KIND_EXPLANATIONS,
  KIND_LABELS,
  MODE_OPTIONS,
  type SyncModeName,
  PHASE_LABELS,
} from './sync-labels';

interface SyncPlanStepProps {
  instance: Instance;
  onStarted: (job: JobInfo, plan: SyncPlan) => void;
  onClose: () => void;
}

export function SyncPlanStep({ instance, onStarted, onClose }: SyncPlanStepProps) {
  const [mode, setMode] = useState<SyncModeName>('auto');
  const input = { instanceId: instance.id, ...(mode === 'auto' ? {} : { mode }) };
  const start = useApiMutation('sync:start', { meta: { errorTitle: 'The sync did not start' } });
  // Never cached: a plan is only true for the moment it was made. Off once Start is pressed:
  // starting announces a change to `sync`, which must not re-plan (and spend calls) again.
  const plan = useApiQuery('sync:plan', input, {
    staleTime: Infinity,
    gcTime: 0,
    meta: { silent: true },
    enabled: start.isIdle || start.isError,
  });

  const begin = () => {
    if (!plan.data) return;
    const made = plan.data;
    start.mutate(input, { onSuccess: (job) => onStarted(job, made) });
  };

  return (
    <Stack gap="md" data-testid="sync-plan">
      <Select
        label="Kind of sync"
        data={MODE_OPTIONS.map((o) => ({ ...o }))}
        value={mode}
        onChange={(v) => v && setMode(v as SyncModeName)}
        allowDeselect={false}
        w={320}
        disabled={start.isPending}
      />
      {plan.isFetching && !plan.data && (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text size="sm">Asking {instance.name} how much there is to fetch (a few count calls)…</Text>
        </Group>
      )}
      {plan.error && (
        <Alert color="red" icon={<IconAlertTriangle />} title="The sync could not be planned" role="alert">
          <Text size="sm">
            {plan.error.message} {ERROR_NEXT_STEPS[plan.error.code]}
          </Text>
          <Button mt="xs" size="xs" variant="light" color="red" onClick={() => void plan.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {plan.data && <PlanDetails plan={plan.data} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          Not now
        </Button>
        <Button
          data-testid="sync-confirm"
          leftSection={plan.data?.resumes ? <IconPlayerTrackNext size={16} /> : <IconPlayerPlay size={16} />}
          disabled={!plan.data || plan.isFetching}
          loading={start.isPending}
          onClick={begin}
        >
          {plan.data?.resumes ? 'Resume sync' : 'Start sync'}
        </Button>
      </Group>
    </Stack>
  );
}

function PlanDetails({ plan }: { plan: SyncPlan }) {
  const short = plan.callsLeftThisHour !== null && plan.calls > plan.callsLeftThisHour;
  return (
    <Stack gap="sm">
      <Group gap="xs" align="baseline">
        <Badge size="lg" variant="light">
          {KIND_LABELS[plan.kind]}
        </Badge>
        <Text fw={600} data-testid="sync-plan-message">
          {plan.message}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {KIND_EXPLANATIONS[plan.kind]} Counting took {countOf(plan.planningCalls, 'call')}, already spent.
      </Text>
      {plan.resumes && (
        <Alert
          color="blue"
          icon={<IconPlayerTrackNext />}
          title="Continues the sync that did not finish"
          data-testid="sync-resumes"
        >
          Pages already fetched are kept and not fetched again; the calls above are what is left.
        </Alert>
      )}
      {short && (
        <Alert color="yellow" icon={<IconAlertTriangle />} title="More calls than are left this hour">
          The sync will use what is left, wait for the hourly limit, and continue by itself. It says until when while it
          waits.
        </Alert>
      )}
      <Table verticalSpacing={4} withTableBorder aria-label="What the sync will fetch" highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>What</Table.Th>
            <Table.Th ta="right">Records (about)</Table.Th>
            <Table.Th ta="right">Calls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.entities.map((e) => (
            <Table.Tr key={`${e.entity}:${e.phase}`}>
              <Table.Td>
                {ENTITY_LABELS[e.entity]}
                {e.phase !== plan.kind && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({PHASE_LABELS[e.phase]})
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {e.source === 'minimum' && e.records === 0 ? (
                  <Text span size="sm" c="dimmed" title="Not counted beforehand; it comes in one call">
                    —
                  </Text>
                ) : (
                  formatNumber(e.records)
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(e.calls)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
