/**
 * Adds or edits one function of the registry. The name suggests the functions Admin Desk uses and
 * fills in their record type and action; the token is never shown (main does not send it), so a
 * blank token keeps the stored one. Nothing is saved until the Connect form is saved.
 */
import {
  Autocomplete,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { ACTIONS, KNOWN_FUNCTIONS, RECORD_TYPES } from '../../../src-preload/contract';
import type { FunctionDraft } from './connection-form-model';
import { useFunctionEditorForm } from './use-function-editor-form';

interface FunctionEditorModalProps {
  opened: boolean;
  /** The function to edit; null to add one. */
  initial: FunctionDraft | null;
  /** Names other rows use, which this one may not take. */
  takenNames: string[];
  secretsBlocked: string | null;
  onSave: (draft: FunctionDraft) => void;
  onClose: () => void;
}

export function FunctionEditorModal({ opened, initial, ...rest }: FunctionEditorModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={rest.onClose}
      title={initial ? `Edit function ${initial.name}` : 'Add function'}
      size="lg"
    >
      {/* Mounted only while open, so each opening starts from the row it edits. */}
      {opened && <FunctionEditorForm initial={initial} {...rest} />}
    </Modal>
  );
}

function FunctionEditorForm({
  initial,
  takenNames,
  secretsBlocked,
  onSave,
  onClose,
}: Omit<FunctionEditorModalProps, 'opened'>) {
  const { form, pickName, submit, tokenHint, hasToken } = useFunctionEditorForm({
    initial,
    takenNames,
    secretsBlocked,
    onSave,
  });

  return (
    <form
      onSubmit={(e) => {
        // React bubbles events through portals: without this, the Connect form around the
        // modal would submit (and save) too.
        e.stopPropagation();
        submit(e);
      }}
      noValidate
      data-testid="function-editor"
    >
      <Stack>
        <Autocomplete
          label="Function name"
          description="Admin Desk's name for it; pick one of the names Admin Desk uses, or your own"
          placeholder="users.list"
          withAsterisk
          data-autofocus
          data={Object.keys(KNOWN_FUNCTIONS)}
          {...form.getInputProps('name')}
          onChange={pickName}
        />
        <SimpleGrid cols={2}>
          <Select
            label="Record type"
            withAsterisk
            data={[...RECORD_TYPES]}
            searchable
            {...form.getInputProps('type')}
          />
          <Select label="Action" withAsterisk data={[...ACTIONS]} searchable {...form.getInputProps('action')} />
        </SimpleGrid>
        <Textarea
          label="Fields"
          description="The function's field list as defined in SmartSimple, one per line (sf_First Name, cf_Department)"
          autosize
          minRows={3}
          maxRows={10}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('fieldsText')}
        />
        {form.values.action === 'report-query' && (
          <TextInput
            label="Report ID"
            description="The Report Builder report the function reads"
            {...form.getInputProps('reportid')}
          />
        )}
        <PasswordInput
          label="Token"
          description={tokenHint}
          placeholder={hasToken ? 'Leave blank to keep the token' : 'Paste the token'}
          disabled={!!secretsBlocked}
          autoComplete="off"
          {...form.getInputProps('token')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">{initial ? 'Keep changes' : 'Add to the list'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
