/**
 * Adds an instance. The form is validated with the contract's `instanceInputSchema`, field by
 * field, before anything is sent; main's own VALIDATION and CONFLICT answers land on the fields
 * they are about, anything else in an alert inside the dialog.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { instanceInputSchema, type InstanceInput } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS, fieldErrorsOf, formLevelErrorOf, notifySuccess, useApiMutation } from '../../api';
import { capitalize, zodFormResolver } from '../../lib/form-resolver';
import { InstanceIdFields } from '../../components/instance-id-fields';

const EMPTY: InstanceInput = { name: '', host: '', alias: '', rootCompanyId: '', apiVersion: 2 };

interface AddInstanceModalProps {
  opened: boolean;
  onClose: () => void;
}

export function AddInstanceModal({ opened, onClose }: AddInstanceModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add instance" size="lg">
      {/* Mounted only while open, so each opening starts with an empty form. */}
      {opened && <AddInstanceForm onDone={onClose} />}
    </Modal>
  );
}

function AddInstanceForm({ onDone }: { onDone: () => void }) {
  const form = useForm<InstanceInput>({
    initialValues: EMPTY,
    validate: zodFormResolver(instanceInputSchema),
    validateInputOnBlur: true,
  });
  // Silent: errors are shown in the dialog, where the administrator can fix them.
  const create = useApiMutation('instances:create', { meta: { silent: true } });

  const submit = form.onSubmit((values) => {
    create.mutate(instanceInputSchema.parse(values), {
      onError: (err) => {
        const fields = fieldErrorsOf(err);
        if (err.code === 'CONFLICT') fields.name ??= err.message;
        form.setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, capitalize(v)])));
      },
      onSuccess: (created) => {
        notifySuccess(`${created.name} was added. Enter its secrets on the Connect screen.`, 'Instance added');
        onDone();
      },
    });
  });

  // Shown as an alert unless it already sits next to the fields it is about.
  const formLevelError = formLevelErrorOf(create.error);

  return (
    <form onSubmit={submit} noValidate data-testid="add-instance-form">
      <Stack>
        <Text size="sm" c="dimmed">
          The connection settings that are not secret. The API password and function tokens are entered on the Connect
          screen and kept in the OS keychain.
        </Text>
        <TextInput
          label="Name"
          description="How Admin Desk calls it"
          placeholder="Acme production"
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Host"
          description="The instance's address"
          placeholder="https://acme.smartsimple.com"
          withAsterisk
          {...form.getInputProps('host')}
        />
        <InstanceIdFields form={form} />
        {formLevelError && (
          <Alert color="red" title="The instance was not added" role="alert">
            {formLevelError.message} {ERROR_NEXT_STEPS[formLevelError.code]}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save instance
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
