/**
 * "Synced 3 min ago · Sync now" in the header, on every screen: the administrator always knows how
 * fresh the offline copy is. While a sync runs it shows its progress; a click opens the dialog.
 */
import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { ago, dayTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { openSyncDialog } from './sync-dialog-store';
import { useSyncState } from './use-sync-state';

/** Older than this, "last synced" turns orange: the copy may be missing a day's changes. */
const STALE_MS = 24 * 3600_000;

export function SyncStatusButton() {
  const { instance, isLoading, lastSyncedAt, running, unfinished } = useSyncState();
  const now = useNow();
  if (!instance) return null;
  if (isLoading) return <Loader size="xs" aria-label="Loading sync status" />;

  const stale = lastSyncedAt !== null && now - Date.parse(lastSyncedAt) > STALE_MS;
  const percent = running?.total ? Math.min(100, Math.round((running.done / running.total) * 100)) : null;

  return (
    <Group gap={6} wrap="nowrap" visibleFrom="xs">
      <Tooltip label={lastSyncedAt ? `Last synced ${dayTime(lastSyncedAt)}` : 'This instance has not been synced yet'}>
        <Text
          size="sm"
          c={lastSyncedAt === null || stale ? 'orange' : 'dimmed'}
          data-testid="last-synced"
          data-synced-at={lastSyncedAt ?? undefined}
          style={{ whiteSpace: 'nowrap' }}
        >
          {lastSyncedAt ? `Synced ${ago(lastSyncedAt, now)}` : 'Never synced'}
        </Text>
      </Tooltip>
      {unfinished && (
        <Tooltip label="The last sync did not finish. The next one continues where it stopped.">
          <IconAlertTriangle size={16} color="var(--mantine-color-yellow-6)" aria-label="Last sync interrupted" />
        </Tooltip>
      )}
      {running ? (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<Loader size={12} />}
          onClick={openSyncDialog}
          data-testid="sync-running"
          aria-label="Show sync progress"
        >
          Syncing{percent !== null ? ` ${percent}%` : '…'}
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant={lastSyncedAt ? 'subtle' : 'light'}
          leftSection={<IconRefresh size={14} />}
          onClick={openSyncDialog}
          data-testid="sync-now"
        >
          {unfinished ? 'Resume sync' : 'Sync now'}
        </Button>
      )}
    </Group>
  );
}
