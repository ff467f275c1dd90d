/** Add a profile role to one person or to a list of people, into the current draft. */
import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ActionDialog } from './action-dialog';
import { actionFor, type ActionTarget } from './action-target';
import { useRoleOptions } from './use-catalogue-options';

interface Props {
  instanceId: string;
  target: ActionTarget;
  onClose: () => void;
  /** Roles one person already holds: not offered. */
  held?: readonly number[];
}

export function AddRoleDialog({ instanceId, target, onClose, held }: Props) {
  const exclude = useMemo(() => new Set(held ?? []), [held]);
  const { options } = useRoleOptions(instanceId, false, exclude);
  const [roleId, setRoleId] = useState<string | null>(null);
  const work = roleId ? actionFor(target, { kind: 'add_role', roleId: Number(roleId) }) : null;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Add a profile role to ${target.name}`}
      work={work}
      testId="add-role-dialog"
    >
      <Select
        label="Role"
        placeholder="Pick a profile role"
        searchable
        data={options}
        value={roleId}
        onChange={setRoleId}
        nothingFoundMessage="No profile role matches"
        data-autofocus
        data-testid="role-select"
        comboboxProps={{ withinPortal: true }}
      />
    </ActionDialog>
  );
}
