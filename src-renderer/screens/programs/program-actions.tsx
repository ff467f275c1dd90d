/**
 * The program page's actions, into the current draft: add people with one of the program's UTA
 * roles (reviewers, applicants, ...), and take the ticked assignments off it.
 */
import { Button, Group } from '@mantine/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProgramAssignmentRow, ProgramRow } from '../../../src-preload/contract';
import { AddPeopleDialog } from '../../components/actions/add-people-dialog';
import { DraftNote } from '../../components/actions/draft-note';
import { RemoveAssignmentsDialog } from '../../components/actions/remove-assignments-dialog';

interface Props {
  instanceId: string;
  program: ProgramRow;
  all: readonly ProgramAssignmentRow[];
  selected: readonly ProgramAssignmentRow[];
  onClearSelection: () => void;
}

export function ProgramActions({ instanceId, program, all, selected, onClearSelection }: Props) {
  const [dialog, setDialog] = useState<'add' | 'remove' | null>(null);
  const close = () => setDialog(null);
  const usedRoleIds = [...new Set(all.map((a) => a.roleId))];
  if (program.removed) return null;
  return (
    <Group gap="xs" data-testid="program-actions">
      <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setDialog('add')}>
        Add reviewers or applicants…
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconUserMinus size={14} />}
        disabled={selected.length === 0}
        onClick={() => setDialog('remove')}
        data-testid="remove-selected-assignments"
      >
        Take the ticked off the program ({selected.length})
      </Button>
      {selected.length > 0 && (
        <Button size="xs" variant="subtle" onClick={onClearSelection}>
          Clear
        </Button>
      )}
      <DraftNote instanceId={instanceId} />
      {dialog === 'add' && (
        <AddPeopleDialog
          instanceId={instanceId}
          onClose={close}
          to="program"
          program={program}
          usedRoleIds={usedRoleIds}
        />
      )}
      {dialog === 'remove' && (
        <RemoveAssignmentsDialog
          instanceId={instanceId}
          programName={program.name}
          assignments={selected}
          onClose={close}
          onAdded={onClearSelection}
        />
      )}
    </Group>
  );
}
