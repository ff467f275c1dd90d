/**
 * Long work at a glance: a ring with the running jobs' overall progress, and a popover listing
 * each with its own bar and a Cancel button. Finished jobs stay listed briefly for context.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Popover,
  Progress,
  RingProgress,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconActivity } from '@tabler/icons-react';
import type { JobInfo, JobState } from '../../../src-preload/contract';
import { useApiMutation, useJobs } from '../../api';

const STATE_COLORS: Record<JobState, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

/** Percent done, or null while the total is unknown. */
function percentOf(job: JobInfo): number | null {
  if (!job.total) return null;
  return Math.min(100, Math.round((job.done / job.total) * 100));
}

export function JobsIndicator() {
  const { running, all } = useJobs();
  const recent = all.filter((j) => j.finishedAt).slice(0, 3);
  const known = running.map(percentOf).filter((p): p is number => p !== null);
  const overall = known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : 0;
  const label = running.length ? `Running jobs: ${running.length}` : 'No jobs running';
  // Controlled, so Escape closes it from the trigger too (Mantine only listens inside the dropdown).
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <Popover opened={opened} onDismiss={close} width={360} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label={label} disabled={opened}>
          <ActionIcon
            aria-label={label}
            aria-expanded={opened}
            data-testid="jobs-indicator"
            data-running={running.length}
            onClick={toggle}
            onKeyDown={(e) => {
              if (e.key === 'Escape') close();
            }}
          >
            {running.length ? (
              <RingProgress
                size={30}
                thickness={3}
                roundCaps
                sections={[{ value: overall || 5, color: 'blue' }]}
                label={
                  <Text ta="center" size="10px" fw={700}>
                    {running.length}
                  </Text>
                }
              />
            ) : (
              <IconActivity size={18} />
            )}
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="jobs-popover" onKeyDown={(e) => e.key === 'Escape' && close()}>
        <Stack gap="sm">
          <Text fw={600} size="sm">
            Jobs
          </Text>
          {running.length === 0 && (
            <Text size="sm" c="dimmed">
              No jobs running. Syncs, scans and applies show their progress here.
            </Text>
          )}
          {running.map((job) => (
            <RunningJob key={job.id} job={job} />
          ))}
          {recent.length > 0 && (
            <>
              <Divider label="Recently finished" labelPosition="left" />
              {recent.map((job) => (
                <Group key={job.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate title={job.message ?? undefined}>
                    {job.title}
                  </Text>
                  <Badge color={STATE_COLORS[job.state]}>{job.state}</Badge>
                </Group>
              ))}
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function RunningJob({ job }: { job: JobInfo }) {
  const cancel = useApiMutation('jobs:cancel', { meta: { errorTitle: 'The job was not cancelled' } });
  const percent = percentOf(job);
  return (
    <Stack gap={4} data-testid="running-job">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} truncate>
          {job.title}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          aria-label={`Cancel ${job.title}`}
          loading={cancel.isPending}
          onClick={() => cancel.mutate({ id: job.id })}
        >
          Cancel
        </Button>
      </Group>
      <Progress
        value={percent ?? 100}
        striped={percent === null}
        animated={percent === null}
        aria-label={`${job.title} progress`}
      />
      <Text size="xs" c="dimmed">
        {job.message ?? (percent === null ? `${job.done} done` : `${job.done} of ${job.total} (${percent}%)`)}
      </Text>
    </Stack>
  );
}
