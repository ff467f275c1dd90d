/**
 * Add people to a role or a program, picked from the mirror: a role's page adds holders (the
 * profile role, or for a program-only role a program to give it on), a program's page adds
 * reviewers or applicants (one of its UTA roles). Into the current draft, previewed first.
 */
import { Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import type { BulkActionInput, PersonRow } from '../../../src-preload/contract';
import { ActionDialog } from './action-dialog';
import { actionFor, somePeople } from './action-target';
import { PersonPicker } from './person-picker';
import { useProgramOptions, useRoleOptions, type Option } from './use-catalogue-options';

type Props = {
  instanceId: string;
  onClose: () => void;
} & (
  | { to: 'role'; role: { id: number; name: string; utaOnly: boolean } }
  | {
      to: 'program';
      program: { id: number; name: string };
      /** The program's own roles first. */ usedRoleIds: number[];
    }
);

export function AddPeopleDialog(props: Props) {
  const { instanceId, onClose } = props;
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const action = actionOf(props, choice);
  const title = props.to === 'role' ? `Add holders of ${props.role.name}` : `Add people to ${props.program.name}`;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={title}
      work={action && people.length > 0 ? actionFor(somePeople(people.map((p) => p.id)), action) : null}
      blocked={people.length === 0 ? 'Pick at least one person.' : null}
      testId="add-people-dialog"
    >
      <Stack gap="xs">
        <PersonPicker instanceId={instanceId} value={people} onChange={setPeople} label="People" />
        {props.to === 'program' && (
          <ProgramRoleSelect
            instanceId={instanceId}
            usedRoleIds={props.usedRoleIds}
            value={choice}
            onChange={setChoice}
          />
        )}
        {props.to === 'role' && props.role.utaOnly && (
          <ProgramSelect instanceId={instanceId} value={choice} onChange={setChoice} role={props.role.name} />
        )}
      </Stack>
    </ActionDialog>
  );
}

/** A role's holders get it on their profile; a program-only role is given on the program chosen. */
function actionOf(props: Props, choice: string | null): BulkActionInput | null {
  if (props.to === 'role' && !props.role.utaOnly) return { kind: 'add_role', roleId: props.role.id };
  if (!choice) return null;
  if (props.to === 'role') return { kind: 'add_assignment', programId: Number(choice), roleId: props.role.id };
  return { kind: 'add_assignment', programId: props.program.id, roleId: Number(choice) };
}

interface SelectProps {
  instanceId: string;
  value: string | null;
  onChange: (v: string | null) => void;
}

function ProgramRoleSelect({ instanceId, usedRoleIds, value, onChange }: SelectProps & { usedRoleIds: number[] }) {
  const { options } = useRoleOptions(instanceId, true);
  const used = new Set(usedRoleIds.map(String));
  const groups: { group: string; items: Option[] }[] = [
    { group: 'Roles on this program', items: options.filter((o) => used.has(o.value)) },
    { group: 'Other program roles', items: options.filter((o) => !used.has(o.value)) },
  ].filter((g) => g.items.length > 0);
  return (
    <Select
      label="As (role on the program)"
      placeholder="Reviewer, applicant…"
      searchable
      data={groups}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No program role matches"
      data-testid="uta-role-select"
    />
  );
}

function ProgramSelect({ instanceId, value, onChange, role }: SelectProps & { role: string }) {
  const { options } = useProgramOptions(instanceId);
  return (
    <Group grow>
      <Select
        label="On the program"
        description={`${role} is given on a program, not on a profile.`}
        placeholder="Pick a program"
        searchable
        data={options}
        value={value}
        onChange={onChange}
        data-testid="program-select"
      />
    </Group>
  );
}
