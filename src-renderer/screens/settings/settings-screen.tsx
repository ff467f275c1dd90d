/** Settings: the appearance, the SmartSimple instances Admin Desk knows, and the AI engine. */
import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useThemeSetting, type ThemeSetting } from '../../app/color-scheme';
import { ScreenHeader } from '../../components/screen-header';
import { AiSection } from './ai-section';
import { ApprovalsSection } from './approvals-section';
import { AutoSyncSection } from './auto-sync-section';
import { InstancesSection } from './instances-section';
import { ResetSandboxSection } from './reset-sandbox-section';

const THEME_OPTIONS: { value: ThemeSetting; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Auto (follow the system)' },
];

export function SettingsScreen() {
  return (
    <Stack gap="lg" data-testid="screen-settings">
      <ScreenHeader
        title="Settings"
        description="How Admin Desk looks, the SmartSimple instances it works with, and where AI suggestions come from."
      />
      <AppearanceSection />
      <ApprovalsSection />
      <AutoSyncSection />
      <InstancesSection />
      <ResetSandboxSection />
      <AiSection />
    </Stack>
  );
}

function AppearanceSection() {
  const { theme, setTheme } = useThemeSetting();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-appearance">
      <Title order={2} size="h3" id="settings-appearance" mb={4}>
        Appearance
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Auto follows the operating system&apos;s light or dark mode.
      </Text>
      <SegmentedControl
        aria-label="Theme"
        data-testid="theme-setting"
        value={theme}
        onChange={(value) => setTheme(value as ThemeSetting)}
        data={THEME_OPTIONS}
      />
    </Paper>
  );
}
