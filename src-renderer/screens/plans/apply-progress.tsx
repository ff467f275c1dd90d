/** A plan's apply while it runs: operations done, the job's own message (waits, resumes) and Cancel. */
import { Button, Group, Progress, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import type { JobInfo } from '../../../src-preload/contract';
import { notifyError, useApiMutation } from '../../api';
import { formatNumber } from '../../lib/format';

export function ApplyProgress({ job }: { job: JobInfo }) {
  const cancel = useApiMutation('jobs:cancel', { onError: (e) => notifyError(e, 'Not cancelled') });
  return (
    <>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Applying: {formatNumber(job.done)} of {formatNumber(job.total ?? 0)} operations
        </Text>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconPlayerStop size={14} />}
          onClick={() => cancel.mutate({ id: job.id })}
        >
          Cancel
        </Button>
      </Group>
      <Progress value={job.total ? (100 * job.done) / job.total : 0} animated mb={4} />
      <Text size="xs" c="dimmed" data-testid="apply-message">
        {job.message ?? 'Starting…'}
      </Text>
    </>
  );
}
