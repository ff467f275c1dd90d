/**
 * A screen that is not built yet: it says what will live there, so the navigation is honest and
 * the administrator knows where to go meanwhile.
 */
import { Badge, EmptyState, List, Paper, Stack, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { ScreenHeader } from './screen-header';

interface PlaceholderScreenProps {
  title: string;
  icon: Icon;
  summary: string;
  /** What the finished screen will offer, one capability a line. */
  planned: string[];
  /** Where to go meanwhile. */
  meanwhile?: string;
}

export function PlaceholderScreen({ title, icon: IconComponent, summary, planned, meanwhile }: PlaceholderScreenProps) {
  return (
    <Stack data-testid={`screen-${title.toLowerCase()}`}>
      <ScreenHeader title={title} description={summary} actions={<Badge color="gray">Coming soon</Badge>} />
      <Paper withBorder p="lg">
        <EmptyState
          icon={<IconComponent size={28} />}
          variant="light"
          title={`The ${title} screen is not built yet`}
          description={meanwhile}
        />
        <Stack gap="xs" mt="md" maw={640} mx="auto">
          <Text fw={600} size="sm">
            What will live here
          </Text>
          <List size="sm" spacing={4}>
            {planned.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </Stack>
  );
}
