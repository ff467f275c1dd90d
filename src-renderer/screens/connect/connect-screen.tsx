/**
 * Connect: the active instance's connection (settings, secrets, function registry, test), a new
 * connection, and on first start the one-click sandbox. Without a keychain it says so first,
 * because nothing secret can be saved until that is fixed.
 */
import { Alert, Button, Divider, EmptyState, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconKeyOff, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { ScreenHeader } from '../../components/screen-header';
import { useActiveInstance, useUpdateSettings } from '../../hooks/use-settings';
import { ConnectionForm } from './connection-form';
import { ExploreSandbox } from '../../components/explore-sandbox';
import { InstanceConnection } from './instance-connection';

export function ConnectScreen() {
  const { active, instances, isLoading } = useActiveInstance();
  const vault = useApiQuery('vault:status');
  const updateSettings = useUpdateSettings();
  const [creating, setCreating] = useState(false);
  const secretsBlocked =
    vault.data && !vault.data.available ? (vault.data.reason ?? 'No OS keychain is available.') : null;

  let body;
  if (isLoading) {
    body = (
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">Loading instances…</Text>
      </Group>
    );
  } else if (creating) {
    body = (
      <ConnectionForm
        secretsBlocked={secretsBlocked}
        onCancel={() => setCreating(false)}
        onSaved={(saved) => {
          // The new connection is what the administrator wants to test next.
          updateSettings.mutate({ activeInstanceId: saved.instance.id }, { onSettled: () => setCreating(false) });
        }}
      />
    );
  } else if (instances.length === 0) {
    body = <ConnectEmpty onNew={() => setCreating(true)} />;
  } else if (!active) {
    body = (
      <Paper withBorder p="md">
        <Text size="sm" mb="xs">
          No instance is active. Pick the one to connect:
        </Text>
        <Group gap="xs">
          {instances.map((i) => (
            <Button key={i.id} variant="light" onClick={() => updateSettings.mutate({ activeInstanceId: i.id })}>
              {i.name}
            </Button>
          ))}
        </Group>
      </Paper>
    );
  } else {
    body = <InstanceConnection key={active.id} instance={active} secretsBlocked={secretsBlocked} />;
  }

  return (
    <Stack gap="lg" data-testid="screen-connect">
      <ScreenHeader
        title="Connect"
        description="Connect Admin Desk to a SmartSimple instance and check that each function answers."
        actions={
          !creating &&
          instances.length > 0 && (
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New connection
            </Button>
          )
        }
      />
      {secretsBlocked && (
        <Alert
          color="red"
          icon={<IconKeyOff />}
          title="No OS keychain: secrets cannot be saved"
          role="alert"
          data-testid="vault-unavailable"
        >
          <Text size="sm">{secretsBlocked}</Text>
          <Text size="sm" mt={4}>
            Until then connections can be looked at and tested, but not saved, and the sandbox cannot start.
          </Text>
        </Alert>
      )}
      {body}
    </Stack>
  );
}

function ConnectEmpty({ onNew }: { onNew: () => void }) {
  return (
    <Paper withBorder p="xl" data-testid="connect-empty">
      <EmptyState
        icon={<IconPlugConnected size={28} />}
        variant="light"
        title="No connection yet"
        description="Try everything safely against the built-in sandbox first, or connect your own SmartSimple instance with its API user and function tokens."
      />
      <Stack align="center" mt="md" gap="md">
        <ExploreSandbox />
        <Divider label="or" labelPosition="center" w={320} />
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={onNew}>
          New connection
        </Button>
      </Stack>
    </Paper>
  );
}
