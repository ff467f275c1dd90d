/** One figure on the plan page (operations, approved, risk, API calls) with a hint under it. */
import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface PlanStatProps {
  label: string;
  value: ReactNode;
  hint: string;
  testId?: string;
}

export function PlanStat({ label, value, hint, testId }: PlanStatProps) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}
