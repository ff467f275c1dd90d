/**
 * A sync that ended: the summary of what changed when it succeeded; when it was cancelled or
 * failed, that nothing fetched is lost and the next sync continues from there.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { JobInfo, SyncRun } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS } from '../../api';
import { countOf, duration, formatNumber } from '../../lib/format';
import { KIND_LABELS } from './sync-labels';
import { SyncSummaryTable } from './sync-summary-table';

interface SyncResultStepProps {
  job: JobInfo;
  /** The newest run as sync:status reports it (its summary). */
  run: SyncRun | null;
  onAgain: () => void;
  onClose: () => void;
}

export function SyncResultStep({ job, run, onAgain, onClose }: SyncResultStepProps) {
  const took = job.finishedAt ? duration(Date.parse(job.finishedAt) - Date.parse(job.startedAt)) : null;
  // The status refreshes a moment after the job's last event; until then the run is the old one.
  const ours = run && run.state === job.state && run.finishedAt !== null && run.finishedAt >= job.startedAt;
  const summary = ours ? run.summary : null;

  return (
    <Stack gap="md" data-testid="sync-result" data-state={job.state}>
      {job.state === 'succeeded' && (
        <Alert
          color="teal"
          icon={<IconCircleCheck />}
          title={`${run ? KIND_LABELS[run.kind] : 'Sync'} finished${took ? ` in ${took}` : ''}`}
        >
          {summary ? (
            <Text size="sm">
              {countOf(summary.records, 'record')} received in {countOf(summary.calls, 'call')}
              {summary.resumes > 0 ? `; resumed ${countOf(summary.resumes, 'time')} after an interruption` : ''}.
            </Text>
          ) : (
            <Text size="sm">{job.message}</Text>
          )}
        </Alert>
      )}
      {job.state === 'cancelled' && (
        <Alert color="gray" icon={<IconCircleX />} title="Sync cancelled">
          {cancelledAfter(summary, job.done)}
          Everything fetched so far is kept. The next sync continues where this one stopped.
        </Alert>
      )}
      {job.state === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle />} title="The sync stopped with an error" role="alert">
          <Text size="sm">
            {job.error?.message ?? job.message} {job.error ? ERROR_NEXT_STEPS[job.error.code] : ''}
          </Text>
          <Text size="sm" mt={4}>
            Everything fetched so far is kept; the next sync continues where this one stopped.
          </Text>
        </Alert>
      )}
      {summary && job.state === 'succeeded' && <SyncSummaryTable summary={summary} />}
      {summary && job.state === 'failed' && summary.records > 0 && (
        <Text size="sm" c="dimmed">
          So far: {formatNumber(summary.records)} records in {countOf(summary.calls, 'call')}.
        </Text>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant={job.state === 'succeeded' ? 'filled' : 'default'} onClick={onClose} data-testid="sync-close">
          Close
        </Button>
        {job.state !== 'succeeded' && <Button onClick={onAgain}>Resume sync</Button>}
      </Group>
    </Stack>
  );
}

/** How far a cancelled sync got, from its summary when it is in, else from the job's count. */
function cancelledAfter(summary: SyncRun['summary'] | null, done: number): string {
  const records = summary?.records ?? done;
  if (records === 0) return 'Cancelled before any record arrived. ';
  return `Cancelled after ${countOf(records, 'record')}${summary ? ` in ${countOf(summary.calls, 'call')}` : ''}. `;
}
