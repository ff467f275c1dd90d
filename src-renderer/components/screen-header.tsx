/** The title row of a screen: its name, one line on what it is for, and its main actions. */
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScreenHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function ScreenHeader({ title, description, actions }: ScreenHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
      <Stack gap={2}>
        <Title order={1}>{title}</Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
