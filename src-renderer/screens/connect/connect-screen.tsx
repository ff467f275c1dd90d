/**
 * Connect: the active instance's connection (settings, secrets, function registry, test), a new
 * connection (at `/connect/new`: the one way to add an instance, Settings' "Add instance" opens
 * it too), and on first start the one-click sandbox. Without a keychain it says so first, with
 * how to start one, because no real instance's secret can be saved until then (the sandbox needs none).
 */
import { Alert, Anchor, Button, Divider, EmptyState, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconKeyOff, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useLocation, useRoute } from 'wouter';
import { useApiQuery } from '../../api';
import { ScreenHeader } from '../../components/screen-header';
import { useActiveInstance, useUpdateSettings } from '../../hooks/use-settings';
import { ConnectionForm } from './connection-form';
import { ExploreSandbox } from '../../components/explore-sandbox';
import { InstanceConnection } from './instance-connection';
import { KeyringHelp } from '../../components/keyring-help';

export function ConnectScreen() {
  const { active, instances, isLoading } = useActiveInstance();
  const vault = useApiQuery('vault:status');
  const updateSettings = useUpdateSettings();
  const [creating] = useRoute('/connect/new');
  const [, navigate] = useLocation();
  const setCreating = (on: boolean) => navigate(on ? '/connect/new' : '/connect');
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
    // The sandbox's credentials are made up and need no keychain.
    body = (
      <InstanceConnection key={active.id} instance={active} secretsBlocked={active.isSandbox ? null : secretsBlocked} />
    );
  }

  return (
    <Stack gap="lg" data-testid="screen-connect">
      <ScreenHeader
        title="Connect"
        description={
          <>
            Connect Admin Desk to a SmartSimple instance and check that each function answers. Rename, remove or switch
            instances in{' '}
            <Anchor href="#/settings" size="sm" data-testid="connect-to-settings">
              Settings
            </Anchor>
            .
          </>
        }
        actions={
          !creating &&
          instances.length > 0 && (
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New connection
            </Button>
          )
        }
      />
      {secretsBlocked && <NoKeychainNotice reason={secretsBlocked} />}
      {body}
    </Stack>
  );
}

function NoKeychainNotice({ reason }: { reason: string }) {
  return (
    <Alert
      color="orange"
      icon={<IconKeyOff />}
      title="No OS keychain: secrets cannot be saved"
      role="alert"
      data-testid="vault-unavailable"
    >
      <Text size="sm">{reason}</Text>
      <Text size="sm" mt={4} mb="sm">
        Until then a real instance's password and tokens cannot be saved. The built-in sandbox needs no keychain: its
        credentials are made up.
      </Text>
      <KeyringHelp />
    </Alert>
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
