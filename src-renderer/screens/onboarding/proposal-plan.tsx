/**
 * What the proposal would plan, what still stands in the way (in words, each fixable above), and
 * the way out: create the plan (it opens for review and approval), dismiss the proposal with a
 * reason, or review a dismissed one (or one whose plan was discarded) again.
 */
import { Alert, Badge, Button, Group, List, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { Proposal, ProposalSummary } from '../../../src-preload/contract';

interface Props {
  proposal: Proposal;
  summary: ProposalSummary | undefined;
  busy: boolean;
  onCreatePlan: () => void;
  onDismiss: (reason: string) => void;
  onReopen: () => void;
  onOpenPlan: (planId: string) => void;
}

export function ProposalPlan(props: Props) {
  const { proposal: p } = props;
  return (
    <Paper withBorder p="sm" data-testid="proposal-plan">
      <Stack gap="xs">
        <Title order={4}>The plan</Title>
        {p.operations.length > 0 ? (
          <List size="sm" spacing={2} data-testid="proposed-operations">
            {p.operations.map((o, i) => (
              <List.Item
                key={i}
                icon={o.privileged ? <IconShieldLock size={14} color="var(--mantine-color-red-6)" /> : undefined}
              >
                {o.summary}
                {o.privileged && (
                  <Badge size="xs" color="red" ml={6}>
                    approved on its own
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            Nothing to plan yet.
          </Text>
        )}
        {p.problems.map((m) => (
          <Alert key={m} color="red" p="xs" data-testid="proposal-problem">
            {m}
          </Alert>
        ))}
        {p.warnings.map((m) => (
          <Alert key={m} color="yellow" p="xs">
            {m}
          </Alert>
        ))}
        <PlanActions {...props} />
      </Stack>
    </Paper>
  );
}

function PlanActions({ proposal: p, summary, busy, onCreatePlan, onDismiss, onReopen, onOpenPlan }: Props) {
  const [dismissing, setDismissing] = useState(false);
  if (p.state === 'to_review')
    return (
      <Group>
        <Button
          disabled={p.problems.length > 0 || p.operations.length === 0}
          loading={busy}
          onClick={onCreatePlan}
          data-testid="create-plan"
        >
          Create the plan ({p.operations.length} operation{p.operations.length === 1 ? '' : 's'})
        </Button>
        <Button variant="default" color="red" onClick={() => setDismissing(true)} data-testid="dismiss-proposal">
          Dismiss…
        </Button>
        <Text size="xs" c="dimmed">
          Nothing is approved here: the plan goes through review and approval.
        </Text>
        <DismissModal opened={dismissing} onClose={() => setDismissing(false)} onDismiss={onDismiss} />
      </Group>
    );
  if (p.state === 'planned' && p.planId)
    return (
      <Group>
        <Button variant="light" onClick={() => onOpenPlan(p.planId!)} data-testid="open-plan">
          Open the plan{summary?.planTitle ? `: ${summary.planTitle}` : ''}
        </Button>
        {summary?.planState === 'discarded' && (
          <Button variant="default" onClick={onReopen} loading={busy}>
            Its plan was discarded: review again
          </Button>
        )}
      </Group>
    );
  if (p.state === 'dismissed')
    return (
      <Group>
        <Text size="sm">Dismissed: {p.dismissedReason}</Text>
        <Button variant="default" size="xs" onClick={onReopen} loading={busy} data-testid="reopen-proposal">
          Review again
        </Button>
      </Group>
    );
  return null;
}

function DismissModal(props: { opened: boolean; onClose: () => void; onDismiss: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Dismiss this proposal">
      <Stack>
        <TextInput
          label="Why"
          placeholder="Already has an account; not a new user; a duplicate of another document…"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it
          </Button>
          <Button
            color="red"
            onClick={() => {
              props.onClose();
              props.onDismiss(reason);
            }}
            data-testid="confirm-dismiss"
          >
            Dismiss
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
