/** The header: app name, the active instance and how fresh its copy is, jobs, theme, and the keyboard entry points. */
import { ActionIcon, AppShell, Burger, Group, Kbd, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconKeyboard, IconSearch } from '@tabler/icons-react';
import { SyncStatusButton } from '../components/sync/sync-status-button';
import { DraftSelector } from './header/draft-selector';
import { InstanceSelector } from './header/instance-selector';
import { JobsIndicator } from './header/jobs-indicator';
import { ThemeToggle } from './header/theme-toggle';
import { useModKey } from './use-app-hotkeys';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
  onOpenPalette: () => void;
  onOpenHelp: () => void;
}

export function AppHeader({ navOpened, onToggleNav, onOpenPalette, onOpenHelp }: AppHeaderProps) {
  const mod = useModKey();
  return (
    <AppShell.Header px="sm">
      <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Text fw={700} size="md" component="a" href="#/" c="inherit" td="none" data-testid="app-name">
            SmartSimple Admin Desk
          </Text>
          <InstanceSelector />
          <SyncStatusButton />
          <DraftSelector />
        </Group>
        <Group gap={4} wrap="nowrap">
          <UnstyledButton onClick={onOpenPalette} aria-label="Open jump palette" visibleFrom="md" px="xs">
            <Group gap={6} wrap="nowrap">
              <IconSearch size={16} />
              <Text size="sm" c="dimmed">
                Jump to…
              </Text>
              <Kbd size="xs">{mod}+K</Kbd>
            </Group>
          </UnstyledButton>
          <JobsIndicator />
          <ThemeToggle />
          <Tooltip label="Keyboard shortcuts (?)">
            <ActionIcon aria-label="Keyboard shortcuts" onClick={onOpenHelp}>
              <IconKeyboard size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
