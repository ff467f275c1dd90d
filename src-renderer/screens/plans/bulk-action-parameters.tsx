/** The fields a bulk action needs, as the chosen action asks: role, department, days, organization. */
import { NumberInput, Select, Switch } from '@mantine/core';
import type { BulkActionForm } from './use-bulk-action-form';
import { usePlanVocabulary } from './use-plan-vocabulary';

export function BulkActionParameters({ instanceId, form }: { instanceId: string; form: BulkActionForm }) {
  const vocab = usePlanVocabulary(instanceId);
  const { kind } = form;
  return (
    <>
      {kind !== 'deactivateOrganization' && (
        <Select
          label="Role"
          placeholder="Pick a profile role"
          data={vocab.profileRoles}
          value={form.roleId}
          onChange={form.setRoleId}
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
          value={form.department}
          onChange={form.setDepartment}
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
          value={form.days}
          onChange={form.setDays}
          description="People who never logged in count too."
        />
      )}
      {kind === 'deactivateOrganization' && (
        <>
          <Select
            label="Organization"
            placeholder="Pick an organization"
            data={vocab.organizations}
            value={form.organizationId}
            onChange={form.setOrganizationId}
            searchable
            data-testid="bulk-organization"
          />
          <Switch
            label="Include its sub-organizations"
            checked={form.subs}
            onChange={(e) => form.setSubs(e.currentTarget.checked)}
          />
        </>
      )}
    </>
  );
}
