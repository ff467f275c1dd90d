/**
 * Home: which instance is active, and the getting-started steps with what is done. Without an
 * instance, one clear next step instead of an empty dashboard: the sandbox, one click away.
 */
import { Badge, Button, Divider, EmptyState, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { useApiQuery } from '../../api';
import { ScreenHeader } from '../../components/screen-header';
import { useActiveInstance } from '../../hooks/use-settings';
import { ExploreSandbox } from '../../components/explore-sandbox';
import { GettingStarted } from './getting-started';

export function HomeScreen() {
  const { active, instances, isLoading } = useActiveInstance();
  const info = useApiQuery('app:info');
  // Only to tick the "tested" step; silent, the Connect screen shows any error.
  const connection = useApiQuery(
    'connections:get',
    { instanceId: active?.id ?? '' },
    { enabled: !!active, meta: { silent: true } },
  );
  // To tick "Sync" once a sync of the active instance has completed.
  const sync = useApiQuery(
    'sync:status',
    { instanceId: active?.id ?? '' },
    { enabled: !!active, meta: { silent: true } },
  );
  const [, navigate] = useLocation();

  return (
    <Stack gap="lg" data-testid="screen-home">
      <ScreenHeader
        title="Home"
        description="Prepare SmartSimple changes offline, approve them, and apply them in reviewed batches."
      />
      {!isLoading && instances.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            data-testid="home-empty"
            icon={<IconPlugConnected size={28} />}
            variant="light"
            title="Welcome to Admin Desk"
            description="Admin Desk works on one SmartSimple instance at a time. Explore first with the built-in sandbox — 1,000 made-up people on this computer — or connect your own instance with its API user and function tokens."
          />
          <Stack align="center" mt="md" gap="md">
            <ExploreSandbox />
            <Divider label="or" labelPosition="center" w={320} />
            <Button variant="default" onClick={() => navigate('/connect')}>
              Connect your own instance
            </Button>
          </Stack>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" data-testid="home-active-instance">
            <Title order={2} size="h3" mb="xs">
              Active instance
            </Title>
            {active ? (
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={600}>{active.name}</Text>
                  {active.isSandbox && <Badge color="grape">sandbox</Badge>}
                </Group>
                <Text size="sm" ff="monospace">
                  {active.host}
                </Text>
                <Text size="sm" c="dimmed">
                  Alias {active.alias} · root company {active.rootCompanyId} · API v{active.apiVersion}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                No instance is active. Pick one in the header, or on the Connect screen.
              </Text>
            )}
          </Paper>
          <GettingStarted
            hasInstance={instances.length > 0}
            tested={!!connection.data?.lastTest?.ok}
            synced={!!sync.data?.lastSyncedAt}
          />
        </SimpleGrid>
      )}
      {info.data && (
        <Text size="xs" c="dimmed" data-testid="app-info">
          {info.data.name} {info.data.version} · {info.data.shell} · data in {info.data.dataDir}
        </Text>
      )}
    </Stack>
  );
}
