/**
 * The instances list with its actions: add, rename, remove, make active. Adding is Connect's New
 * connection (one form for a new instance, with its API user and tokens); renaming and removing
 * open their own dialogs here.
 */
import { Anchor, Button, EmptyState, Group, Paper, Text, Title } from '@mantine/core';
import { IconPlus, IconServer } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Instance } from '../../../src-preload/contract';
import { useActiveInstance } from '../../hooks/use-settings';
import { InstancesTable } from './instances-table';
import { RenameInstanceModal } from './rename-instance-modal';
import { useInstanceActions } from './use-instance-actions';

export function InstancesSection() {
  const { active, instances, isLoading } = useActiveInstance();
  const [, navigate] = useLocation();
  const [renaming, setRenaming] = useState<Instance | null>(null);
  const actions = useInstanceActions();

  const addButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => navigate('/connect/new')}
      title="Opens Connect's New connection: the instance, its API user and its function tokens"
    >
      Add instance
    </Button>
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-instances">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h3" id="settings-instances">
            SmartSimple instances
          </Title>
          <Text size="sm" c="dimmed">
            The active instance is the one every screen shows. Its API user, password and function tokens are edited on{' '}
            <Anchor href="#/connect" size="sm" data-testid="settings-to-connect">
              Connect
            </Anchor>
            .
          </Text>
        </div>
        {instances.length > 0 && addButton}
      </Group>

      {!isLoading && instances.length === 0 ? (
        <EmptyState
          data-testid="instances-empty"
          icon={<IconServer size={28} />}
          variant="light"
          title="No instance yet"
          description="Add your SmartSimple instance on Connect: its host (such as https://acme.smartsimple.com), alias and root company ID, its API user and its function tokens."
        >
          <EmptyState.Actions>{addButton}</EmptyState.Actions>
        </EmptyState>
      ) : (
        <InstancesTable
          instances={instances}
          activeId={active?.id ?? null}
          busyId={actions.busyId}
          onMakeActive={actions.makeActive}
          onRename={setRenaming}
          onRemove={actions.confirmRemove}
        />
      )}

      <RenameInstanceModal instance={renaming} onClose={() => setRenaming(null)} />
    </Paper>
  );
}
