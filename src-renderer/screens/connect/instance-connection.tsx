/**
 * One instance's connection: a summary with Remove, the connection test, and the settings form.
 * The test runs against what is saved, so it waits while the form has unsaved changes.
 */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ConnectionDetails, Instance } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS, notifySuccess, useApiMutation, useApiQuery } from '../../api';
import { ConnectionForm } from './connection-form';
import { ConnectionTestPanel } from './connection-test-panel';

interface InstanceConnectionProps {
  instance: Instance;
  secretsBlocked: string | null;
}

export function InstanceConnection({ instance, secretsBlocked }: InstanceConnectionProps) {
  // Silent: a failure to load is shown in place, with a retry.
  const details = useApiQuery('connections:get', { instanceId: instance.id }, { meta: { silent: true } });
  const [dirty, setDirty] = useState(false);

  if (details.isPending) {
    return (
      <Group gap="xs" p="md">
        <Loader size="sm" />
        <Text size="sm">Loading the connection of {instance.name}…</Text>
      </Group>
    );
  }
  if (details.isError) {
    return (
      <Alert color="red" title={`The connection of ${instance.name} could not be loaded`} role="alert">
        <Text size="sm" mb="xs">
          {details.error.message} {ERROR_NEXT_STEPS[details.error.code]}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          onClick={() => void details.refetch()}
        >
          Try again
        </Button>
      </Alert>
    );
  }

  const data = details.data;
  const blockedReason = dirty
    ? 'Save or discard your changes first: the test uses the saved settings.'
    : data.functions.length === 0
      ? 'Add at least one function and save first.'
      : null;

  return (
    <Stack gap="lg">
      <ConnectionSummary details={data} />
      <ConnectionTestPanel details={data} blockedReason={blockedReason} />
      <ConnectionForm
        details={data}
        secretsBlocked={secretsBlocked}
        onSaved={() => setDirty(false)}
        onDirtyChange={setDirty}
      />
    </Stack>
  );
}

function ConnectionSummary({ details }: { details: ConnectionDetails }) {
  const { instance } = details;
  const tokens = details.functions.filter((f) => f.tokenSet).length;
  const remove = useRemoveConnection();
  return (
    <Paper withBorder p="md" data-testid="connection-summary">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} size="h3">
              {instance.name}
            </Title>
            {instance.isSandbox && <Badge color="grape">sandbox</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {instance.isSandbox ? (
              'Built-in, on this computer'
            ) : (
              <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{instance.host}</span>
            )}{' '}
            · alias {instance.alias} · root company {instance.rootCompanyId} · API v{instance.apiVersion}
          </Text>
          <Group gap={6}>
            <Badge variant="light" color={details.passwordSet ? 'green' : 'yellow'}>
              {instance.isSandbox ? 'made-up password' : details.passwordSet ? 'password stored' : 'no password'}
            </Badge>
            <Badge variant="light" color={tokens === details.functions.length && tokens > 0 ? 'green' : 'yellow'}>
              {tokens} of {details.functions.length} tokens{' '}
              {instance.isSandbox ? 'built in (no keychain needed)' : 'stored'}
            </Badge>
            <Text size="xs" c="dimmed">
              API user {details.username || '(not set)'}
            </Text>
          </Group>
        </Stack>
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          loading={remove.isPending}
          onClick={() => remove.confirm(instance)}
        >
          Remove connection
        </Button>
      </Group>
    </Paper>
  );
}

/** Remove after a confirmation that says the secrets go too. */
function useRemoveConnection() {
  const remove = useApiMutation('instances:remove', { meta: { errorTitle: 'The connection was not removed' } });
  const confirm = (instance: Instance) =>
    modals.openConfirmModal({
      title: `Remove ${instance.name}?`,
      centered: true,
      children: (
        <Text size="sm">
          Admin Desk will forget <b>{instance.name}</b> and its function registry; its password and tokens are removed
          from the keychain too. Nothing changes in SmartSimple itself.
        </Text>
      ),
      labels: { confirm: 'Remove connection', cancel: 'Cancel' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove-connection' },
      onConfirm: () =>
        remove.mutate(
          { id: instance.id },
          {
            onSuccess: () =>
              notifySuccess(`${instance.name}, its password and tokens were removed.`, 'Connection removed'),
          },
        ),
    });
  return { confirm, isPending: remove.isPending };
}
