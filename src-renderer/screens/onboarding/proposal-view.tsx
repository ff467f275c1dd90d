/** The review of one proposal: fields with confidence, who the person is, recommendations to accept or decline, and the plan. */
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Proposal, Recommendation } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';

const pct = (n: number) => `${Math.round(n * 100)}%`;

function FieldRow({ name, proposal, onSave }: { name: string; proposal: Proposal; onSave: (v: string) => void }) {
  const f = proposal.fields[name]!;
  const shown = Array.isArray(f.value) ? f.value.join('; ') : f.value;
  const [value, setValue] = useState(shown);
  return (
    <Table.Tr>
      <Table.Td>{name}</Table.Td>
      <Table.Td>
        <TextInput
          aria-label={name}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onBlur={() => value !== shown && onSave(value)}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={f.confidence >= 0.9 ? 'teal' : 'yellow'}>{f.edited ? 'edited' : pct(f.confidence)}</Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function RecommendationRow({ r, onDecide }: { r: Recommendation; onDecide: (d: Recommendation['decision']) => void }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Stack gap={0}>
        <Text fw={500}>
          {r.kind === 'role' ? r.roleName : `${r.roleName} on ${r.programName}`}{' '}
          {r.privileged && <Badge color="red">privileged: approved on its own</Badge>}
        </Text>
        <Text size="sm" c="dimmed">
          {r.reason}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          variant={r.decision === 'accepted' ? 'filled' : 'default'}
          onClick={() => onDecide('accepted')}
        >
          Accept
        </Button>
        <Button
          size="xs"
          variant={r.decision === 'declined' ? 'filled' : 'default'}
          onClick={() => onDecide('declined')}
        >
          Decline
        </Button>
      </Group>
    </Group>
  );
}

export function ProposalView({ proposal }: { proposal: Proposal }) {
  const decide = useApiMutation('onboarding:decide', { meta: { errorTitle: 'The change was not recorded' } });
  const plan = useApiMutation('onboarding:createPlan', { meta: { errorTitle: 'The plan was not created' } });
  const [, navigate] = useLocation();
  const p = decide.data ?? proposal;
  const send = (input: Omit<Parameters<typeof decide.mutate>[0], 'proposalId'>) =>
    decide.mutate({ proposalId: p.id, ...input });
  return (
    <Stack>
      <Title order={3}>{p.file}</Title>
      <Table>
        <Table.Tbody>
          {Object.keys(p.fields).map((name) => (
            <FieldRow key={name} name={name} proposal={p} onSave={(v) => send({ fields: { [name]: v } })} />
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="sm">
        <Text fw={500}>Person: {p.resolution.outcome}</Text>
        <Text size="sm">{p.resolution.explanation}</Text>
        {p.resolution.candidates.map((c) => (
          <Group key={c.personId} justify="space-between">
            <Text size="sm">
              {c.name} ({c.email}) {pct(c.score)}: {c.reasons.slice(0, 3).join('; ')}
              {c.differences.length > 0 && ` — differs: ${c.differences.map((d) => d.field).join(', ')}`}
            </Text>
            <Button
              size="xs"
              variant={p.resolution.personId === c.personId ? 'filled' : 'default'}
              onClick={() => send({ linkPersonId: c.personId })}
            >
              Same person
            </Button>
          </Group>
        ))}
        <Text size="sm">Organization: {p.organization.explanation}</Text>
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={500}>Recommendations</Text>
        <Text size="sm" c="dimmed">
          {p.peerGroup.how}
        </Text>
        {p.recommendations.map((r) => (
          <RecommendationRow key={r.id} r={r} onDecide={(d) => send({ recommendations: { [r.id]: d } })} />
        ))}
      </Paper>
      {p.problems.map((m) => (
        <Alert key={m} color="red">
          {m}
        </Alert>
      ))}
      <Group>
        <Button
          disabled={p.problems.length > 0 || p.operations.length === 0 || p.planId !== null}
          loading={plan.isPending}
          onClick={() => plan.mutate({ proposalId: p.id }, { onSuccess: () => navigate('/plans') })}
        >
          Create plan ({p.operations.length} operations)
        </Button>
      </Group>
    </Stack>
  );
}
