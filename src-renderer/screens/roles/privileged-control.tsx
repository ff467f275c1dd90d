/**
 * The administrator's decision on a role: privileged, not privileged, or undecided. Later approval
 * rules read it, so it is always an explicit choice; the control shows the choice at once and
 * rolls back if main refuses.
 */
import { SegmentedControl } from '@mantine/core';
import type { RoleRow } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';

type Choice = 'yes' | 'no' | 'undecided';
const toChoice = (v: boolean | null): Choice => (v === null ? 'undecided' : v ? 'yes' : 'no');
const fromChoice = (c: Choice): boolean | null => (c === 'undecided' ? null : c === 'yes');

interface PrivilegedControlProps {
  instanceId: string;
  role: Pick<RoleRow, 'id' | 'name' | 'privileged'>;
  size?: 'xs' | 'sm';
}

export function usePrivilegedMutation() {
  return useApiMutation('roles:setPrivileged', { meta: { errorTitle: 'The privileged flag was not saved' } });
}

export function PrivilegedControl({ instanceId, role, size = 'xs' }: PrivilegedControlProps) {
  const set = usePrivilegedMutation();
  // While saving, show what was chosen; main's answer refreshes the lists through data:changed.
  const value = set.isPending && set.variables ? toChoice(set.variables.privileged) : toChoice(role.privileged);
  return (
    <SegmentedControl
      size={size}
      aria-label={`Is ${role.name} privileged?`}
      data-testid="privileged-control"
      data-value={value}
      value={value}
      color={value === 'yes' ? 'red' : value === 'no' ? 'teal' : undefined}
      onChange={(c) => set.mutate({ instanceId, roleId: role.id, privileged: fromChoice(c as Choice) })}
      onClick={(e) => e.stopPropagation()}
      data={[
        { value: 'yes', label: 'Privileged' },
        { value: 'no', label: 'Not' },
        { value: 'undecided', label: 'Undecided' },
      ]}
    />
  );
}
