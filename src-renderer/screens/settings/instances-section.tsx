/**
 * The instances list with its actions: add, rename, remove, make active. Each action opens its
 * own dialog; this component only decides which one is open.
 */
import { Anchor, Button, EmptyState, Group, Paper, Text, Title } from '@mantine/core';
import { IconPlus, IconServer } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { useActiveInstance } from '../../hooks/use-settings';
import { AddInstanceModal } from './add-instance-modal';
import { InstancesTable } from './instances-table';
import { RenameInstanceModal } from './rename-instance-modal';
import { useInstanceActions } from './use-instance-actions';

export function InstancesSection() {
  const { active, instances, isLoading } = useActiveInstance();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Instance | null>(null);
  const actions = useInstanceActions();

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
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
          description="Add your SmartSimple instance: its host (such as https://acme.smartsimple.com), alias and root company ID. Secrets are entered on the Connect screen afterwards."
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

      <AddInstanceModal opened={adding} onClose={() => setAdding(false)} />
      <RenameInstanceModal instance={renaming} onClose={() => setRenaming(null)} />
    </Paper>
  );
}
