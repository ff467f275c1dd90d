/**
 * Mover: the person, their new department or title, then the new peer group's typical roles
 * proposed (k of n) and the roles they hold that are not typical there proposed for removal, each
 * with its reason; the administrator keeps what they choose, and the plan changes the rest.
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MoverProposal, PersonRow, RoleSuggestion } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';
import { PersonPicker } from '../../components/actions/person-picker';
import { PlanResult } from './plan-result';

export function MoverForm({ instanceId }: { instanceId: string }) {
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [department, setDepartment] = useState('');
  const [title, setTitle] = useState('');
  const propose = useApiMutation('lifecycle:mover');
  const plan = useApiMutation('lifecycle:moverPlan');
  const [add, setAdd] = useState<number[]>([]);
  const [remove, setRemove] = useState<number[]>([]);
  const person = people[0];
  const target = {
    ...(department.trim() ? { department: department.trim() } : {}),
    ...(title.trim() ? { title: title.trim() } : {}),
  };
  const run = () => {
    if (!person) return;
    plan.reset();
    propose.mutate(
      { instanceId, personId: person.id, ...target },
      { onSuccess: (p) => [setAdd(keptByDefault(p.add)), setRemove(p.remove.map((r) => r.roleId))] },
    );
  };
  const p = propose.data;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <PersonPicker
            instanceId={instanceId}
            value={people}
            onChange={(v) => setPeople(v.slice(-1))}
            label="Who moves"
            max={1}
          />
          <Group grow>
            <TextInput
              label="New department"
              value={department}
              onChange={(e) => setDepartment(e.currentTarget.value)}
              placeholder={person?.department ?? 'Grants Management'}
              data-testid="mover-department"
            />
            <TextInput
              label="New title"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              placeholder={person?.title ?? 'Program Officer'}
              data-testid="mover-title"
            />
          </Group>
          <Group>
            <Button
              onClick={run}
              disabled={!person || (!target.department && !target.title)}
              loading={propose.isPending}
              data-testid="mover-propose"
            >
              Propose the roles
            </Button>
          </Group>
          {propose.error && <Alert color="red">{propose.error.message}</Alert>}
        </Stack>
      </Paper>
      {p && (
        <MoverChoices
          proposal={p}
          add={add}
          setAdd={setAdd}
          remove={remove}
          setRemove={setRemove}
          pending={plan.isPending}
          error={plan.error?.message ?? null}
          onPlan={() => plan.mutate(moverPlanInput(instanceId, p, target, add, remove))}
        />
      )}
      {plan.data && <PlanResult result={plan.data} />}
    </Stack>
  );
}

function moverPlanInput(
  instanceId: string,
  p: MoverProposal,
  target: { department?: string; title?: string },
  add: number[],
  remove: number[],
) {
  return {
    instanceId,
    personId: p.person.id,
    ...target,
    addRoleIds: add,
    removeRoleIds: remove,
    suggestionIds: p.suggestionIds,
  };
}

function Suggestions(props: {
  title: string;
  items: RoleSuggestion[];
  kept: number[];
  setKept: (v: number[]) => void;
  empty: string;
}) {
  const { items, kept, setKept } = props;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {props.title}
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      )}
      {items.map((r) => (
        <Checkbox
          key={r.roleId}
          checked={kept.includes(r.roleId)}
          onChange={(e) => setKept(e.currentTarget.checked ? [...kept, r.roleId] : kept.filter((x) => x !== r.roleId))}
          label={`${r.roleName}${r.privileged ? ' (privileged: approved on its own)' : ''}`}
          description={r.reason}
          data-testid="mover-suggestion"
        />
      ))}
    </Stack>
  );
}

interface ChoicesProps {
  proposal: MoverProposal;
  add: number[];
  setAdd: (v: number[]) => void;
  remove: number[];
  setRemove: (v: number[]) => void;
  pending: boolean;
  error: string | null;
  onPlan: () => void;
}

/** What the new peer group suggests, each kept or not by the administrator, and the plan. */
function MoverChoices(props: ChoicesProps) {
  const { proposal: p, add, setAdd, remove, setRemove } = props;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text size="sm">
          {p.person.name} moves to {[p.to.department, p.to.title].filter(Boolean).join(', ')}. {p.peerGroup.how}.
        </Text>
        <Suggestions
          title="Typical of the new group: add"
          items={p.add}
          kept={add}
          setKept={setAdd}
          empty="No role the new group typically holds is missing."
        />
        <Suggestions
          title="Not typical of the new group: remove"
          items={p.remove}
          kept={remove}
          setKept={setRemove}
          empty="Every role held is usual in the new group."
        />
        {props.error && <Alert color="red">{props.error}</Alert>}
        <Group>
          <Button onClick={props.onPlan} loading={props.pending} data-testid="mover-plan">
            Create the plan
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Proposed roles are kept by default, except a privileged one: that is the administrator's own call. */
const keptByDefault = (items: RoleSuggestion[]) => items.filter((r) => !r.privileged).map((r) => r.roleId);
