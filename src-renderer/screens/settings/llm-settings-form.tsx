/**
 * "Use an LLM (opt-in)": on/off, where the server is, which model, how long to wait, and the key.
 * The key field is never prefilled; left empty it keeps the stored key. The line under the title
 * says what leaves the computer when the LLM is on.
 */
import {
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey, IconTrash } from '@tabler/icons-react';
import type { AiStatus } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS } from '../../api';
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS } from './ai-settings-model';
import { useLlmSettingsForm } from './use-llm-settings-form';

export const PSEUDONYMIZED_NOTE =
  'Only pseudonymized text is sent: names, e-mails, phones, ids and organizations are replaced by tokens first.';

export function LlmSettingsForm({ status }: { status: AiStatus }) {
  const { form, submit, saving, formError, removeKey, removingKey } = useLlmSettingsForm(status);
  return (
    <form onSubmit={submit} noValidate data-testid="llm-settings-form" aria-labelledby="settings-ai-llm">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="settings-ai-llm">
            Use an LLM (opt-in)
          </Title>
          <Text size="sm" c="dimmed" data-testid="llm-privacy-note">
            {PSEUDONYMIZED_NOTE}
          </Text>
        </div>
        <Switch label="Use the LLM for suggestions" {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label="Base URL"
            description="The OpenAI-compatible endpoint, https:// (http:// only on this computer)."
            placeholder="https://api.openai.com/v1"
            {...form.getInputProps('baseUrl')}
          />
          <TextInput
            label="Model"
            description="The model name as the server knows it."
            placeholder="gpt-4o-mini"
            {...form.getInputProps('model')}
          />
          <NumberInput
            label="Timeout (seconds)"
            description="How long to wait for an answer before the local engine takes over."
            min={MIN_TIMEOUT_SECONDS}
            max={MAX_TIMEOUT_SECONDS}
            allowNegative={false}
            {...form.getInputProps('timeoutSeconds')}
          />
          <PasswordInput
            label="API key"
            description={
              status.llm.keySet ? 'Leave empty to keep the stored key.' : 'Kept in the OS keychain, never here.'
            }
            autoComplete="off"
            leftSection={<IconKey size={16} />}
            {...form.getInputProps('key')}
          />
        </SimpleGrid>
        <KeyStatus keySet={status.llm.keySet} onRemove={removeKey} removing={removingKey} />
        {formError && (
          <Alert color="red" title="The AI settings were not saved" role="alert">
            {formError.message} {ERROR_NEXT_STEPS[formError.code]}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" disabled={!form.isDirty() || saving} onClick={() => form.reset()}>
            Discard changes
          </Button>
          <Button type="submit" loading={saving}>
            Save AI settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function KeyStatus({ keySet, onRemove, removing }: { keySet: boolean; onRemove: () => void; removing: boolean }) {
  return (
    <Group gap="sm" data-testid="llm-key-status">
      <Text size="sm">{keySet ? 'A key is stored in the OS keychain.' : 'No key is stored.'}</Text>
      {keySet && (
        <Button
          size="xs"
          variant="default"
          color="red"
          leftSection={<IconTrash size={14} />}
          loading={removing}
          onClick={onRemove}
        >
          Remove key
        </Button>
      )}
    </Group>
  );
}
