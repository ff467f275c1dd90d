/**
 * "Add to a plan" for the people ticked on the People list (or every match of its search): the
 * same action dialogs as a person's or a role's page, each asking which plan the work goes into
 * (the current draft unless another is chosen) and previewing what it will change.
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
import { AccessDialog } from '../../components/actions/access-dialog';
import { AddAssignmentDialog } from '../../components/actions/add-assignment-dialog';
import { AddRoleDialog } from '../../components/actions/add-role-dialog';
import type { ActionTarget } from '../../components/actions/action-target';
import { DeactivateDialog } from '../../components/actions/deactivate-dialog';
import { ChoosePlanHere } from '../../components/actions/plan-choice';
import { RemoveAssignmentDialog } from '../../components/actions/remove-assignment-dialog';
import { RemoveRoleDialog } from '../../components/actions/remove-role-dialog';

type BulkDialog = 'addRole' | 'removeRole' | 'addAssignment' | 'removeAssignment' | 'access' | 'deactivate';

const ITEMS: { id: BulkDialog; label: string; icon: ReactNode; color?: string }[] = [
  { id: 'addRole', label: 'Add a profile role…', icon: <IconShieldPlus size={14} /> },
  { id: 'removeRole', label: 'Remove a profile role…', icon: <IconShieldMinus size={14} /> },
  { id: 'addAssignment', label: 'Assign to a program…', icon: <IconFolderPlus size={14} /> },
  { id: 'removeAssignment', label: 'Take off a program…', icon: <IconFolderMinus size={14} /> },
  { id: 'access', label: 'Access, status and expiry…', icon: <IconClockCancel size={14} /> },
  { id: 'deactivate', label: 'Deactivate…', icon: <IconUserOff size={14} />, color: 'red' },
];

interface PeopleBulkActionsProps {
  instanceId: string;
  /** The ticked people, or the search; null while nobody is ticked. */
  target: ActionTarget | null;
  onAdded: () => void;
}

export function PeopleBulkActions({ instanceId, target, onAdded }: PeopleBulkActionsProps) {
  const [open, setOpen] = useState<BulkDialog | null>(null);
  const close = () => setOpen(null);
  const props = target ? { instanceId, target, onClose: close } : null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
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
        <ChoosePlanHere onAdded={onAdded}>
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
