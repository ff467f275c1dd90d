/** The review's warnings for a plan, each with an icon for its severity (the first 100, in a scrolling box). */
import { List, Paper, ScrollArea, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ReviewWarning } from '../../../src-preload/contract';

const WARNING_ICON = { info: IconInfoCircle, warning: IconAlertTriangle, danger: IconAlertCircle } as const;
const WARNING_COLOR = { info: 'blue', warning: 'yellow', danger: 'red' } as const;

export function PlanWarnings({ warnings }: { warnings: ReviewWarning[] }) {
  return (
    <Paper withBorder p="sm" data-testid="plan-warnings">
      <Text size="sm" fw={600} mb={4}>
        {warnings.length} warnings
      </Text>
      <ScrollArea.Autosize mah={200} type="auto">
        <List spacing={4} size="sm">
          {warnings.slice(0, 100).map((w, i) => {
            const Icon = WARNING_ICON[w.severity];
            return (
              <List.Item
                key={i}
                icon={<Icon size={16} color={`var(--mantine-color-${WARNING_COLOR[w.severity]}-6)`} />}
              >
                {w.message}
              </List.Item>
            );
          })}
        </List>
      </ScrollArea.Autosize>
    </Paper>
  );
}
