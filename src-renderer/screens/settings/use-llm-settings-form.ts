/**
 * The LLM form's state: starts from the saved settings (and follows them while untouched), checks
 * with the contract's rules before sending, puts main's refusals on their fields, and clears the
 * key field after a save so the key is never kept on screen.
 */
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import type { AiStatus } from '../../../src-preload/contract';
import { formLevelErrorOf, notifySuccess, useApiMutation } from '../../api';
import {
  removeKeyInput,
  serverFieldErrors,
  toConfigureInput,
  validateLlmForm,
  valuesFromStatus,
  type LlmFormValues,
} from './ai-settings-model';

export function useLlmSettingsForm(status: AiStatus) {
  const form = useForm<LlmFormValues>({ initialValues: valuesFromStatus(status), validate: validateLlmForm });
  // Silent: a refusal is shown at its field, or in an alert above Save.
  const save = useApiMutation('ai:configureLlm', { meta: { silent: true } });
  const removeKey = useApiMutation('ai:configureLlm', { meta: { errorTitle: 'The key was not removed' } });

  const dirty = form.isDirty();
  useEffect(() => {
    if (dirty) return;
    const next = valuesFromStatus(status);
    form.setInitialValues(next);
    form.setValues(next);
    // Only the saved settings matter here; `form` is stable and `dirty` is read, not followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status.llm]);

  const submit = form.onSubmit((values) => {
    save.mutate(toConfigureInput(values), {
      onError: (err) => form.setErrors(serverFieldErrors(err)),
      onSuccess: (saved) => {
        const next = valuesFromStatus(saved);
        form.setInitialValues(next);
        form.setValues(next);
        form.resetDirty(next);
        notifySuccess(
          saved.engine === 'llm' ? 'Suggestions now come from the LLM.' : 'Suggestions come from the local engine.',
          'AI settings saved',
        );
      },
    });
  });

  const confirmRemoveKey = () =>
    removeKey.mutate(removeKeyInput(status), {
      onSuccess: () => notifySuccess('The key was removed from the OS keychain.', 'Key removed'),
    });

  const formError =
    save.error && Object.keys(serverFieldErrors(save.error)).length === 0 ? formLevelErrorOf(save.error) : null;
  return {
    form,
    submit,
    saving: save.isPending,
    formError,
    removeKey: confirmRemoveKey,
    removingKey: removeKey.isPending,
  };
}
