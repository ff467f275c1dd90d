/**
 * Who the document is about, against the mirror: the document's person beside each candidate the
 * engine found (score, why, what differs), and the decision: the same person (link: the plan
 * updates them), or a new person (the plan creates them).
 */
import { Badge, Button, Card, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PersonCandidate, Proposal } from '../../../src-preload/contract';
import { fieldLabel } from './field-names';

const pct = (n: number) => `${Math.round(n * 100)}%`;
const OUTCOME = {
  same: { label: 'Existing person', color: 'teal' },
  possible: { label: 'Possibly an existing person', color: 'yellow' },
  new: { label: 'New person', color: 'blue' },
} as const;

interface Props {
  proposal: Proposal;
  readOnly: boolean;
  onLink: (personId: number | null) => void;
  /** Takes the instance's value into a field (a misread the administrator corrects). */
  onUseValue: (field: string, value: string) => void;
  busy: boolean;
}

export function PersonResolution({ proposal, readOnly, onLink, onUseValue, busy }: Props) {
  const r = proposal.resolution;
  const v = (k: string) => {
    const x = proposal.fields[k]?.value;
    return typeof x === 'string' ? x : '';
  };
  const outcome = OUTCOME[r.outcome];
  return (
    <Paper withBorder p="sm" data-testid="person-resolution">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>Person</Title>
            <Badge color={outcome.color} data-testid="person-outcome">
              {outcome.label}
            </Badge>
            {r.decidedBy === 'administrator' && (
              <Badge variant="outline" color="gray">
                your decision
              </Badge>
            )}
          </Group>
          {!readOnly && r.candidates.length > 0 && (
            <Button
              size="xs"
              variant={r.personId === null && r.decidedBy === 'administrator' ? 'filled' : 'default'}
              onClick={() => onLink(null)}
              loading={busy}
              data-testid="keep-new-person"
            >
              None of them: a new person
            </Button>
          )}
        </Group>
        <Text size="sm">{r.explanation}</Text>
        {r.candidates.length > 0 && (
          <SimpleGrid
            type="container"
            cols={{ base: 1, '340px': 2, '720px': Math.min(4, r.candidates.length + 1) }}
            spacing="xs"
            style={{ overflowWrap: 'anywhere' }}
          >
            <Card withBorder padding="xs" bg="var(--mantine-color-gray-light)">
              <Text size="xs" c="dimmed">
                The document
              </Text>
              <Text fw={600}>{`${v('firstName')} ${v('lastName')}`.trim() || '—'}</Text>
              <Text size="sm">{v('email') || 'no e-mail'}</Text>
              <Text size="sm" c="dimmed">
                {[v('title'), v('organization')].filter(Boolean).join(', ') || ' '}
              </Text>
            </Card>
            {r.candidates.map((c) => (
              <CandidateCard
                key={c.personId}
                c={c}
                linked={r.personId === c.personId}
                readOnly={readOnly}
                busy={busy}
                onLink={() => onLink(c.personId)}
                onUseValue={onUseValue}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function CandidateCard(props: {
  c: PersonCandidate;
  linked: boolean;
  readOnly: boolean;
  busy: boolean;
  onLink: () => void;
  onUseValue: (field: string, value: string) => void;
}) {
  const { c, linked } = props;
  return (
    <Card
      withBorder
      padding="xs"
      data-testid="person-candidate"
      style={linked ? { borderColor: 'var(--mantine-color-teal-6)' } : undefined}
    >
      <Text fw={600}>{c.name}</Text>
      <Badge
        size="sm"
        variant="light"
        color={c.score >= 0.9 ? 'teal' : c.score >= 0.5 ? 'yellow' : 'gray'}
        style={{ alignSelf: 'flex-start' }}
      >
        {pct(c.score)} the same
      </Badge>
      <Text size="sm">{c.email}</Text>
      <Text size="sm" c="dimmed">
        {[c.title, c.organization].filter(Boolean).join(', ')}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {c.reasons.slice(0, 3).join('; ')}
      </Text>
      <Differences c={c} editable={!props.readOnly && linked} onUseValue={props.onUseValue} />
      {!props.readOnly && (
        <Button
          size="xs"
          mt="xs"
          fullWidth
          variant={linked ? 'filled' : 'default'}
          color="teal"
          loading={props.busy}
          onClick={props.onLink}
          data-testid="link-person"
        >
          {linked ? 'Linked: the same person' : 'The same person'}
        </Button>
      )}
    </Card>
  );
}

/** What the document says differently from the instance; for the linked person, which one to keep. */
function Differences(props: {
  c: PersonCandidate;
  editable: boolean;
  onUseValue: (field: string, value: string) => void;
}) {
  const { c } = props;
  if (c.differences.length === 0)
    return (
      <Text size="xs" mt={4}>
        Nothing differs.
      </Text>
    );
  return (
    <List size="xs" mt={4} spacing={0}>
      {c.differences.map((d) => (
        <List.Item key={d.field}>
          {fieldLabel(d.field)}: document “{d.document}”, instance “{d.mirror || 'empty'}”
          {props.editable && (
            <>
              {d.mirror && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  ml={4}
                  onClick={() => props.onUseValue(d.field, d.mirror)}
                  data-testid="use-instance-value"
                >
                  use the instance's
                </Button>
              )}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => props.onUseValue(d.field, d.document)}
                data-testid="use-document-value"
              >
                change it to the document's
              </Button>
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}
