/**
 * Leaver or organization: the people leaving (picked, or everyone of an organization), what they
 * hold, what must not be left orphaned and who takes it over (the administrator's choice, or one
 * proposed from peers with the reason), then the plan.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import type { OffboardProposal, PersonRow } from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { PersonPicker } from '../../components/actions/person-picker';
import { organizationOptions } from './organization-options';
import { PlanResult } from './plan-result';

export function OffboardForm({ instanceId }: { instanceId: string }) {
  const tree = useApiQuery('organizations:tree', { instanceId });
  const [mode, setMode] = useState<'people' | 'organization'>('organization');
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [deep, setDeep] = useState(false);
  const [successor, setSuccessor] = useState<PersonRow[]>([]);
  const show = useApiMutation('lifecycle:offboard');
  const plan = useApiMutation('lifecycle:offboardPlan');
  const target =
    mode === 'people'
      ? { personIds: people.map((p) => p.id) }
      : organizationId
        ? { organizationId: Number(organizationId), includeSubOrganizations: deep }
        : null;
  const successorId = successor[0]?.id;
  const input = target ? { instanceId, ...target, ...(successorId ? { successorId } : {}) } : null;
  const p = show.data;
  return (
    <Stack gap="md">
      <OffboardInputs
        instanceId={instanceId}
        organizations={organizationOptions(tree.data)}
        state={{
          mode,
          setMode,
          people,
          setPeople,
          organizationId,
          setOrganizationId,
          deep,
          setDeep,
          successor,
          setSuccessor,
        }}
        canShow={!!input && (mode === 'organization' || people.length > 0)}
        showing={show.isPending}
        error={show.error?.message ?? null}
        onShow={() => input && (plan.reset(), show.mutate(input))}
      />
      {p && input && (
        <OffboardReview
          proposal={p}
          pending={plan.isPending}
          error={plan.error?.message ?? null}
          onPlan={() =>
            plan.mutate({
              ...input,
              ...(p.successor ? { successorId: p.successor.personId } : {}),
              ...(p.successor?.suggestionId ? { successorSuggestionId: p.successor.suggestionId } : {}),
            })
          }
        />
      )}
      {plan.data && <PlanResult result={plan.data} />}
    </Stack>
  );
}

function OffboardReview({
  proposal: p,
  pending,
  error,
  onPlan,
}: {
  proposal: OffboardProposal;
  pending: boolean;
  error: string | null;
  onPlan: () => void;
}) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600} data-testid="offboard-summary">
          {p.people.length} {p.people.length === 1 ? 'person leaves' : 'people leave'}; {p.transfers.length}{' '}
          {p.transfers.length === 1 ? 'thing' : 'things'} to transfer
        </Text>
        <LeaversTable people={p.people} />
        {p.transfers.length > 0 && (
          <Stack gap={4} data-testid="offboard-transfers">
            <Text fw={600} size="sm">
              Not left orphaned
            </Text>
            {p.transfers.map((t, i) => (
              <Text key={i} size="sm">
                • {t.why}
              </Text>
            ))}
          </Stack>
        )}
        {p.successor && (
          <Alert
            color={p.successor.proposed ? 'violet' : 'gray'}
            title={`Successor: ${p.successor.name}`}
            data-testid="offboard-successor"
          >
            <Group gap="xs">
              {p.successor.proposed && <Badge color="violet">AI proposed</Badge>}
              <Text size="sm">{p.successor.reason}</Text>
            </Group>
          </Alert>
        )}
        {p.problems.map((x) => (
          <Alert key={x} color="orange">
            {x}
          </Alert>
        ))}
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button
            color="red"
            onClick={onPlan}
            disabled={p.problems.length > 0}
            loading={pending}
            data-testid="offboard-plan"
          >
            Create the offboarding plan
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function LeaversTable({ people }: { people: OffboardProposal['people'] }) {
  return (
    <Table.ScrollContainer minWidth={600} mah={300}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Profile roles</Table.Th>
            <Table.Th>Program roles</Table.Th>
            <Table.Th>Reports</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((x) => (
            <Table.Tr key={x.personId}>
              <Table.Td>
                <Text size="sm">{x.name}</Text>
                <Text size="xs" c="dimmed">
                  {x.email}
                  {x.active ? '' : ' · no access already'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{x.roles.join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td>{x.assignments}</Table.Td>
              <Table.Td>{x.reports}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface InputsState {
  mode: 'people' | 'organization';
  setMode: (v: 'people' | 'organization') => void;
  people: PersonRow[];
  setPeople: (v: PersonRow[]) => void;
  organizationId: string | null;
  setOrganizationId: (v: string | null) => void;
  deep: boolean;
  setDeep: (v: boolean) => void;
  successor: PersonRow[];
  setSuccessor: (v: PersonRow[]) => void;
}

/** Who leaves (people, or an organization), the successor when the administrator names one, and "Show what they hold". */
function OffboardInputs(props: {
  instanceId: string;
  organizations: { value: string; label: string }[];
  state: InputsState;
  canShow: boolean;
  showing: boolean;
  error: string | null;
  onShow: () => void;
}) {
  const st = props.state;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <SegmentedControl
          value={st.mode}
          onChange={(v) => st.setMode(v as 'people' | 'organization')}
          data={[
            { value: 'organization', label: 'An organization' },
            { value: 'people', label: 'People leaving' },
          ]}
          data-testid="offboard-mode"
        />
        {st.mode === 'people' ? (
          <PersonPicker instanceId={props.instanceId} value={st.people} onChange={st.setPeople} label="Who leaves" />
        ) : (
          <Group align="flex-end">
            <Select
              label="Organization to offboard"
              searchable
              data={props.organizations}
              value={st.organizationId}
              onChange={st.setOrganizationId}
              w={420}
              data-testid="offboard-organization"
            />
            <Checkbox
              label="With the organizations under it"
              checked={st.deep}
              onChange={(e) => st.setDeep(e.currentTarget.checked)}
            />
          </Group>
        )}
        <PersonPicker
          instanceId={props.instanceId}
          value={st.successor}
          onChange={(v) => st.setSuccessor(v.slice(-1))}
          label="Successor (optional)"
          description="Takes over the programs they alone manage and their direct reports. Left empty, one is proposed from their peers."
          max={1}
        />
        <Group>
          <Button onClick={props.onShow} disabled={!props.canShow} loading={props.showing} data-testid="offboard-show">
            Show what they hold
          </Button>
        </Group>
        {props.error && <Alert color="red">{props.error}</Alert>}
      </Stack>
    </Paper>
  );
}
