/** The instances as a dense table; each row names its instance so tests and screen readers find it. */
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { RowActions } from '../../components/row-actions';
import type { Instance } from '../../../src-preload/contract';

interface InstancesTableProps {
  instances: Instance[];
  activeId: string | null;
  /** The instance an action is running on, to show it busy. */
  busyId: string | null;
  onMakeActive: (instance: Instance) => void;
  onRename: (instance: Instance) => void;
  onRemove: (instance: Instance) => void;
}

export function InstancesTable({ instances, activeId, busyId, onMakeActive, onRename, onRemove }: InstancesTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="instances-table" aria-label="SmartSimple instances">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Host</Table.Th>
            <Table.Th>Alias</Table.Th>
            <Table.Th>Root company ID</Table.Th>
            <Table.Th>API version</Table.Th>
            <Table.Th ta="right">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {instances.map((instance) => {
            const isActive = instance.id === activeId;
            return (
              <Table.Tr
                key={instance.id}
                data-testid="instance-row"
                data-instance-id={instance.id}
                data-active={isActive || undefined}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {instance.name}
                    </Text>
                    {instance.isSandbox && <Badge color="grape">sandbox</Badge>}
                    {isActive && <Badge color="teal">active</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {instance.host}
                  </Text>
                </Table.Td>
                <Table.Td>{instance.alias}</Table.Td>
                <Table.Td>{instance.rootCompanyId}</Table.Td>
                <Table.Td>{instance.apiVersion}</Table.Td>
                <Table.Td>
                  <RowActions
                    // Not "Rename …": that label contains "name" and would make getByLabel('Name') ambiguous.
                    edit={{ tooltip: 'Rename', label: `Edit ${instance.name}`, onClick: () => onRename(instance) }}
                    remove={{ tooltip: 'Remove', label: `Remove ${instance.name}`, onClick: () => onRemove(instance) }}
                  >
                    {!isActive && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={busyId === instance.id}
                        aria-label={`Make ${instance.name} active`}
                        onClick={() => onMakeActive(instance)}
                      >
                        Make active
                      </Button>
                    )}
                  </RowActions>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
