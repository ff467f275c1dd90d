/**
 * "Test the LLM connection": one small request to the saved endpoint; the answer says what worked
 * or what failed, how long it took, in green or red.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useApiMutation } from '../../api';

export function LlmConnectionTest({ disabledReason }: { disabledReason: string | null }) {
  const test = useApiMutation('ai:testLlm', { meta: { errorTitle: 'The LLM connection was not tested' } });
  const result = test.data;
  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconPlugConnected size={16} />}
          loading={test.isPending}
          disabled={!!disabledReason}
          onClick={() => test.mutate(undefined)}
        >
          Test the LLM connection
        </Button>
        <Text size="sm" c="dimmed">
          {disabledReason ?? 'Tests the saved settings with one small request.'}
        </Text>
      </Group>
      {result && !test.isPending && (
        <Alert
          w="100%"
          color={result.ok ? 'teal' : 'red'}
          title={result.ok ? 'The LLM answered' : 'The LLM connection failed'}
          data-testid="llm-test-result"
          data-ok={result.ok}
          role="status"
        >
          {result.message} ({result.model} at {result.baseUrl}, {result.latencyMs.toLocaleString()} ms)
        </Alert>
      )}
    </Stack>
  );
}
