/**
 * The active instance, switchable from anywhere: every screen shows the instance picked here.
 * With none yet, it says so and points to the Connect screen (where the sandbox is one click away).
 */
import { Button, Group, Loader, Select, Text } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { useActiveInstance, useUpdateSettings } from '../../hooks/use-settings';

export function InstanceSelector() {
  const { active, instances, isLoading } = useActiveInstance();
  const update = useUpdateSettings();
  const [, navigate] = useLocation();

  if (isLoading) return <Loader size="xs" aria-label="Loading instances" />;

  if (instances.length === 0) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="no-instance">
        <Text size="sm" c="dimmed">
          No instance yet
        </Text>
        <Button size="xs" variant="light" onClick={() => navigate('/connect')}>
          Connect one
        </Button>
      </Group>
    );
  }

  return (
    <Select
      aria-label="Active instance"
      data-testid="instance-selector"
      w={240}
      size="xs"
      leftSection={<IconServer size={14} />}
      placeholder="Pick an instance"
      allowDeselect={false}
      checkIconPosition="right"
      data={instances.map((i) => ({ value: i.id, label: i.isSandbox ? `${i.name} (sandbox)` : i.name }))}
      value={active?.id ?? null}
      disabled={update.isPending}
      onChange={(id) => {
        if (id && id !== active?.id) update.mutate({ activeInstanceId: id });
      }}
    />
  );
}
