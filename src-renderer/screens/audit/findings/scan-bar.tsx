/**
 * The detectors' scan: when it last ran and as of when, whether the mirror moved on since, and
 * "Scan now" (progress and Cancel while it runs). Detector settings open from here.
 */
import { Alert, Button, Group, Paper, Progress, Text } from '@mantine/core';
import { IconAdjustments, IconPlayerStop, IconRadar } from '@tabler/icons-react';
import type { Instance, JobInfo, ScanStatus } from '../../../../src-preload/contract';
import { notifyError, useApiMutation, useJobs } from '../../../api';
import { ago, formatNumber } from '../../../lib/format';
import { utc } from './labels';

interface ScanBarProps {
  instance: Instance;
  status: ScanStatus;
  onSettings(): void;
}

export function ScanBar({ instance, status, onSettings }: ScanBarProps) {
  const jobs = useJobs();
  const scan = useApiMutation('investigate:scan', { meta: { errorTitle: 'The scan did not start' } });
  const cancel = useApiMutation('jobs:cancel');
  const running = status.runningJobId ? jobs.byId.get(status.runningJobId) : undefined;
  const last = status.lastScan;
  const total = last?.summary ? Object.values(last.summary.found).reduce((a, b) => a + (b ?? 0), 0) : 0;
  return (
    <Paper withBorder p="sm" mb="md" data-testid="scan-bar">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <ScanStatusText instance={instance} status={status} running={running} total={total} />
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            leftSection={<IconAdjustments size={16} />}
            onClick={onSettings}
            data-testid="detector-settings"
          >
            Detector settings
          </Button>
          {running && running.state === 'running' ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} />}
              loading={cancel.isPending}
              onClick={() => cancel.mutate({ id: running.id }, { onError: (e) => notifyError(e, 'Not cancelled') })}
              data-testid="scan-cancel"
            >
              Cancel
            </Button>
          ) : (
            <Button
              leftSection={<IconRadar size={16} />}
              loading={scan.isPending}
              onClick={() => scan.mutate({ instanceId: instance.id, mode: 'auto' })}
              data-testid="scan-now"
            >
              Scan now
            </Button>
          )}
        </Group>
      </Group>
      {running && running.state === 'running' && (
        <Progress
          mt="xs"
          value={running.total ? Math.min(100, (100 * running.done) / running.total) : 100}
          animated={!running.total}
          aria-label="Scan progress"
        />
      )}
      {scan.error && (
        <Alert color="red" mt="xs">
          {scan.error.message}
        </Alert>
      )}
    </Paper>
  );
}

function ScanStatusText({
  instance,
  status,
  running,
  total,
}: {
  instance: Instance;
  status: ScanStatus;
  running: JobInfo | undefined;
  total: number;
}) {
  const last = status.lastScan;
  return (
    <>
      {running && running.state === 'running' ? (
        <>
          <Text size="sm" fw={500}>
            Scanning {instance.name}…
          </Text>
          <Text size="xs" c="dimmed" data-testid="scan-progress-message">
            {running.message ?? 'Starting'}
          </Text>
        </>
      ) : last ? (
        <>
          <Text size="sm" data-testid="scan-last">
            {last.state === 'succeeded'
              ? `Last scan ${ago(last.finishedAt ?? last.startedAt)}: ${formatNumber(total)} findings, judged as of ${utc(last.asOf)}.`
              : `The last scan ${last.state === 'cancelled' ? 'was cancelled' : `failed: ${last.error ?? ''}`}.`}
          </Text>
          {status.stale && (
            <Text size="xs" c="orange" data-testid="scan-stale">
              The mirror changed since: scan to bring the findings up to date.
            </Text>
          )}
        </>
      ) : (
        <Text size="sm">Not scanned yet. A scan runs after every sync; you can start one now.</Text>
      )}
    </>
  );
}
