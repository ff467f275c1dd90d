/**
 * The connection settings of one instance (or a new one): where it is, which API user to log in
 * as, and the function registry. Saved in one `connections:save`: the non-secret settings go to
 * SQLite, the password and tokens to the OS keychain. Secrets are never pre-filled: main only says
 * whether they are set, and a blank field keeps the stored one.
 */
import {
  Alert,
  Button,
  Divider,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ConnectionDetails } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS, apiQueryKey, fieldErrorsOf, notifySuccess, useApiMutation } from '../../api';
import {
  EMPTY_CONNECTION,
  hasNewSecrets,
  mergePasted,
  serverFieldErrors,
  toConnectionInput,
  validateConnection,
  valuesFromDetails,
  type ConnectionFormValues,
} from './connection-form-model';
import { FunctionsSection } from './functions-section';
import { PasteRegistryModal } from './paste-registry-modal';

interface ConnectionFormProps {
  /** The saved connection; absent for a new one. */
  details?: ConnectionDetails | undefined;
  /** Why secrets cannot be stored (no keychain); null when they can. */
  secretsBlocked: string | null;
  onSaved: (details: ConnectionDetails) => void;
  onCancel?: () => void;
  onDirtyChange?: (dirty: boolean) => void;
}

export function ConnectionForm({ details, secretsBlocked, onSaved, onCancel, onDirtyChange }: ConnectionFormProps) {
  const queryClient = useQueryClient();
  const isNew = !details;
  const isSandbox = !!details?.instance.isSandbox;
  const [pasting, setPasting] = useState(false);
  const form = useForm<ConnectionFormValues>({
    initialValues: details ? valuesFromDetails(details) : EMPTY_CONNECTION,
    validate: validateConnection,
  });
  // Silent: errors are shown on the fields they are about, or in an alert above Save.
  const save = useApiMutation('connections:save', { meta: { silent: true } });

  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const submit = form.onSubmit((values) => {
    save.mutate(toConnectionInput(values, details?.instance.id), {
      onError: (err) => {
        const fields = serverFieldErrors(err.details, values);
        if (err.code === 'CONFLICT') fields.name ??= err.message;
        form.setErrors(fields);
      },
      onSuccess: (saved) => {
        queryClient.setQueryData(apiQueryKey('connections:get', { instanceId: saved.instance.id }), saved);
        // The saved state is the new baseline: blank secrets again, nothing dirty.
        const next = valuesFromDetails(saved);
        form.setInitialValues(next);
        form.setValues(next);
        form.resetDirty(next);
        notifySuccess(
          isNew
            ? `${saved.instance.name} was added. Test the connection to see which functions answer.`
            : `${saved.instance.name} was saved.`,
          'Connection saved',
        );
        onSaved(saved);
      },
    });
  });

  const error = save.error;
  const formLevelError =
    error && !(error.code === 'CONFLICT' || Object.keys(fieldErrorsOf(error)).length > 0) ? error : null;
  // Main's save also reconciles the tokens already in the keychain, so without one even a save
  // with no new secret fails: say so before the click rather than after.
  const saveBlocked = secretsBlocked
    ? hasNewSecrets(form.values)
      ? 'Secrets cannot be saved without the OS keychain (see the notice above).'
      : 'Saving needs the OS keychain (see the notice above).'
    : null;
  const apiVersion = form.getInputProps('apiVersion');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="connect-settings-title">
      <form onSubmit={submit} noValidate data-testid="connection-form">
        <Stack>
          <div>
            <Title order={2} size="h3" id="connect-settings-title">
              {isNew ? 'New connection' : 'Connection settings'}
            </Title>
            <Text size="sm" c="dimmed">
              Where the instance is and how Admin Desk logs in. The password and tokens are kept in your OS keychain.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              description="How Admin Desk calls it"
              placeholder="Acme production"
              withAsterisk
              {...form.getInputProps('name')}
            />
            <TextInput
              label="Host"
              description={
                isSandbox
                  ? 'The built-in sandbox: Admin Desk starts it and knows its address'
                  : 'The instance’s address'
              }
              placeholder="https://acme.smartsimple.com"
              withAsterisk
              disabled={isSandbox}
              {...form.getInputProps('host')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Alias" placeholder="acme" withAsterisk {...form.getInputProps('alias')} />
            <TextInput
              label="Root company ID"
              placeholder="12345"
              inputMode="numeric"
              withAsterisk
              {...form.getInputProps('rootCompanyId')}
            />
            <NativeSelect
              label="API version"
              withAsterisk
              data={[
                { value: '2', label: '2' },
                { value: '1', label: '1' },
              ]}
              value={String(form.values.apiVersion)}
              error={apiVersion.error}
              onChange={(e) => form.setFieldValue('apiVersion', e.currentTarget.value === '1' ? 1 : 2)}
            />
          </SimpleGrid>

          <Divider label="API user" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="API username"
              description="The login of a SmartSimple user whose access type is API Access"
              placeholder="api@acme.org"
              withAsterisk
              autoComplete="off"
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label="Password"
              description={passwordHint(details?.passwordSet ?? false, secretsBlocked)}
              placeholder={details?.passwordSet ? 'Leave blank to keep the stored password' : 'The API user’s password'}
              disabled={!!secretsBlocked}
              autoComplete="new-password"
              data-testid="password-input"
              {...form.getInputProps('password')}
            />
          </SimpleGrid>

          <Divider />
          <FunctionsSection
            functions={form.values.functions}
            onChange={(next) => form.setFieldValue('functions', next)}
            onPaste={() => setPasting(true)}
            error={typeof form.errors.functions === 'string' ? form.errors.functions : undefined}
            secretsBlocked={secretsBlocked}
          />

          {formLevelError && (
            <Alert color="red" title="The connection was not saved" role="alert">
              {formLevelError.message} {ERROR_NEXT_STEPS[formLevelError.code]}
            </Alert>
          )}
          <Group justify="flex-end" align="center">
            {saveBlocked && (
              <Text size="sm" c="red" data-testid="save-blocked" maw={560}>
                {saveBlocked}
              </Text>
            )}
            {!saveBlocked && dirty && !isNew && (
              <Text size="sm" c="dimmed">
                Unsaved changes
              </Text>
            )}
            {isNew ? (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            ) : (
              <Button variant="default" disabled={!dirty || save.isPending} onClick={() => form.reset()}>
                Discard changes
              </Button>
            )}
            <Button type="submit" loading={save.isPending} disabled={!!saveBlocked || (!isNew && !dirty)}>
              {isNew ? 'Save connection' : 'Save changes'}
            </Button>
          </Group>
        </Stack>
      </form>
      <PasteRegistryModal
        opened={pasting}
        onClose={() => setPasting(false)}
        onApply={(pasted, replaceAll) => form.setValues(mergePasted(form.values, pasted, replaceAll))}
      />
    </Paper>
  );
}

function passwordHint(passwordSet: boolean, blocked: string | null): string {
  if (blocked) return 'Cannot be stored without the OS keychain (see the notice above).';
  return passwordSet
    ? 'Stored in your OS keychain. Leave blank to keep it; type a new one to replace it.'
    : 'Not set yet. Kept in your OS keychain, never on disk.';
}
