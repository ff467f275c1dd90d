/** A plan from one of the named bulk actions, its parameters picked from the mirror. */
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { BulkActionParameters } from './bulk-action-parameters';
import { useBulkActionForm, type BulkKind } from './use-bulk-action-form';

const ACTIONS: { value: BulkKind; label: string }[] = [
  { value: 'grantRoleToDepartment', label: 'Grant a role to everyone in a department who lacks it' },
  { value: 'removeRoleFromDormant', label: 'Remove a role from holders who have not logged in for a while' },
  { value: 'deactivateOrganization', label: 'Deactivate everyone at an organization' },
];

interface FilterBuilderProps {
  instanceId: string;
  title: string;
  onBuilt: (planId: string) => void;
}

export function FilterBuilder({ instanceId, title, onBuilt }: FilterBuilderProps) {
  const form = useBulkActionForm({ instanceId, title, onBuilt });
  return (
    <Stack gap="sm">
      <Select
        label="Bulk action"
        data={ACTIONS}
        value={form.kind}
        onChange={(v) => v && form.setKind(v as BulkKind)}
        allowDeselect={false}
        data-testid="bulk-action"
      />
      <BulkActionParameters instanceId={instanceId} form={form} />
      <Alert variant="light" icon={<IconInfoCircle />} p="xs">
        <Text size="xs">
          People the action would not change (they already hold the role, are already inactive) are left out. Nothing is
          sent to SmartSimple until the plan is approved and applied.
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={form.submit} disabled={!form.ready} loading={form.building} data-testid="build-from-filter">
          Build plan
        </Button>
      </Group>
    </Stack>
  );
}
