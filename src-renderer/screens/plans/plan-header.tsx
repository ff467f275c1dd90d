/** The top of the plan page: back to the list, title and state, who made it, export, import, discard. */
import { Badge, Button, FileButton, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import type { PlanDetail } from '../../../src-preload/contract';
import { dayTime } from '../../lib/format';
import { STATE_COLOR, STATE_LABEL } from './plan-format';
import type { PlanActions } from './use-plan-actions';
import { confirmDiscard } from './confirm-discard';

interface PlanHeaderProps {
  detail: PlanDetail;
  actions: PlanActions;
  onBack: () => void;
}

export function PlanHeader({ detail, actions, onBack }: PlanHeaderProps) {
  const { plan } = detail;
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4} align="flex-start">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconArrowLeft size={16} />}
          onClick={onBack}
          aria-label="Back to plans"
        >
          All plans
        </Button>
        <div>
          <Group gap="xs">
            <Title order={2}>{plan.title}</Title>
            <Badge color={STATE_COLOR[plan.state]} data-testid="plan-state">
              {STATE_LABEL[plan.state]}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {plan.origin === 'undo' ? 'Undo plan' : `From ${plan.origin}`} · created by {plan.createdBy}{' '}
            {dayTime(plan.createdAt)} · updated {dayTime(plan.updatedAt)}
            {plan.appliedBy ? ` · applied by ${plan.appliedBy}` : ''}
          </Text>
        </div>
      </Stack>
      <PlanFileActions detail={detail} actions={actions} />
    </Group>
  );
}

function PlanFileActions({ detail, actions }: { detail: PlanDetail; actions: PlanActions }) {
  const { plan } = detail;
  const reviewable = plan.state === 'in_review' || plan.state === 'approved';
  return (
    <Group gap="xs">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} />}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void actions.exportAs('json')}>JSON (for a second administrator)</Menu.Item>
          <Menu.Item onClick={() => void actions.exportAs('csv')}>CSV (for a spreadsheet)</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {reviewable && (
        <FileButton onChange={(f) => void actions.importFile(f)} accept=".json,.csv,application/json,text/csv">
          {(props) => (
            <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
              Import approvals
            </Button>
          )}
        </FileButton>
      )}
      {['draft', 'in_review', 'approved'].includes(plan.state) && (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={() =>
            confirmDiscard(detail, (reason) =>
              actions.discard.mutate({ planId: actions.planId, ...(reason ? { reason } : {}) }),
            )
          }
          data-testid="discard-plan"
        >
          Discard
        </Button>
      )}
    </Group>
  );
}
