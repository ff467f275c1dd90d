/**
 * "Add to a plan" for several people (ticked on the People list, every match of its search, or
 * picked in the Plans screen's "By hand" builder): the same action dialogs as a person's or a
 * role's page, each asking which plan the work goes into (the current draft unless another is
 * chosen; or a new plan, when `intoNewPlan` says so) and previewing what it will change.
 */
import { Button, Menu } from '@mantine/core';
import {
  IconChevronDown,
  IconClockCancel,
  IconFolderMinus,
  IconFolderPlus,
  IconShieldMinus,
  IconShieldPlus,
  IconUserOff,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { AccessDialog } from './access-dialog';
import { AddAssignmentDialog } from './add-assignment-dialog';
import { AddRoleDialog } from './add-role-dialog';
import type { ActionTarget } from './action-target';
import { DeactivateDialog } from './deactivate-dialog';
import { ChoosePlanHere } from './plan-choice';
import { RemoveAssignmentDialog } from './remove-assignment-dialog';
import { RemoveRoleDialog } from './remove-role-dialog';

type BulkDialog = 'addRole' | 'removeRole' | 'addAssignment' | 'removeAssignment' | 'access' | 'deactivate';

const ITEMS: { id: BulkDialog; label: string; icon: ReactNode; color?: string }[] = [
  { id: 'addRole', label: 'Add a profile role…', icon: <IconShieldPlus size={14} /> },
  { id: 'removeRole', label: 'Remove a profile role…', icon: <IconShieldMinus size={14} /> },
  { id: 'addAssignment', label: 'Assign to a program…', icon: <IconFolderPlus size={14} /> },
  { id: 'removeAssignment', label: 'Take off a program…', icon: <IconFolderMinus size={14} /> },
  { id: 'access', label: 'Access, status and expiry…', icon: <IconClockCancel size={14} /> },
  { id: 'deactivate', label: 'Deactivate…', icon: <IconUserOff size={14} />, color: 'red' },
];

interface ActionsMenuProps {
  instanceId: string;
  /** The ticked people, or the search; null while nobody is ticked. */
  target: ActionTarget | null;
  /** Called with the plan once the work is in it. */
  onAdded: (planId: string) => void;
  /** The work goes into a new plan with this title instead of asking. */
  intoNewPlan?: string;
  size?: string;
}

export function ActionsMenu({ instanceId, target, onAdded, intoNewPlan, size = 'compact-sm' }: ActionsMenuProps) {
  const [open, setOpen] = useState<BulkDialog | null>(null);
  const close = () => setOpen(null);
  const props = target ? { instanceId, target, onClose: close } : null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size={size}
            ml="auto"
            rightSection={<IconChevronDown size={14} />}
            disabled={!target}
            data-testid="bulk-act"
          >
            Add to a plan
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="bulk-actions">
          {ITEMS.map((item) => (
            <Menu.Item key={item.id} leftSection={item.icon} color={item.color} onClick={() => setOpen(item.id)}>
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {props && (
        <ChoosePlanHere onAdded={onAdded} {...(intoNewPlan !== undefined ? { intoNewPlan } : {})}>
          {open === 'addRole' && <AddRoleDialog {...props} />}
          {open === 'removeRole' && <RemoveRoleDialog {...props} />}
          {open === 'addAssignment' && <AddAssignmentDialog {...props} />}
          {open === 'removeAssignment' && <RemoveAssignmentDialog {...props} />}
          {open === 'access' && <AccessDialog {...props} />}
          {open === 'deactivate' && <DeactivateDialog {...props} />}
        </ChoosePlanHere>
      )}
    </>
  );
}
