/** What one command palette option shows: its icon, label, description, kind and keyboard shortcut. */
import { Badge, Group, Kbd, Text } from '@mantine/core';
import type { PaletteCommand } from './command-palette';

export function PaletteOptionContent({ command }: { command: PaletteCommand }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        {command.icon}
        <div>
          <Text size="sm" fw={500}>
            {command.label}
          </Text>
          {command.description && (
            <Text size="xs" c="dimmed">
              {command.description}
            </Text>
          )}
        </div>
      </Group>
      <Group gap="xs" wrap="nowrap">
        {command.hint && <Kbd size="xs">{command.hint}</Kbd>}
        {command.kind && (
          <Badge size="sm" variant="light" color="gray" data-testid="palette-kind">
            {command.kind}
          </Badge>
        )}
      </Group>
    </Group>
  );
}
