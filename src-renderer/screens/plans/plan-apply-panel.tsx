/**
 * Apply, live and after: progress of the job (operations done, the wait for the hourly limit with
 * when it resumes, Cancel), then the result per operation from the journal, with the server's own
 * message for a failure and the reason for a skip.
 */
import { Paper, Text } from '@mantine/core';
import { isJobActive, useApiQuery, useJobs } from '../../api';
import { ApplyProgress } from './apply-progress';
import { ApplyResultsTable } from './apply-results-table';
import { ApplySummary } from './apply-summary';

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
  const r = result.data;
  const running = job && isJobActive(job);

  return (
    <Paper withBorder p="sm" data-testid="plan-apply">
      {running && job && <ApplyProgress job={job} />}
      {r && (
        <>
          <ApplySummary summary={r.summary} running={!!running} />
          {r.summary.stoppedBy && !running && (
            <Text size="xs" c="red" mb="xs">
              Stopped: {r.summary.stoppedBy}
            </Text>
          )}
          <ApplyResultsTable operations={r.operations} names={names} />
        </>
      )}
    </Paper>
  );
}
