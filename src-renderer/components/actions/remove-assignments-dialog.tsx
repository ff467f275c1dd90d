/**
 * Take people off a program: the assignments ticked on the program's page (person and UTA role),
 * one operation each, into the current draft. The list says exactly who loses which role.
 */
import { List, ScrollArea, Stack, Text } from '@mantine/core';
import type { ProgramAssignmentRow } from '../../../src-preload/contract';
import { ActionDialog } from './action-dialog';

interface Props {
  instanceId: string;
  programName: string;
  assignments: readonly ProgramAssignmentRow[];
  onClose: () => void;
  onAdded?: () => void;
}

/** One call adds at most this many operations. */
const MAX = 1000;

export function RemoveAssignmentsDialog({ instanceId, programName, assignments, onClose, onAdded }: Props) {
  const n = assignments.length;
  const tooMany = n > MAX;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Take ${n === 1 ? '1 person' : `${n.toLocaleString()} assignments`} off ${programName}?`}
      work={
        n === 0 || tooMany
          ? null
          : {
              kind: 'operations',
              operations: assignments.map((a) => ({
                kind: 'remove_assignment' as const,
                personId: a.personId,
                programId: a.programId,
                roleId: a.roleId,
              })),
            }
      }
      blocked={tooMany ? `At most ${MAX.toLocaleString()} at a time.` : null}
      submitLabel="Add the removals to the plan"
      color="red"
      onAdded={onAdded}
      testId="remove-assignments-dialog"
    >
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Adds {n.toLocaleString()} operation{n === 1 ? '' : 's'} to the plan:
        </Text>
        <ScrollArea.Autosize mah={260} type="auto">
          <List size="sm" spacing={2} data-testid="removals">
            {assignments.map((a) => (
              <List.Item key={a.associationId}>
                {a.personName ?? `Person ${a.personId}`} loses {a.roleName ?? `role ${a.roleId}`} on {programName}
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      </Stack>
    </ActionDialog>
  );
}
