/**
 * Automatic sync: the active instance syncs every N minutes while Admin Desk is open (off by
 * default). Shows when the next one is due, and why the last due one was skipped.
 */
import { Button, Group, Loader, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { autoSyncSchema, type AutoSync } from '../../../src-preload/contract';
import { toApiCallError, useApiMutation, useApiQuery } from '../../api';

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function AutoSyncSection() {
  const settings = useApiQuery('settings:get');
  const schedule = useApiQuery('sync:schedule');
  const s = settings.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-auto-sync" data-testid="auto-sync-section">
      <Title order={2} size="h3" id="settings-auto-sync" mb={4}>
        Automatic sync
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Keeps the mirror fresh while Admin Desk is open. A due sync waits when a sync or an apply is already running, or
        when the instance is not connected.
      </Text>
      {!s ? (
        <Loader size="sm" aria-label="Loading the settings" />
      ) : (
        <AutoSyncForm key={JSON.stringify(s.autoSync)} current={s.autoSync} />
      )}
      {schedule.data?.enabled && (
        <Stack gap={2} mt="sm">
          {schedule.data.nextAt ? (
            <Text size="sm" data-testid="auto-sync-next">
              Next automatic sync at {timeOf(schedule.data.nextAt)}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Add an instance on the Connect screen to sync it automatically.
            </Text>
          )}
          {schedule.data.lastSkipped && (
            <Text size="xs" c="dimmed" data-testid="auto-sync-skipped">
              The last one was skipped: {schedule.data.lastSkipped}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function AutoSyncForm({ current }: { current: AutoSync }) {
  const [minutes, setMinutes] = useState<string | number>(current.everyMinutes);
  const [error, setError] = useState<string | null>(null);
  const update = useApiMutation('settings:update', { onError: (e) => setError(toApiCallError(e).message) });
  const save = (patch: Partial<AutoSync>) => {
    const parsed = autoSyncSchema.safeParse({ ...current, everyMinutes: Number(minutes), ...patch });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the minutes.');
    setError(null);
    update.mutate({ autoSync: parsed.data });
  };
  const changed = Number(minutes) !== current.everyMinutes;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save({});
      }}
    >
      <Stack gap="sm">
        <Switch
          checked={current.enabled}
          onChange={(e) => save({ enabled: e.currentTarget.checked })}
          disabled={update.isPending}
          label={`Sync automatically every ${current.everyMinutes} minutes while Admin Desk is open`}
          data-testid="auto-sync-enabled"
        />
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Minutes between syncs"
            description="From 5 to 1440 (once a day)."
            value={minutes}
            onChange={setMinutes}
            min={5}
            max={1440}
            allowDecimal={false}
            clampBehavior="none"
            error={error}
            w={220}
            data-testid="auto-sync-minutes"
          />
          <Button type="submit" variant="default" disabled={!changed} loading={update.isPending}>
            Save minutes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
