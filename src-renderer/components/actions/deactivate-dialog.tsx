/**
 * Deactivate (offboard) one person or a list of people: no access, status Inactive, an
 * administrator back to a plain user, privileged profile roles removed. The preview lists exactly
 * which of these apply to whom; ordinary and program roles stay.
 */
import { Text } from '@mantine/core';
import { ActionDialog } from './action-dialog';
import { actionFor, type ActionTarget } from './action-target';

interface Props {
  instanceId: string;
  target: ActionTarget;
  onClose: () => void;
}

export function DeactivateDialog({ instanceId, target, onClose }: Props) {
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Deactivate ${target.name}?`}
      work={actionFor(target, { kind: 'deactivate' })}
      submitLabel="Add the deactivation to the plan"
      color="red"
      testId="deactivate-dialog"
    >
      <Text size="sm">
        Once applied: access type No access, status Inactive, administrator rights back to a plain user, and privileged
        profile roles removed. Ordinary profile roles and program assignments stay, so a reactivation restores normal
        work and an access review still sees them.
      </Text>
    </ActionDialog>
  );
}
