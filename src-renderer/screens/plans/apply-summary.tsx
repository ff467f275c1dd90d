/** One line of totals for an apply: verified, skipped, failed, pending, calls and notes written. */
import { Badge, Group, Text } from '@mantine/core';
import type { ResultOf } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';

type ApplySummaryFacts = ResultOf<'plans:result'>['summary'];

export function ApplySummary({ summary, running }: { summary: ApplySummaryFacts; running: boolean }) {
  return (
    <Group gap="xs" mb="xs" mt={running ? 'sm' : 0} data-testid="apply-summary">
      <Badge color="green" variant="light">
        {summary.verified} applied and verified
      </Badge>
      {summary.skippedDrift > 0 && (
        <Badge color="orange" variant="light">
          {summary.skippedDrift} skipped (drift)
        </Badge>
      )}
      {summary.failed > 0 && (
        <Badge color="red" variant="light">
          {summary.failed} failed
        </Badge>
      )}
      {summary.pending > 0 && (
        <Badge color="gray" variant="light">
          {summary.pending} pending
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        {formatNumber(summary.calls)} calls · {summary.transactions.written} notes written in SmartSimple
        {summary.resumes ? ` · resumed ${summary.resumes}×` : ''}
      </Text>
    </Group>
  );
}
