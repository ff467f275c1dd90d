/**
 * The colour scheme follows the `theme` setting in main: the setting is the truth, Mantine only
 * renders it. Changing it is optimistic (the UI flips at once) and rolls back if main refuses.
 */
import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import type { Settings } from '../../src-preload/contract';
import { useSettings, useUpdateSettings } from '../hooks/use-settings';

export type ThemeSetting = Settings['theme'];

/** Applies the stored setting and publishes the resolved scheme for e2e tests. */
export function useColorSchemeSync(): void {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const stored = useSettings().data?.theme;

  useEffect(() => {
    if (stored) setColorScheme(stored);
  }, [stored, setColorScheme]);

  useEffect(() => {
    document.documentElement.dataset.colorScheme = computed;
  }, [computed]);
}

/** The current theme setting and a setter that saves it through `settings:update`. */
export function useThemeSetting(): { theme: ThemeSetting; setTheme: (next: ThemeSetting) => void; saving: boolean } {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const stored = useSettings().data?.theme;
  const update = useUpdateSettings();
  const theme = stored ?? colorScheme;

  const setTheme = (next: ThemeSetting) => {
    const previous = theme;
    setColorScheme(next);
    update.mutate({ theme: next }, { onError: () => setColorScheme(previous) });
  };
  return { theme, setTheme, saving: update.isPending };
}
