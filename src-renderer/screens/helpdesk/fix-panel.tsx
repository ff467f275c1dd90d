/**
 * What to do about a diagnosis: the fix plan (made here, reviewed, approved and applied in Plans
 * like any plan), checking again after a sync, the one-click resets, and the ticket draft for what
 * Admin Desk cannot change.
 */
import { Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconFileText, IconRefresh, IconTool } from '@tabler/icons-react';
import type { HelpdeskDiagnosis, Instance } from '../../../src-preload/contract';
import { notifySuccess, useApiMutation } from '../../api';
import { setHelpdeskView } from './helpdesk-store';
import { useSyncThenCheck } from './use-sync-then-check';

const PLAN_STATE: Record<string, string> = {
  draft: 'Draft: submit it for review in Plans',
  in_review: 'In review: approve it in Plans',
  approved: 'Approved: apply it in Plans',
  applying: 'Applying…',
  applied: 'Applied',
  partially_applied: 'Partly applied',
  failed: 'Failed',
  discarded: 'Discarded',
};

interface Props {
  instance: Instance;
  diagnosis: HelpdeskDiagnosis;
  checking: boolean;
  onCheckAgain: () => void;
  onTicket: () => void;
}

function FixPlan({ instance, diagnosis }: Pick<Props, 'instance' | 'diagnosis'>) {
  const create = useApiMutation('helpdesk:createFixPlan', { meta: { errorTitle: 'No fix plan was made' } });
  const { plan } = diagnosis;
  if (plan)
    return (
      <Group gap="sm" data-testid="helpdesk-fix-plan" data-plan-state={plan.state}>
        <Text size="sm">
          Fix plan <b>{plan.title}</b>
        </Text>
        <Badge color={plan.state === 'applied' ? 'green' : plan.state === 'failed' ? 'red' : 'blue'}>
          {PLAN_STATE[plan.state] ?? plan.state}
        </Badge>
        <Anchor href="#/plans" size="sm" data-testid="helpdesk-open-plans">
          <Group gap={4}>
            Open Plans <IconExternalLink size={14} />
          </Group>
        </Anchor>
      </Group>
    );
  if (diagnosis.fixOperations.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm">A fix plan would hold:</Text>
      <List size="sm" spacing={2}>
        {diagnosis.fixOperations.map((o) => (
          <List.Item key={o}>{o}</List.Item>
        ))}
      </List>
      <Group>
        <Button
          leftSection={<IconTool size={16} />}
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { instanceId: instance.id, outcomeId: diagnosis.outcomeId },
              { onSuccess: (made) => notifySuccess(`"${made.plan.title}" is a draft in Plans.`, 'Fix plan made') },
            )
          }
          data-testid="helpdesk-create-fix-plan"
        >
          Create fix plan
        </Button>
        <Text size="xs" c="dimmed">
          A draft: nothing changes until it is approved and applied in Plans.
        </Text>
      </Group>
    </Stack>
  );
}

function Resets({ instance, diagnosis }: Pick<Props, 'instance' | 'diagnosis'>) {
  const reset = useApiMutation('helpdesk:reset', { meta: { errorTitle: 'No reset plan was made' } });
  if (diagnosis.resets.length === 0) return null;
  return (
    <Stack gap={6}>
      <Title order={4}>One-click resets</Title>
      {diagnosis.resets.map((r) => (
        <Group key={r.kind} gap="sm" wrap="nowrap" align="flex-start">
          <Button
            size="xs"
            variant="default"
            miw={190}
            disabled={!r.available}
            loading={reset.isPending && reset.variables?.kind === r.kind}
            onClick={() =>
              reset.mutate(
                { instanceId: instance.id, personId: diagnosis.person.id, kind: r.kind },
                { onSuccess: (made) => notifySuccess(`"${made.plan.title}" is a draft in Plans.`, 'Reset plan made') },
              )
            }
            data-testid={`helpdesk-reset-${r.kind}`}
          >
            {r.label}
          </Button>
          <Text
            size="xs"
            c={r.kind === 'reset_password' ? 'orange.8' : 'dimmed'}
            data-testid={`helpdesk-reset-${r.kind}-note`}
          >
            {r.description}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function FixPanel({ instance, diagnosis, checking, onCheckAgain, onTicket }: Props) {
  const syncThenCheck = useSyncThenCheck(instance.id, onCheckAgain);
  const cancel = useApiMutation('jobs:cancel', { meta: { errorTitle: 'The sync was not cancelled' } });
  const failed = diagnosis.failed.length > 0;
  const job = syncThenCheck.job;
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        {failed && <FixPlan instance={instance} diagnosis={diagnosis} />}
        <Group gap="sm">
          <Button
            variant={diagnosis.plan?.state === 'applied' ? 'filled' : 'default'}
            leftSection={<IconRefresh size={16} />}
            loading={syncThenCheck.busy}
            onClick={syncThenCheck.start}
            data-testid="helpdesk-sync-check-again"
          >
            Sync and check again
          </Button>
          <Button variant="subtle" loading={checking} onClick={onCheckAgain} data-testid="helpdesk-check-again">
            Check again
          </Button>
          {failed && (
            <Button
              variant="subtle"
              leftSection={<IconFileText size={16} />}
              onClick={onTicket}
              data-testid="helpdesk-ticket"
            >
              Draft ticket
            </Button>
          )}
          <Anchor size="sm" onClick={() => setHelpdeskView(instance.id, { tab: 'history' })}>
            Earlier checks
          </Anchor>
        </Group>
        {job && (
          <Stack gap={4} data-testid="helpdesk-sync-progress">
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {job.message ?? 'Syncing…'}
              </Text>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => cancel.mutate({ id: job.id })}>
                Cancel the sync
              </Button>
            </Group>
            <Progress value={job.total ? (100 * job.done) / job.total : 5} animated size="sm" />
          </Stack>
        )}
        <Resets instance={instance} diagnosis={diagnosis} />
      </Stack>
    </Paper>
  );
}
