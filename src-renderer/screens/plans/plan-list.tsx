/** The instance's plans: state, counts, risk, when; "New plan" opens the builders. */
import { Button, EmptyState, Group, Loader, Paper, Text } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { DescribeChangeBox } from './describe-change-box';
import { NewPlanModal } from './new-plan-modal';
import { PlansTable } from './plans-table';

export function PlanList({ instance, onOpen }: { instance: Instance; onOpen: (planId: string) => void }) {
  const plans = useApiQuery('plans:list', { instanceId: instance.id });
  const [building, setBuilding] = useState(false);
  const rows = plans.data ?? [];

  return (
    <>
      <DescribeChangeBox instance={instance} onBuilt={onOpen} />
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {rows.length > 0 ? `${formatNumber(rows.length)} plans on ${instance.name}` : ''}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setBuilding(true)} data-testid="new-plan">
          New plan
        </Button>
      </Group>
      {plans.isLoading ? (
        <Loader size="sm" aria-label="Loading plans" />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl" data-testid="plans-empty">
          <EmptyState
            icon={<IconListCheck size={28} />}
            variant="light"
            title="No plans yet"
            description="No plans yet — build one from a filter, a CSV or by hand."
          />
          <Group justify="center" mt="md">
            <Button onClick={() => setBuilding(true)}>Build a plan</Button>
          </Group>
        </Paper>
      ) : (
        <PlansTable plans={rows} onOpen={onOpen} />
      )}
      <NewPlanModal instance={instance} opened={building} onClose={() => setBuilding(false)} onBuilt={onOpen} />
    </>
  );
}
