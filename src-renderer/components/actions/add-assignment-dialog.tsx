/**
 * Assign one person or a list of people to a program with a UTA role (reviewer, applicant, ...),
 * into the current draft. From a program's page the program is fixed and its own roles come first.
 */
import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import { ActionDialog } from './action-dialog';
import { actionFor, type ActionTarget } from './action-target';
import { useProgramOptions, useRoleOptions } from './use-catalogue-options';

interface Props {
  instanceId: string;
  target: ActionTarget;
  onClose: () => void;
  /** The program, when the dialog is opened from it. */
  programId?: number;
}

export function AddAssignmentDialog({ instanceId, target, onClose, programId }: Props) {
  const programs = useProgramOptions(instanceId);
  const roles = useRoleOptions(instanceId, true);
  const [program, setProgram] = useState<string | null>(programId ? String(programId) : null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const work =
    program && roleId
      ? actionFor(target, { kind: 'add_assignment', programId: Number(program), roleId: Number(roleId) })
      : null;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Assign ${target.name} to a program`}
      work={work}
      testId="add-assignment-dialog"
    >
      <Group grow align="flex-start">
        <Select
          label="Program"
          placeholder="Pick a program"
          searchable
          data={programs.options}
          value={program}
          onChange={setProgram}
          disabled={programId !== undefined}
          nothingFoundMessage="No program matches"
          data-autofocus={programId === undefined || undefined}
          data-testid="program-select"
        />
        <Select
          label="Role on the program (UTA)"
          placeholder="Reviewer, applicant…"
          searchable
          data={roles.options}
          value={roleId}
          onChange={setRoleId}
          nothingFoundMessage="No program role matches"
          data-autofocus={programId !== undefined || undefined}
          data-testid="uta-role-select"
        />
      </Group>
    </ActionDialog>
  );
}
