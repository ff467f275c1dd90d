/**
 * The function editor's form: its values checked against the contract's limits and the names other
 * rows use, a known name filling in its record type and action, and the draft it saves.
 */
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { ACTIONS, KNOWN_FUNCTIONS, RECORD_TYPES, functionInputSchema } from '../../../src-preload/contract';
import { zodFormResolver } from '../../lib/form-resolver';
import type { FunctionDraft } from './connection-form-model';

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

interface FunctionEditorFormOptions {
  /** The function to edit; null to add one. */
  initial: FunctionDraft | null;
  takenNames: string[];
  secretsBlocked: string | null;
  onSave: (draft: FunctionDraft) => void;
}

export function useFunctionEditorForm({ initial, takenNames, secretsBlocked, onSave }: FunctionEditorFormOptions) {
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

  return { form, pickName, submit, tokenHint, hasToken };
}
