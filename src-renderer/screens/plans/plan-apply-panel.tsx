/**
 * Apply, live and after: progress of the job (operations done, the wait for the hourly limit with
 * when it resumes, Cancel), then the result per operation from the journal, with the server's own
 * message for a failure and the reason for a skip.
 */
import { Badge, Button, Group, Paper, Progress, Table, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { isJobActive, notifyError, useApiMutation, useApiQuery, useJobs } from '../../api';
import { formatNumber } from '../../lib/format';
import { RESULT_COLOR, RESULT_LABEL } from './plan-format';

export function PlanApplyPanel({
  planId,
  jobId,
  names,
}: {
  planId: string;
  jobId: string | null;
  names: Map<number | null, string>;
}) {
  const jobs = useJobs();
  const job = jobId ? jobs.byId.get(jobId) : undefined;
  const result = useApiQuery('plans:result', { planId });
  const cancel = useApiMutation('jobs:cancel', { onError: (e) => notifyError(e, 'Not cancelled') });
  const r = result.data;
  const running = job && isJobActive(job);

  return (
    <Paper withBorder p="sm" data-testid="plan-apply">
      {running && job && (
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
      )}
      {r && (
        <>
          <Group gap="xs" mb="xs" mt={running ? 'sm' : 0} data-testid="apply-summary">
            <Badge color="green" variant="light">
              {r.summary.verified} applied and verified
            </Badge>
            {r.summary.skippedDrift > 0 && (
              <Badge color="orange" variant="light">
                {r.summary.skippedDrift} skipped (drift)
              </Badge>
            )}
            {r.summary.failed > 0 && (
              <Badge color="red" variant="light">
                {r.summary.failed} failed
              </Badge>
            )}
            {r.summary.pending > 0 && (
              <Badge color="gray" variant="light">
                {r.summary.pending} pending
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatNumber(r.summary.calls)} calls · {r.summary.transactions.written} notes written in SmartSimple
              {r.summary.resumes ? ` · resumed ${r.summary.resumes}×` : ''}
            </Text>
          </Group>
          {r.summary.stoppedBy && !running && (
            <Text size="xs" c="red" mb="xs">
              Stopped: {r.summary.stoppedBy}
            </Text>
          )}
          <Table verticalSpacing={4} data-testid="apply-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>#</Table.Th>
                <Table.Th>Operation</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Message</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.operations.slice(0, 500).map((o) => (
                <Table.Tr key={o.operationId}>
                  <Table.Td>{o.seq}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.summary}</Text>
                    <Text size="xs" c="dimmed">
                      {names.get(o.personId) ?? `person ${o.personId ?? o.recordid ?? 'new'}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={RESULT_COLOR[o.state]} variant="light" size="sm">
                      {RESULT_LABEL[o.state]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{o.message ?? ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}
