/** Flips between light and dark; the three-way choice (with "auto") lives in Settings. */
import { ActionIcon, Tooltip, useComputedColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useThemeSetting } from '../color-scheme';

export function ThemeToggle() {
  const computed = useComputedColorScheme('light');
  const { setTheme } = useThemeSetting();
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    <Tooltip label={label}>
      <ActionIcon aria-label={label} data-testid="theme-toggle" onClick={() => setTheme(next)}>
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
