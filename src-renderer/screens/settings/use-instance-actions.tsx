/** The row actions on instances that need no form: make active, and remove after a confirmation. */
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { notifySuccess, useApiMutation } from '../../api';
import { useUpdateSettings } from '../../hooks/use-settings';

export function useInstanceActions() {
  const update = useUpdateSettings();
  const remove = useApiMutation('instances:remove', { meta: { errorTitle: 'The instance was not removed' } });
  const [busyId, setBusyId] = useState<string | null>(null);

  const makeActive = (instance: Instance) => {
    setBusyId(instance.id);
    update.mutate(
      { activeInstanceId: instance.id },
      {
        onSuccess: () => notifySuccess(`Every screen now shows ${instance.name}.`, 'Active instance changed'),
        onSettled: () => setBusyId(null),
      },
    );
  };

  const confirmRemove = (instance: Instance) => {
    modals.openConfirmModal({
      title: `Remove ${instance.name}?`,
      centered: true,
      children: (
        <Text size="sm">
          Admin Desk will forget <b>{instance.name}</b> ({instance.host}). Its secrets — the API password, function
          tokens and LLM key stored in the OS keychain — will be removed too. Nothing changes in SmartSimple itself.
        </Text>
      ),
      labels: { confirm: 'Remove instance', cancel: 'Cancel' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove-instance' },
      onConfirm: () => {
        setBusyId(instance.id);
        remove.mutate(
          { id: instance.id },
          {
            onSuccess: () => notifySuccess(`${instance.name} and its secrets were removed.`, 'Instance removed'),
            onSettled: () => setBusyId(null),
          },
        );
      },
    });
  };

  return { makeActive, confirmRemove, busyId };
}
