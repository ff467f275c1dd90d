/**
 * What every browse screen shows before there is anything to browse: no instance (point to
 * Connect, with the sandbox one click away), or an instance never synced ("Sync now", which shows
 * the plan first). During a first sync the screen already works on what has arrived.
 */
import { Alert, Button, EmptyState, Group, Loader, Paper, Stack } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { Instance } from '../../../src-preload/contract';
import { queryReadsAny } from '../../api';
import { useActiveInstance } from '../../hooks/use-settings';
import { ExploreSandbox } from '../explore-sandbox';
import { openSyncDialog } from '../sync/sync-dialog-store';
import { useSyncState } from '../sync/use-sync-state';

interface BrowseGateProps {
  /** What the screen lists, for the empty states: "people", "roles". */
  what: string;
  children: (instance: Instance) => ReactNode;
}

export function BrowseGate({ what, children }: BrowseGateProps) {
  const { instances, isLoading: instancesLoading } = useActiveInstance();
  const { instance, isLoading, lastSyncedAt, lastRun, running } = useSyncState();
  const [, navigate] = useLocation();
  useFirstSyncRefresh(running !== null && lastSyncedAt === null);

  if (instancesLoading || isLoading) return <Loader size="sm" m="md" aria-label="Loading" />;

  if (!instance) {
    return (
      <Paper withBorder p="xl" data-testid="browse-no-instance">
        <EmptyState
          icon={<IconPlugConnected size={28} />}
          variant="light"
          title={instances.length > 0 ? 'Pick an instance' : 'No instance yet'}
          description={
            instances.length > 0
              ? `Choose the instance whose ${what} you want to see in the header above.`
              : `Connect a SmartSimple instance and sync it; its ${what} then appear here, also offline.`
          }
        />
        {instances.length === 0 && (
          <Stack align="center" mt="md" gap="md">
            <ExploreSandbox size="md" />
            <Button variant="default" onClick={() => navigate('/connect')}>
              Connect your own instance
            </Button>
          </Stack>
        )}
      </Paper>
    );
  }

  if (!lastSyncedAt && !lastRun && !running) {
    return (
      <Paper withBorder p="xl" data-testid="browse-never-synced">
        <EmptyState
          icon={<IconRefresh size={28} />}
          variant="light"
          title={`${instance.name} has not been synced yet`}
          description={`Admin Desk browses a local copy of the instance, so ${what} appear here after a first sync, and stay available offline. Before it starts you see what it costs in API calls against the hourly limit.`}
        />
        <Group justify="center" mt="md">
          <Button leftSection={<IconRefresh size={16} />} onClick={openSyncDialog} data-testid="sync-now-empty">
            Sync now
          </Button>
        </Group>
      </Paper>
    );
  }

  return (
    <>
      {!lastSyncedAt && (
        <Alert
          color={running ? 'blue' : 'yellow'}
          icon={running ? <Loader size={16} /> : <IconAlertTriangle />}
          title={running ? 'The first sync is running' : 'The first sync did not finish'}
          mb="sm"
          data-testid="browse-partial"
        >
          <Group justify="space-between" gap="xs">
            <span>
              {running
                ? `What has arrived so far is shown; ${what} fill in as the sync goes on.`
                : `What arrived is shown, but ${what} may be missing. The next sync continues where it stopped.`}
            </span>
            <Button size="compact-sm" variant="light" onClick={openSyncDialog}>
              {running ? 'Show progress' : 'Resume sync'}
            </Button>
          </Group>
        </Alert>
      )}
      {children(instance)}
    </>
  );
}

/** How often the screens re-read the mirror while a first sync fills it. */
const FIRST_SYNC_REFRESH_MS = 4000;

/**
 * Main announces mirror changes when a sync ends; during a first sync that is a long wait in front
 * of an empty screen, so the screens re-read what has arrived every few seconds meanwhile.
 */
function useFirstSyncRefresh(active: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      void queryClient.invalidateQueries({ predicate: (q) => queryReadsAny(q.queryKey, ['mirror']) });
    }, FIRST_SYNC_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active, queryClient]);
}
