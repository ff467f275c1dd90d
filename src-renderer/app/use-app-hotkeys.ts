/**
 * The app-wide keyboard shortcuts. Jumps and the palette work even while typing in a field
 * (they use Ctrl/Cmd, so they cannot clash with text); `?` does not, since it is a character.
 */
import { useHotkeys, useOs } from '@mantine/hooks';
import { useLocation } from 'wouter';
import { ALL_NAV_ITEMS } from './nav-items';

interface AppHotkeyActions {
  openPalette: () => void;
  openHelp: () => void;
}

export function useAppHotkeys({ openPalette, openHelp }: AppHotkeyActions): void {
  const [, navigate] = useLocation();
  const jumps = ALL_NAV_ITEMS.filter((item) => item.hotkey).map(
    (item) => [`mod+${item.hotkey}`, () => navigate(item.path)] as [string, () => void],
  );
  useHotkeys([...jumps, ['mod+k', openPalette], ['mod+/', openHelp]], []);
  useHotkeys([['shift+?', openHelp]]);
}

/** One row of the shortcuts help. */
export interface ShortcutRow {
  keys: string[];
  description: string;
}

/** The modifier as the platform names it: ⌘ on macOS, Ctrl elsewhere. */
export function useModKey(): string {
  return useOs() === 'macos' ? '⌘' : 'Ctrl';
}

export function shortcutRows(mod: string): ShortcutRow[] {
  return [
    ...ALL_NAV_ITEMS.filter((i) => i.hotkey).map((i) => ({
      keys: [mod, i.hotkey as string],
      description: `Go to ${i.label}`,
    })),
    { keys: [mod, 'K'], description: 'Open the jump palette' },
    { keys: ['?'], description: 'Show keyboard shortcuts' },
    { keys: [mod, '/'], description: 'Show keyboard shortcuts (also while typing)' },
    { keys: ['Tab'], description: 'Move to the next control; Shift+Tab goes back' },
    { keys: ['/'], description: 'Search people (on the People screen)' },
    { keys: ['↑', '↓'], description: 'Move through the rows of a table or tree' },
    { keys: ['Enter'], description: 'Open the row: a person, an organization' },
    { keys: ['Esc'], description: 'Close a dialog, menu or popover' },
  ];
}
