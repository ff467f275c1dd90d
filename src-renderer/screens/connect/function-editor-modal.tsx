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
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { ACTIONS, KNOWN_FUNCTIONS, RECORD_TYPES, functionInputSchema } from '../../../src-preload/contract';
import { zodFormResolver } from '../../lib/form-resolver';
import type { FunctionDraft } from './connection-form-model';

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

interface EditorValues {
  name: string;
  type: string;
  action: string;
  fieldsText: string;
  reportid: string;
  token: string;
}

const KNOWN = KNOWN_FUNCTIONS as Record<string, { type: string; action: string }>;
const splitFields = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function editorSchema(taken: string[]) {
  return z.object({
    name: functionInputSchema.shape.name.refine(
      (n) => !taken.includes(n.trim()),
      'Another function already has this name',
    ),
    // Strings checked against the lists (not z.enum), so the schema's input is the form's values.
    type: z
      .string()
      .refine(
        (t) => (RECORD_TYPES as readonly string[]).includes(t),
        'Choose the record type the function was created for',
      ),
    action: z.string().refine((a) => (ACTIONS as readonly string[]).includes(a), 'Choose the function’s action'),
    fieldsText: z
      .string()
      .refine((t) => splitFields(t).length <= 200, 'At most 200 fields')
      .refine((t) => splitFields(t).every((f) => f.length <= 300), 'A field name has at most 300 characters'),
    reportid: z.string().trim().max(40, 'At most 40 characters'),
    token: z
      .string()
      .trim()
      .refine((t) => t === '' || (t.length >= 8 && t.length <= 200), 'A token has 8 to 200 characters'),
  });
}

function FunctionEditorForm({
  initial,
  takenNames,
  secretsBlocked,
  onSave,
  onClose,
}: Omit<FunctionEditorModalProps, 'opened'>) {
  const hasToken = !!initial?.tokenSet || !!initial?.token;
  const form = useForm<EditorValues>({
    initialValues: {
      name: initial?.name ?? '',
      type: initial?.type ?? '',
      action: initial?.action ?? '',
      fieldsText: initial?.fields.join('\n') ?? '',
      reportid: initial?.reportid ?? '',
      token: '',
    },
    validate: zodFormResolver(editorSchema(takenNames)),
    validateInputOnBlur: true,
  });

  const pickName = (name: string) => {
    form.setFieldValue('name', name);
    const known = KNOWN[name.trim()];
    // A known name means a known shape: fill what the administrator has not chosen yet.
    if (known) {
      if (!form.values.type) form.setFieldValue('type', known.type);
      if (!form.values.action) form.setFieldValue('action', known.action);
    }
  };

  const submit = form.onSubmit((v) =>
    onSave({
      name: v.name.trim(),
      type: v.type,
      action: v.action,
      fields: splitFields(v.fieldsText),
      reportid: v.action === 'report-query' ? v.reportid.trim() : '',
      // A new token replaces a pending one; blank keeps whatever was there.
      token: v.token.trim() || initial?.token || '',
      tokenSet: initial?.tokenSet ?? false,
    }),
  );

  const tokenHint = secretsBlocked
    ? 'Cannot be stored without the OS keychain (see the notice on the Connect screen).'
    : initial?.token
      ? 'A new token is waiting to be saved. Leave blank to keep it.'
      : initial?.tokenSet
        ? 'Stored in your OS keychain. Leave blank to keep it; paste a new one to replace it.'
        : 'From the function in SmartSimple. Kept in your OS keychain, never on disk.';

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
