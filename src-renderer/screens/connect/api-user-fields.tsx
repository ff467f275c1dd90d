/**
 * The API user's login and password. The password is never pre-filled: main only says whether one
 * is stored, and a blank field keeps it.
 */
import { PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ConnectionFormValues } from './connection-form-model';

interface ApiUserFieldsProps {
  form: UseFormReturnType<ConnectionFormValues>;
  passwordSet: boolean;
  /** Why secrets cannot be stored (no keychain); null when they can. */
  secretsBlocked: string | null;
}

export function ApiUserFields({ form, passwordSet, secretsBlocked }: ApiUserFieldsProps) {
  return (
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
        description={passwordHint(passwordSet, secretsBlocked)}
        placeholder={passwordSet ? 'Leave blank to keep the stored password' : 'The API user’s password'}
        disabled={!!secretsBlocked}
        autoComplete="new-password"
        data-testid="password-input"
        {...form.getInputProps('password')}
      />
    </SimpleGrid>
  );
}

function passwordHint(passwordSet: boolean, blocked: string | null): string {
  if (blocked) return 'Cannot be stored without the OS keychain (see the notice above).';
  return passwordSet
    ? 'Stored in your OS keychain. Leave blank to keep it; type a new one to replace it.'
    : 'Not set yet. Kept in your OS keychain, never on disk.';
}
