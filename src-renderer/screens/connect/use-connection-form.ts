/**
 * The connection form's state: values and validation, the save call and what its errors mean
 * (on a field, or for the whole form), and why saving is blocked before the click.
 */
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ConnectionDetails } from '../../../src-preload/contract';
import { apiQueryKey, formLevelErrorOf, notifySuccess, useApiMutation } from '../../api';
import {
  EMPTY_CONNECTION,
  hasNewSecrets,
  serverFieldErrors,
  toConnectionInput,
  validateConnection,
  valuesFromDetails,
  type ConnectionFormValues,
} from './connection-form-model';

interface ConnectionFormOptions {
  details: ConnectionDetails | undefined;
  secretsBlocked: string | null;
  onSaved: (details: ConnectionDetails) => void;
  onDirtyChange: ((dirty: boolean) => void) | undefined;
}

export function useConnectionForm({ details, secretsBlocked, onSaved, onDirtyChange }: ConnectionFormOptions) {
  const queryClient = useQueryClient();
  const isNew = !details;
  const form = useForm<ConnectionFormValues>({
    initialValues: details ? valuesFromDetails(details) : EMPTY_CONNECTION,
    validate: validateConnection,
  });
  // Silent: errors are shown on the fields they are about, or in an alert above Save.
  const save = useApiMutation('connections:save', { meta: { silent: true } });

  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // How many fields stopped the last Save: said beside the button, the first one focused.
  const [invalidCount, setInvalidCount] = useState(0);
  const submit = form.onSubmit(
    (values) => {
      setInvalidCount(0);
      saveValid(values);
    },
    (errors) => {
      setInvalidCount(Object.keys(errors).length);
      focusFirstInvalid();
    },
  );

  function saveValid(values: ConnectionFormValues) {
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
  }

  const formLevelError = formLevelErrorOf(save.error);
  // Main's save also reconciles the tokens already in the keychain, so without one even a save
  // with no new secret fails: say so before the click rather than after.
  const saveBlocked = secretsBlocked
    ? hasNewSecrets(form.values)
      ? 'Secrets cannot be saved without the OS keychain (see the notice above).'
      : 'Saving needs the OS keychain (see the notice above).'
    : null;

  return { form, save, submit, dirty, isNew, formLevelError, saveBlocked, invalidCount };
}

export type ConnectionFormState = ReturnType<typeof useConnectionForm>;

/** After the errors render: the first field marked invalid gets the focus (and scrolls into view). */
function focusFirstInvalid(): void {
  window.setTimeout(() => {
    const first = document.querySelector<HTMLElement>('[data-testid="connection-form"] [aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  }, 0);
}
