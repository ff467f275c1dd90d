/**
 * Home: which instance is active, and the getting-started steps with what is done. Without an
 * instance, one clear next step instead of an empty dashboard.
 */
import { Badge, Button, EmptyState, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { useApiQuery } from '../../api';
import { ScreenHeader } from '../../components/screen-header';
import { useActiveInstance } from '../../hooks/use-settings';
import { GettingStarted } from './getting-started';

export function HomeScreen() {
  const { active, instances, isLoading } = useActiveInstance();
  const info = useApiQuery('app:info');
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
            icon={<IconServer size={28} />}
            variant="light"
            title="Start by adding your SmartSimple instance"
            description="Admin Desk works on one instance at a time. Add it in Settings (host, alias, root company ID), then test the connection on the Connect screen."
          >
            <EmptyState.Actions>
              <Button onClick={() => navigate('/settings')}>Go to Settings</Button>
            </EmptyState.Actions>
          </EmptyState>
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
                No instance is active. Pick one in the header or in Settings.
              </Text>
            )}
          </Paper>
          <GettingStarted hasInstance={instances.length > 0} />
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
