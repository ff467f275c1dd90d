/**
 * The connection settings of one instance (or a new one): where it is, which API user to log in
 * as, and the function registry. Saved in one `connections:save`: the non-secret settings go to
 * SQLite, the password and tokens to the OS keychain. Secrets are never pre-filled: main only says
 * whether they are set, and a blank field keeps the stored one.
 */
import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ConnectionDetails } from '../../../src-preload/contract';
import { ApiUserFields } from './api-user-fields';
import { ConnectionFormFooter } from './connection-form-footer';
import { mergePasted } from './connection-form-model';
import { FunctionsSection } from './functions-section';
import { InstanceFields } from './instance-fields';
import { PasteRegistryModal } from './paste-registry-modal';
import { useConnectionForm } from './use-connection-form';

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
  const state = useConnectionForm({ details, secretsBlocked, onSaved, onDirtyChange });
  const { form, isNew } = state;
  const [pasting, setPasting] = useState(false);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="connect-settings-title">
      <form onSubmit={state.submit} noValidate data-testid="connection-form">
        <Stack>
          <div>
            <Title order={2} size="h3" id="connect-settings-title">
              {isNew ? 'New connection' : 'Connection settings'}
            </Title>
            <Text size="sm" c="dimmed">
              Where the instance is and how Admin Desk logs in. The password and tokens are kept in your OS keychain.
            </Text>
          </div>
          <InstanceFields form={form} isSandbox={!!details?.instance.isSandbox} />

          <Divider label="API user" labelPosition="left" />
          <ApiUserFields form={form} passwordSet={details?.passwordSet ?? false} secretsBlocked={secretsBlocked} />

          <Divider />
          <FunctionsSection
            functions={form.values.functions}
            onChange={(next) => form.setFieldValue('functions', next)}
            onPaste={() => setPasting(true)}
            error={typeof form.errors.functions === 'string' ? form.errors.functions : undefined}
            secretsBlocked={secretsBlocked}
          />

          <ConnectionFormFooter state={state} onCancel={onCancel} />
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
