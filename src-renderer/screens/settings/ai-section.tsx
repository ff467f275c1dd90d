/**
 * Settings, "AI": which engine makes suggestions (the local one unless the LLM is opted into),
 * why the LLM is not used when it is on but cannot be, its settings and connection test, and how
 * often each kind of suggestion was taken.
 */
import { Alert, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCpu, IconCloud } from '@tabler/icons-react';
import type { AiStatus } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { engineSummary } from './ai-settings-model';
import { LlmConnectionTest } from './llm-connection-test';
import { LlmSettingsForm } from './llm-settings-form';
import { SuggestionRatesTable } from './suggestion-rates-table';

export function AiSection() {
  const status = useApiQuery('ai:status', undefined, { meta: { errorTitle: 'The AI settings could not be read' } });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-ai" data-testid="settings-ai">
      <Title order={2} size="h3" id="settings-ai" mb={4}>
        AI
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Suggestions are made on this computer unless you opt into an LLM. You decide on every suggestion.
      </Text>
      {status.data ? <AiStatusBody status={status.data} /> : <Skeleton height={120} visible={status.isLoading} />}
    </Paper>
  );
}

function AiStatusBody({ status }: { status: AiStatus }) {
  const noEndpoint = status.llm.baseUrl === '' ? 'Save a base URL first.' : null;
  return (
    <Stack gap="md">
      <EngineInUse status={status} />
      <Divider />
      <LlmSettingsForm status={status} />
      <LlmConnectionTest disabledReason={noEndpoint} />
      <Divider />
      <Title order={3} size="h4">
        AI suggestions
      </Title>
      <SuggestionRatesTable rates={status.rates} />
    </Stack>
  );
}

function EngineInUse({ status }: { status: AiStatus }) {
  const Icon = status.engine === 'llm' ? IconCloud : IconCpu;
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="ai-engine" data-engine={status.engine}>
        <Icon size={18} aria-hidden />
        <Text size="sm">
          Engine in use:{' '}
          <Text span fw={600}>
            {engineSummary(status)}
          </Text>
        </Text>
      </Group>
      {status.llmProblem && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title={status.engine === 'llm' ? 'Check the LLM settings' : 'The LLM is not used'}
          data-testid="ai-llm-problem"
        >
          {status.llmProblem}
        </Alert>
      )}
    </Stack>
  );
}
