/**
 * "Reset the sandbox": the built-in sandbox keeps what was applied to it across restarts; this
 * brings its seed back, after a confirmation. The local mirror changes only at the next sync.
 */
import { Button, Paper, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconRefresh } from '@tabler/icons-react';
import { notifySuccess, useApiMutation } from '../../api';

export function ResetSandboxSection() {
  const reset = useApiMutation('sandbox:reset', { meta: { errorTitle: 'The sandbox was not reset' } });
  const confirm = () =>
    modals.openConfirmModal({
      title: 'Reset the sandbox?',
      centered: true,
      children: (
        <Text size="sm">
          Every change applied to the built-in sandbox instance is forgotten and its 1,000 generated people come back as
          they were. Real SmartSimple instances are not touched. The next sync brings the mirror in line.
        </Text>
      ),
      labels: { confirm: 'Reset the sandbox', cancel: 'Cancel' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-reset-sandbox' },
      onConfirm: () =>
        reset.mutate(undefined, {
          onSuccess: () =>
            notifySuccess('The sandbox is back to its seed. Sync to update the mirror.', 'Sandbox reset'),
        }),
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-sandbox">
      <Title order={2} size="h3" id="settings-sandbox" mb={4}>
        Sandbox instance
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The built-in sandbox remembers what you apply to it, also after a restart.
      </Text>
      <Button
        variant="default"
        color="red"
        leftSection={<IconRefresh size={16} />}
        loading={reset.isPending}
        onClick={confirm}
        data-testid="reset-sandbox"
      >
        Reset the sandbox
      </Button>
    </Paper>
  );
}
