/**
 * What an administrator can do to this person, each into the current draft plan (never straight
 * on the instance): edit the profile, add or remove profile roles and program assignments, change
 * access and its expiry, deactivate or reactivate. A password reset is explained, not faked: the
 * API has no call for it. The dialogs live in components/actions, shared with lists of people.
 */
import { Button, Group, Menu, Stack } from '@mantine/core';
import {
  IconChevronDown,
  IconKey,
  IconPencil,
  IconPlayerPlay,
  IconPlus,
  IconShieldCog,
  IconUserOff,
} from '@tabler/icons-react';
import type { Instance, PersonDetail } from '../../../src-preload/contract';
import { AccessDialog } from '../../components/actions/access-dialog';
import { onePerson } from '../../components/actions/action-target';
import { AddAssignmentDialog } from '../../components/actions/add-assignment-dialog';
import { AddRoleDialog } from '../../components/actions/add-role-dialog';
import { DeactivateDialog } from '../../components/actions/deactivate-dialog';
import { EditProfileDialog } from '../../components/actions/edit-profile-dialog';
import { PasswordResetDialog } from '../../components/actions/password-reset-dialog';
import { ReactivateDialog } from '../../components/actions/reactivate-dialog';
import { RemoveAssignmentDialog } from '../../components/actions/remove-assignment-dialog';
import { RemoveRoleDialog } from '../../components/actions/remove-role-dialog';
import { DraftNote } from '../../components/actions/draft-note';

export type PersonDialog =
  | { kind: 'edit' | 'add-role' | 'add-program' | 'access' | 'expiry' | 'deactivate' | 'reactivate' | 'password' }
  | { kind: 'remove-role'; roleId?: number }
  | { kind: 'remove-program'; associationId?: number };

/** Someone who can still sign in can be deactivated; anyone without access or not Active, reactivated. */
const canSignIn = (p: PersonDetail) => p.accessType !== '0' && p.status === 'Active';

interface ActionsProps {
  instance: Instance;
  person: PersonDetail;
  onOpen: (d: PersonDialog) => void;
}

export function PersonActions({ instance, person: p, onOpen }: ActionsProps) {
  const open = (kind: PersonDialog['kind']) => () => onOpen({ kind } as PersonDialog);
  return (
    <Stack gap={4}>
      <Group gap="xs" data-testid="person-actions">
        <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={open('edit')}>
          Edit profile…
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open('add-role')}>
          Add role…
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open('add-program')}>
          Add to a program…
        </Button>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconShieldCog size={14} />}
              rightSection={<IconChevronDown size={12} />}
            >
              Access
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={open('access')}>Access type, admin level, status…</Menu.Item>
            <Menu.Item onClick={open('expiry')}>Access expiry…</Menu.Item>
            <Menu.Item leftSection={<IconKey size={14} />} onClick={open('password')}>
              Reset password…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {canSignIn(p) ? (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconUserOff size={14} />}
            onClick={open('deactivate')}
          >
            Deactivate…
          </Button>
        ) : (
          <Button
            size="xs"
            variant="light"
            color="teal"
            leftSection={<IconPlayerPlay size={14} />}
            onClick={open('reactivate')}
          >
            Reactivate…
          </Button>
        )}
      </Group>
      <DraftNote instanceId={instance.id} />
    </Stack>
  );
}

interface DialogsProps {
  instance: Instance;
  person: PersonDetail;
  dialog: PersonDialog | null;
  onClose: () => void;
}

/** The open dialog, mounted only while open (each starts from the person as they are now). */
export function PersonDialogs({ instance, person: p, dialog, onClose }: DialogsProps) {
  if (!dialog) return null;
  const base = { instanceId: instance.id, target: onePerson(p), onClose };
  const profileRoles = p.roles.filter((r) => !r.utaOnly);
  switch (dialog.kind) {
    case 'edit':
      return <EditProfileDialog {...base} person={p} />;
    case 'add-role':
      return <AddRoleDialog {...base} held={p.roles.map((r) => r.id)} />;
    case 'remove-role':
      return <RemoveRoleDialog {...base} choices={profileRoles} initialRoleId={dialog.roleId} />;
    case 'add-program':
      return <AddAssignmentDialog {...base} />;
    case 'remove-program':
      return <RemoveAssignmentDialog {...base} assignments={p.programs} initialAssociationId={dialog.associationId} />;
    case 'access':
    case 'expiry':
      return <AccessDialog {...base} current={p} focusExpiry={dialog.kind === 'expiry'} />;
    case 'deactivate':
      return <DeactivateDialog {...base} />;
    case 'reactivate':
      return <ReactivateDialog {...base} />;
    case 'password':
      return <PasswordResetDialog name={base.target.name} onClose={onClose} />;
  }
}
