/**
 * The review's warnings for a plan, each with an icon for its severity, in a scrolling box. The
 * same warning raised by many operations (a role nobody has classified, granted to twelve people)
 * is one line with its count; the first 100 different lines are shown.
 */
import { Badge, List, Paper, ScrollArea, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ReviewWarning } from '../../../src-preload/contract';

const WARNING_ICON = { info: IconInfoCircle, warning: IconAlertTriangle, danger: IconAlertCircle } as const;
const WARNING_COLOR = { info: 'blue', warning: 'yellow', danger: 'red' } as const;

/** Identical warnings as one, in the order of their first appearance, with how many times each came. */
export function groupWarnings(warnings: readonly ReviewWarning[]): { warning: ReviewWarning; count: number }[] {
  const groups = new Map<string, { warning: ReviewWarning; count: number }>();
  for (const w of warnings) {
    const key = `${w.severity}\u0000${w.message}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { warning: w, count: 1 });
  }
  return [...groups.values()];
}

export function PlanWarnings({ warnings }: { warnings: ReviewWarning[] }) {
  const groups = groupWarnings(warnings);
  return (
    <Paper withBorder p="sm" data-testid="plan-warnings">
      <Text size="sm" fw={600} mb={4}>
        {warnings.length} warnings
        {groups.length < warnings.length && (
          <Text span size="sm" fw={400} c="dimmed">
            {' '}
            ({groups.length} different)
          </Text>
        )}
      </Text>
      <ScrollArea.Autosize mah={200} type="auto">
        <List spacing={4} size="sm">
          {groups.slice(0, 100).map(({ warning: w, count }, i) => {
            const Icon = WARNING_ICON[w.severity];
            return (
              <List.Item
                key={i}
                icon={<Icon size={16} color={`var(--mantine-color-${WARNING_COLOR[w.severity]}-6)`} />}
                data-testid="plan-warning"
              >
                {w.message}
                {count > 1 && (
                  <Badge size="xs" variant="light" color="gray" ml={6} data-testid="plan-warning-count">
                    ×{count}
                  </Badge>
                )}
              </List.Item>
            );
          })}
        </List>
      </ScrollArea.Autosize>
    </Paper>
  );
}
