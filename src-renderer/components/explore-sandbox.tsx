/**
 * "Explore with the sandbox instance": the newcomer's one click. Main starts the built-in sandbox
 * (seeding 1,000 people; its made-up credentials need no keychain), tests every function and
 * answers with the connection; we then show it on the Connect screen. The call gives no progress
 * events, so while it runs we say what is happening and how long it has taken, not a fake bar.
 */
import { Alert, Button, Group, List, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { KNOWN_FUNCTIONS } from '../../src-preload/contract';
import { ERROR_NEXT_STEPS, apiQueryKey, notifySuccess, useApiMutation } from '../api';

const FUNCTION_COUNT = Object.keys(KNOWN_FUNCTIONS).length;

interface ExploreSandboxProps {
  /** A big button for the first-start screens, a smaller one elsewhere. */
  size?: 'md' | 'lg';
}

export function ExploreSandbox({ size = 'lg' }: ExploreSandboxProps) {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  // Silent: the error is shown under the button, with what to do next.
  const explore = useApiMutation('sandbox:explore', {
    meta: { silent: true },
    onSuccess: (details) => {
      // Put the answer in the cache so the Connect screen shows the green test at once.
      queryClient.setQueryData(apiQueryKey('connections:get', { instanceId: details.instance.id }), details);
      const working = details.lastTest?.results.filter((r) => r.status === 'ok' || r.status === 'accepted').length ?? 0;
      notifySuccess(
        `${working} of ${details.functions.length} functions working.`,
        'Connected to the sandbox instance',
      );
      navigate('/connect');
    },
  });

  if (explore.isPending) return <ExploreProgress />;

  return (
    <Stack gap="xs" align="center">
      <Button size={size} leftSection={<IconFlask size={20} />} onClick={() => explore.mutate(undefined)}>
        Explore with the sandbox instance
      </Button>
      <Text size="sm" c="dimmed" ta="center" maw={520}>
        A built-in SmartSimple imitation with 1,000 people, running on this computer. Nothing leaves your machine, and
        it needs no keychain.
      </Text>
      {explore.error && (
        <Alert color="red" title="The sandbox did not start" role="alert" maw={560}>
          {explore.error.message} {ERROR_NEXT_STEPS[explore.error.code]}
        </Alert>
      )}
    </Stack>
  );
}

function ExploreProgress() {
  const seconds = useElapsedSeconds();
  return (
    <Paper withBorder p="md" maw={560} mx="auto" role="status" aria-live="polite" data-testid="explore-progress">
      <Group gap="sm" mb="xs" wrap="nowrap">
        <Loader size="sm" />
        <Text fw={600}>Starting the sandbox instance… {seconds > 0 ? `${seconds} s` : ''}</Text>
      </Group>
      <List size="sm" spacing={4}>
        <List.Item>Seeding 1,000 people, their organizations, roles and six months of logs</List.Item>
        <List.Item>Testing each of its {FUNCTION_COUNT} functions once</List.Item>
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        This takes a few seconds.
      </Text>
    </Paper>
  );
}

function useElapsedSeconds(): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return seconds;
}
