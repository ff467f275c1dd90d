/** Remove a profile role from one person (one of theirs) or from a list of people (any role), into the current draft. */
import { Select } from '@mantine/core';
import { useState } from 'react';
import { ActionDialog } from './action-dialog';
import { actionFor, type ActionTarget } from './action-target';
import { roleLabel, useRoleOptions, type Option } from './use-catalogue-options';

interface Props {
  instanceId: string;
  target: ActionTarget;
  onClose: () => void;
  /** One person's profile roles: only these are offered. */
  choices?: readonly { id: number; name: string | null; privileged: boolean | null }[];
  /** The role to start with (a "remove" button beside it). */
  initialRoleId?: number;
}

export function RemoveRoleDialog({ instanceId, target, onClose, choices, initialRoleId }: Props) {
  const all = useRoleOptions(instanceId, false);
  const options: Option[] = choices
    ? choices.map((r) => ({
        value: String(r.id),
        label: roleLabel({ name: r.name ?? `Role ${r.id}`, privileged: r.privileged }),
      }))
    : all.options;
  const [roleId, setRoleId] = useState<string | null>(initialRoleId ? String(initialRoleId) : null);
  const work = roleId ? actionFor(target, { kind: 'remove_role', roleId: Number(roleId) }) : null;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Remove a profile role from ${target.name}`}
      work={work}
      color="red"
      testId="remove-role-dialog"
    >
      <Select
        label="Role"
        placeholder={options.length === 0 ? 'No profile roles to remove' : 'Pick the role to remove'}
        searchable
        data={options}
        value={roleId}
        onChange={setRoleId}
        nothingFoundMessage="No role matches"
        data-autofocus
        data-testid="role-select"
      />
    </ActionDialog>
  );
}
