/**
 * The administrator's own name, set once on this computer: approvals, plans and the trail record
 * it (not the computer login). Used by Settings and by the first-time prompt before an approval.
 */
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { administratorNameSchema } from '../../../src-preload/contract';
import { fieldErrorsOf, toApiCallError, useApiMutation } from '../../api';
import { friendlyMessage } from '../../lib/form-resolver';

interface Props {
  current: string | null;
  onSaved?: (name: string) => void;
  submitLabel?: string;
}

export function AdministratorNameForm({ current, onSaved, submitLabel = 'Save name' }: Props) {
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('settings:update', {
    onSuccess: (s) => onSaved?.(s.administratorName ?? ''),
    onError: (e) => {
      const err = toApiCallError(e);
      setError(fieldErrorsOf(err).administratorName ?? err.message);
    },
  });
  const submit = () => {
    const parsed = administratorNameSchema.safeParse(name);
    if (!parsed.success) return setError(friendlyMessage(parsed.error.issues[0]!));
    setError(null);
    save.mutate({ administratorName: parsed.data });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <TextInput
          label="Your name"
          description="Recorded on the plans you build and the approvals you give, and in the audit trail."
          placeholder="e.g. Dana Whitfield"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          maxLength={200}
          data-autofocus
          data-testid="administrator-name"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="save-administrator-name">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
