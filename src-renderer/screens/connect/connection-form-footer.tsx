/** The end of the connection form: why it was not saved, why it cannot be, and Save / Discard / Cancel. */
import { Alert, Button, Group, Text } from '@mantine/core';
import { ERROR_NEXT_STEPS } from '../../api';
import type { ConnectionFormState } from './use-connection-form';

interface ConnectionFormFooterProps {
  state: ConnectionFormState;
  onCancel: (() => void) | undefined;
}

export function ConnectionFormFooter({ state, onCancel }: ConnectionFormFooterProps) {
  const { form, save, dirty, isNew, formLevelError, saveBlocked, invalidCount } = state;
  return (
    <>
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
        {!saveBlocked && invalidCount > 0 && (
          <Text size="sm" c="red" role="alert" data-testid="save-invalid">
            Not saved: {invalidCount === 1 ? 'one field needs' : `${invalidCount} fields need`} correcting (marked in
            red; the first one has the focus).
          </Text>
        )}
        {!saveBlocked && invalidCount === 0 && dirty && !isNew && (
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
    </>
  );
}
