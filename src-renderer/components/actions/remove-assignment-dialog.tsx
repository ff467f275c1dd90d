/**
 * Take one person off a program (one of their assignments), or a list of people off a program
 * role, into the current draft.
 */
import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import type { PersonProgram } from '../../../src-preload/contract';
import { ActionDialog } from './action-dialog';
import { actionFor, type ActionTarget } from './action-target';
import { useProgramOptions, useRoleOptions } from './use-catalogue-options';

interface Props {
  instanceId: string;
  target: ActionTarget;
  onClose: () => void;
  /** One person's assignments: only these are offered. */
  assignments?: readonly PersonProgram[];
  /** The assignment to start with (a "remove" button beside it). */
  initialAssociationId?: number;
}

const pairKey = (programId: number, roleId: number) => `${programId}:${roleId}`;

export function RemoveAssignmentDialog({ instanceId, target, onClose, assignments, initialAssociationId }: Props) {
  const initial = assignments?.find((a) => a.associationId === initialAssociationId);
  const [pair, setPair] = useState<string | null>(initial ? pairKey(initial.programId, initial.roleId) : null);
  const [programId, roleId] = pair ? pair.split(':').map(Number) : [];
  const work = programId && roleId ? actionFor(target, { kind: 'remove_assignment', programId, roleId }) : null;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Take ${target.name} off a program`}
      work={work}
      color="red"
      testId="remove-assignment-dialog"
    >
      {assignments ? (
        <Select
          label="Assignment"
          placeholder="Pick the program and role"
          data={assignments.map((a) => ({
            value: pairKey(a.programId, a.roleId),
            label: `${a.programName ?? `Program ${a.programId}`}: ${a.roleName ?? `Role ${a.roleId}`}`,
          }))}
          value={pair}
          onChange={setPair}
          data-autofocus
          data-testid="assignment-select"
        />
      ) : (
        <ProgramAndRole instanceId={instanceId} onChange={setPair} />
      )}
    </ActionDialog>
  );
}

function ProgramAndRole({ instanceId, onChange }: { instanceId: string; onChange: (pair: string | null) => void }) {
  const programs = useProgramOptions(instanceId);
  const roles = useRoleOptions(instanceId, true);
  const [program, setProgram] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const set = (p: string | null, r: string | null) => {
    setProgram(p);
    setRole(r);
    onChange(p && r ? `${p}:${r}` : null);
  };
  return (
    <Group grow align="flex-start">
      <Select label="Program" searchable data={programs.options} value={program} onChange={(p) => set(p, role)} />
      <Select label="Role on it (UTA)" searchable data={roles.options} value={role} onChange={(r) => set(program, r)} />
    </Group>
  );
}
