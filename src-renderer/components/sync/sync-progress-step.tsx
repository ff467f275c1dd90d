/**
 * A sync in progress: records done of the expected total, the step, calls made and time left (as
 * the job reports them), and a wait for the hourly limit said plainly with its end time. Closing
 * the dialog leaves it running; Cancel stops it and the next sync continues from there.
 */
import { Alert, Badge, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconClockPause, IconPlayerTrackNext } from '@tabler/icons-react';
import type { JobInfo } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';
import { duration, formatNumber } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { parseProgressMessage } from './progress-message';

interface SyncProgressStepProps {
  job: JobInfo;
  /** "Full sync", when known (from the plan, or the run row). */
  kindLabel: string | null;
  /** The run continues one a crash, cancel or failure left unfinished. */
  resumed: boolean;
  onClose: () => void;
}

export function SyncProgressStep({ job, kindLabel, resumed, onClose }: SyncProgressStepProps) {
  const cancel = useApiMutation('jobs:cancel', { meta: { errorTitle: 'The sync was not cancelled' } });
  const now = useNow(1000);
  const percent = job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  const { step, calls, left, waiting } = parseProgressMessage(job.message);
  const cancelling = cancel.isPending || cancel.isSuccess;

  return (
    <Stack gap="md" data-testid="sync-progress" data-state={job.state} role="status" aria-live="polite">
      {/* The buttons sit at the top: the lines below change length as the sync goes, and a
          Cancel button that moves under the pointer is a Cancel button missed. */}
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>{kindLabel ? `${kindLabel} running` : 'Sync running'}</Text>
          {resumed && (
            <Badge color="blue" leftSection={<IconPlayerTrackNext size={12} />} data-testid="sync-resumed">
              Resumed
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" onClick={onClose}>
            Close (keeps running)
          </Button>
          <Button
            color="red"
            variant="light"
            size="xs"
            loading={cancelling}
            onClick={() => cancel.mutate({ id: job.id })}
            data-testid="sync-cancel"
          >
            Cancel sync
          </Button>
        </Group>
      </Group>
      {resumed && (
        <Text size="sm" c="dimmed">
          This continues a sync that did not finish; pages fetched before are not fetched again.
        </Text>
      )}
      <Stack gap={4}>
        <Progress
          value={percent ?? 100}
          striped
          animated
          size="lg"
          transitionDuration={150}
          aria-label="Sync progress"
        />
        <Text size="sm" c="dimmed">
          {job.total
            ? `${formatNumber(job.done)} of ${formatNumber(job.total)} records (${percent}%)`
            : 'Counting records…'}
        </Text>
      </Stack>
      {waiting ? (
        <Alert color="yellow" icon={<IconClockPause />} title={waiting} data-testid="sync-waiting">
          SmartSimple allows a fixed number of API calls an hour. The sync continues by itself when the limit resets;
          you can close this window meanwhile.
        </Alert>
      ) : (
        <SimpleGrid cols={3} spacing="sm">
          <Fact label="Now" value={step ?? 'Starting…'} />
          <Fact label="Calls" value={calls ?? '–'} />
          <Fact label="Time left" value={left ?? 'estimating…'} />
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        Running for {duration(now - Date.parse(job.startedAt))}. Everything fetched is saved page by page: a cancel, a
        crash or quitting the app loses nothing.
      </Text>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} truncate title={value}>
        {value}
      </Text>
    </Stack>
  );
}
