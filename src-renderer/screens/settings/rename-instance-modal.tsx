/** Renames an instance: the name is checked with the contract's rule before it is sent. */
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { instanceInputSchema, type Instance } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS, notifySuccess, useApiMutation } from '../../api';
import { zodFormResolver } from '../../lib/form-resolver';

const renameSchema = z.object({ name: instanceInputSchema.shape.name });

interface RenameInstanceModalProps {
  /** The instance to rename; null when closed. */
  instance: Instance | null;
  onClose: () => void;
}

export function RenameInstanceModal({ instance, onClose }: RenameInstanceModalProps) {
  return (
    // Titled "Edit …", not "Rename …": the dialog's label would otherwise match getByLabel('Name').
    <Modal opened={instance !== null} onClose={onClose} title={instance ? `Edit ${instance.name}` : 'Edit instance'}>
      {/* Keyed by instance, so each opening starts from its current name and no stale error. */}
      {instance && <RenameForm key={instance.id} instance={instance} onDone={onClose} />}
    </Modal>
  );
}

function RenameForm({ instance, onDone }: { instance: Instance; onDone: () => void }) {
  const form = useForm({ initialValues: { name: instance.name }, validate: zodFormResolver(renameSchema) });
  // Silent: the error is shown in the dialog, next to the field when it is about the name.
  const rename = useApiMutation('instances:rename', { meta: { silent: true } });

  const submit = form.onSubmit(({ name }) => {
    rename.mutate(
      { id: instance.id, name: name.trim() },
      {
        onError: (err) => {
          if (err.code === 'CONFLICT' || err.code === 'VALIDATION') form.setFieldError('name', err.message);
        },
        onSuccess: (renamed) => {
          notifySuccess(`${instance.name} is now ${renamed.name}.`, 'Instance renamed');
          onDone();
        },
      },
    );
  });

  const error = rename.error;
  const otherError = error && error.code !== 'CONFLICT' && error.code !== 'VALIDATION' ? error : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        {otherError && (
          <Alert color="red" title="The instance was not renamed" role="alert">
            {otherError.message} {ERROR_NEXT_STEPS[otherError.code]}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
