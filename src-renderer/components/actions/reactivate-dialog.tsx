/**
 * Reactivate one person or a list of people: access type User and status Active again. Privileged
 * roles a deactivation removed are not given back here: that is a decision of its own (add them,
 * or apply the deactivation plan's undo).
 */
import { Text } from '@mantine/core';
import { ActionDialog } from './action-dialog';
import { actionFor, type ActionTarget } from './action-target';

interface Props {
  instanceId: string;
  target: ActionTarget;
  onClose: () => void;
}

export function ReactivateDialog({ instanceId, target, onClose }: Props) {
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Reactivate ${target.name}?`}
      work={actionFor(target, { kind: 'set_access', accessType: '1', status: 'Active' })}
      submitLabel="Add the reactivation to the plan"
      testId="reactivate-dialog"
    >
      <Text size="sm">
        Once applied: access type User and status Active, so they can sign in with the roles on their profile.
        Privileged roles removed when they were deactivated are not given back here: add them one by one, or apply the
        undo of the plan that deactivated them.
      </Text>
    </ActionDialog>
  );
}
