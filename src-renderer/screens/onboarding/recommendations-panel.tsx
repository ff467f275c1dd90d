/**
 * Roles and programs: from similar people (k of n, recommended above 70%, never from fewer than 5;
 * the peer group says how it was formed) and from the roles the document asks for (the text as
 * written, the catalogue role it matched and how closely). Each is accepted or declined; "Accept
 * all recommended" takes every one that is not privileged: a privileged role is always decided on
 * its own here, and approved on its own in the plan.
 */
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { Proposal, Recommendation } from '../../../src-preload/contract';

const pct = (n: number) => `${Math.round(n * 100)}%`;

interface Props {
  proposal: Proposal;
  readOnly: boolean;
  busy: boolean;
  onDecide: (decisions: Record<string, Recommendation['decision']>) => void;
  onAcceptAll: () => void;
}

export function RecommendationsPanel({ proposal, readOnly, busy, onDecide, onAcceptAll }: Props) {
  const { recommendations: recs, peerGroup } = proposal;
  const bulk = recs.filter((r) => !r.privileged && r.decision === 'pending');
  return (
    <Paper withBorder p="sm" data-testid="recommendations">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Roles and programs</Title>
          {!readOnly && (
            <Button
              size="xs"
              disabled={bulk.length === 0}
              loading={busy}
              onClick={onAcceptAll}
              data-testid="accept-all-recommended"
            >
              Accept all recommended{bulk.length ? ` (${bulk.length})` : ''}
            </Button>
          )}
        </Group>
        <Text size="sm" c={peerGroup.tooSmall ? 'orange' : 'dimmed'} data-testid="peer-group">
          Similar people: {peerGroup.how}
        </Text>
        {recs.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing to recommend{peerGroup.tooSmall ? ' from so few similar people' : ''}, and the document asks for no
            role the catalogue has.
          </Text>
        )}
        {recs.map((r) => (
          <RecommendationRow key={r.id} r={r} readOnly={readOnly} onDecide={(d) => onDecide({ [r.id]: d })} />
        ))}
        {proposal.unmatchedRequests.map((t) => (
          <Alert key={t} color="yellow" p="xs">
            Requested “{t}”: no role in the catalogue is close to it. Add the role by hand in the plan if it exists
            under another name.
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}

function RecommendationRow({
  r,
  readOnly,
  onDecide,
}: {
  r: Recommendation;
  readOnly: boolean;
  onDecide: (d: Recommendation['decision']) => void;
}) {
  return (
    <Stack gap={4} data-testid="recommendation">
      <Group gap={6}>
        <Text fw={500}>{r.kind === 'role' ? r.roleName : `${r.roleName} on ${r.programName}`}</Text>
        {r.basis === 'peers' ? (
          <Badge size="sm" variant="light">
            {r.holders} of {r.peers}
          </Badge>
        ) : (
          <Tooltip label={`Asked for as “${r.requestedText}”`}>
            <Badge size="sm" variant="light" color="grape">
              requested, {pct(r.matchScore ?? 0)} match
            </Badge>
          </Tooltip>
        )}
        {r.privileged && (
          <Badge size="sm" color="red" leftSection={<IconShieldLock size={12} />}>
            privileged: decided and approved on its own
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {r.reason}
      </Text>
      <SegmentedControl
        size="xs"
        value={r.decision}
        disabled={readOnly}
        onChange={(v) => onDecide(v as Recommendation['decision'])}
        data={[
          { value: 'accepted', label: 'Accept' },
          { value: 'pending', label: 'Undecided' },
          { value: 'declined', label: 'Decline' },
        ]}
        aria-label={`Decision on ${r.roleName}`}
        data-testid="recommendation-decision"
        style={{ alignSelf: 'flex-start' }}
      />
    </Stack>
  );
}
