/** A titled panel of a detail page, with an optional count beside the title and actions on the right. */
import { Badge, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  title: string;
  count?: number;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function Section({ title, count, actions, testId, children }: SectionProps) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Title order={2} size="h3">
            {title}
          </Title>
          {count !== undefined && (
            <Badge color="gray" variant="light">
              {count}
            </Badge>
          )}
        </Group>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
