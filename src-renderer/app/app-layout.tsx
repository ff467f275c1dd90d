/**
 * The shell around every screen: header, navbar, the routed screen, and the keyboard layer
 * (shortcuts, jump palette, shortcuts help).
 */
import { AppShell, useComputedColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKeyboard, IconMoon, IconRefresh } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { SyncDialog } from '../components/sync/sync-dialog';
import { openSyncDialog } from '../components/sync/sync-dialog-store';
import { AppHeader } from './app-header';
import { AppNavbar } from './app-navbar';
import { AppRoutes } from './app-routes';
import { useThemeSetting } from './color-scheme';
import { CommandPalette, type PaletteCommand } from './command-palette';
import { ALL_NAV_ITEMS } from './nav-items';
import { ShortcutsHelp } from './shortcuts-help';
import { useAppHotkeys, useModKey } from './use-app-hotkeys';

export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const [paletteOpened, palette] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);
  const commands = usePaletteCommands(help.open);

  const openPalette = () => {
    help.close();
    palette.open();
  };
  const openHelp = () => {
    palette.close();
    help.open();
  };
  useAppHotkeys({ openPalette, openHelp });

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} onOpenPalette={openPalette} onOpenHelp={openHelp} />
      <AppNavbar onNavigate={nav.close} />
      <AppShell.Main>
        <AppRoutes />
      </AppShell.Main>
      <CommandPalette opened={paletteOpened} onClose={palette.close} commands={commands} />
      <ShortcutsHelp opened={helpOpened} onClose={help.close} />
      <SyncDialog />
    </AppShell>
  );
}

function usePaletteCommands(openHelp: () => void): PaletteCommand[] {
  const [, navigate] = useLocation();
  const mod = useModKey();
  const computed = useComputedColorScheme('light');
  const { setTheme } = useThemeSetting();
  const nextScheme = computed === 'dark' ? 'light' : 'dark';

  return [
    ...ALL_NAV_ITEMS.map((item) => ({
      id: `go:${item.path}`,
      label: item.label,
      description: item.description,
      icon: <item.icon size={18} />,
      hint: item.hotkey ? `${mod}+${item.hotkey}` : undefined,
      kind: 'Screen',
      run: () => navigate(item.path),
    })),
    {
      id: 'sync:open',
      label: 'Sync the active instance',
      description: 'See what a sync costs in API calls, then run it',
      icon: <IconRefresh size={18} />,
      kind: 'Command',
      run: openSyncDialog,
    },
    {
      id: 'theme:toggle',
      label: `Switch to ${nextScheme} theme`,
      icon: <IconMoon size={18} />,
      kind: 'Command',
      run: () => setTheme(nextScheme),
    },
    {
      id: 'help:shortcuts',
      label: 'Keyboard shortcuts',
      icon: <IconKeyboard size={18} />,
      hint: '?',
      kind: 'Command',
      run: openHelp,
    },
  ];
}
