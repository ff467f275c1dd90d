/** A plan from one of the named bulk actions, its parameters picked from the mirror. */
import { Alert, Button, Group, NumberInput, Select, Stack, Switch, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySuccess, useApiMutation } from '../../api';
import { usePlanVocabulary } from './use-plan-vocabulary';

type Kind = 'grantRoleToDepartment' | 'removeRoleFromDormant' | 'deactivateOrganization';
const ACTIONS: { value: Kind; label: string }[] = [
  { value: 'grantRoleToDepartment', label: 'Grant a role to everyone in a department who lacks it' },
  { value: 'removeRoleFromDormant', label: 'Remove a role from holders who have not logged in for a while' },
  { value: 'deactivateOrganization', label: 'Deactivate everyone at an organization' },
];

export function FilterBuilder({
  instanceId,
  title,
  onBuilt,
}: {
  instanceId: string;
  title: string;
  onBuilt: (planId: string) => void;
}) {
  const vocab = usePlanVocabulary(instanceId);
  const [kind, setKind] = useState<Kind>('grantRoleToDepartment');
  const [roleId, setRoleId] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [subs, setSubs] = useState(false);
  const [days, setDays] = useState<number | string>(90);
  const build = useApiMutation('plans:buildFromFilter', {
    onSuccess: (r) => {
      notifySuccess(
        `${r.added} operations added${r.rejected.length ? `; ${r.rejected.length} people left out` : ''}.`,
        'Plan built',
      );
      onBuilt(r.plan.id);
    },
    onError: (e) => notifyError(e, 'The plan was not built'),
  });

  const ready =
    kind === 'grantRoleToDepartment'
      ? !!roleId && !!department
      : kind === 'removeRoleFromDormant'
        ? !!roleId && Number(days) >= 1
        : !!organizationId;
  const submit = () => {
    const t = title.trim() ? { title: title.trim() } : {};
    const b =
      kind === 'grantRoleToDepartment'
        ? { kind, roleId: Number(roleId), department: department ?? '' }
        : kind === 'removeRoleFromDormant'
          ? { kind, roleId: Number(roleId), days: Number(days) }
          : { kind, organizationId: Number(organizationId), includeSubOrganizations: subs };
    build.mutate({ instanceId, ...t, build: b });
  };

  return (
    <Stack gap="sm">
      <Select
        label="Bulk action"
        data={ACTIONS}
        value={kind}
        onChange={(v) => v && setKind(v as Kind)}
        allowDeselect={false}
        data-testid="bulk-action"
      />
      {kind !== 'deactivateOrganization' && (
        <Select
          label="Role"
          placeholder="Pick a profile role"
          data={vocab.profileRoles}
          value={roleId}
          onChange={setRoleId}
          searchable
          nothingFoundMessage="No such role"
          data-testid="bulk-role"
        />
      )}
      {kind === 'grantRoleToDepartment' && (
        <Select
          label="Department"
          placeholder="Pick a department"
          data={vocab.departments}
          value={department}
          onChange={setDepartment}
          searchable
          nothingFoundMessage="No such department"
          data-testid="bulk-department"
        />
      )}
      {kind === 'removeRoleFromDormant' && (
        <NumberInput
          label="Not logged in for (days)"
          min={1}
          max={3650}
          value={days}
          onChange={setDays}
          description="People who never logged in count too."
        />
      )}
      {kind === 'deactivateOrganization' && (
        <>
          <Select
            label="Organization"
            placeholder="Pick an organization"
            data={vocab.organizations}
            value={organizationId}
            onChange={setOrganizationId}
            searchable
            data-testid="bulk-organization"
          />
          <Switch
            label="Include its sub-organizations"
            checked={subs}
            onChange={(e) => setSubs(e.currentTarget.checked)}
          />
        </>
      )}
      <Alert variant="light" icon={<IconInfoCircle />} p="xs">
        <Text size="xs">
          People the action would not change (they already hold the role, are already inactive) are left out. Nothing is
          sent to SmartSimple until the plan is approved and applied.
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={submit} disabled={!ready} loading={build.isPending} data-testid="build-from-filter">
          Build plan
        </Button>
      </Group>
    </Stack>
  );
}
