/** A plan by hand: find a person in the mirror, pick what to change, add; repeat on the plan page. */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { PlanOperationInput } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { useAddOperation } from './use-add-operation';
import { usePlanVocabulary } from './use-plan-vocabulary';

type Kind = 'add_role' | 'remove_role' | 'deactivate' | 'activate';

interface Props {
  instanceId: string;
  /** A new plan is made with this title; with `planId` the operation goes into that plan. */
  title?: string;
  planId?: string;
  onBuilt: (planId: string) => void;
}

export function HandBuilder({ instanceId, title, planId, onBuilt }: Props) {
  const vocab = usePlanVocabulary(instanceId);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const found = useApiQuery(
    'people:search',
    { instanceId, query: debounced, limit: 20 },
    { enabled: debounced.trim().length >= 2 },
  );
  const [personId, setPersonId] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('add_role');
  const [roleId, setRoleId] = useState<string | null>(null);
  const { add: addOperation, busy } = useAddOperation({ instanceId, title, planId, onBuilt });

  const needsRole = kind === 'add_role' || kind === 'remove_role';
  const operation = (): PlanOperationInput => {
    const id = Number(personId);
    if (kind === 'deactivate') return { kind: 'deactivate', personId: id };
    if (kind === 'activate') return { kind: 'set_access', personId: id, status: 'Active' };
    return { kind, personId: id, roleId: Number(roleId) };
  };
  const add = async () => {
    if (await addOperation(operation())) setPersonId(null);
  };

  return (
    <Stack gap="sm">
      <TextInput
        label="Find a person"
        placeholder="Name, e-mail or organization"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <Select
        label="Person"
        placeholder={
          debounced.trim().length >= 2 ? `${found.data?.total ?? 0} found` : 'Type at least two letters above'
        }
        data={(found.data?.rows ?? []).map((p) => ({
          value: String(p.id),
          label: `${p.firstName} ${p.lastName} <${p.email}>${p.organization ? ` · ${p.organization}` : ''}`,
        }))}
        value={personId}
        onChange={setPersonId}
      />
      <Group grow>
        <Select
          label="Change"
          data={[
            { value: 'add_role', label: 'Add a profile role' },
            { value: 'remove_role', label: 'Remove a profile role' },
            { value: 'deactivate', label: 'Deactivate (offboard)' },
            { value: 'activate', label: 'Set status Active' },
          ]}
          value={kind}
          onChange={(v) => v && setKind(v as Kind)}
          allowDeselect={false}
        />
        {needsRole && <Select label="Role" data={vocab.profileRoles} value={roleId} onChange={setRoleId} searchable />}
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          Before and after come from the mirror; the plan shows them for review.
        </Text>
        <Button onClick={() => void add()} loading={busy} disabled={!personId || (needsRole && !roleId)}>
          Add to plan
        </Button>
      </Group>
    </Stack>
  );
}
