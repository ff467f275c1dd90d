/**
 * A person's timeline: when they sign in (a heat map by weekday and hour, UTC, and the hours the
 * off-hours detector learned as usual), what changed in their access and what they changed, their
 * findings and risk. Pick a person here, or come from the person page or a finding.
 */
import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLocation } from 'wouter';
import type { Instance, PersonTimeline } from '../../../../src-preload/contract';
import { FINDING_KIND_LABELS } from '../../../../src-preload/contract';
import { useApiQuery } from '../../../api';
import { formatNumber } from '../../../lib/format';
import { SessionHeatmap } from './session-heatmap';
import { PersonPicker } from './person-picker';
import { TimelineEntries } from './timeline-entries';

export function TimelineTab({ instance, personId }: { instance: Instance; personId: number | null }) {
  const [, navigate] = useLocation();
  return (
    <Stack gap="md" data-testid="timeline-tab">
      <PersonPicker instance={instance} onPick={(id) => navigate(`/audit/timeline/${id}`)} />
      {personId === null ? (
        <Text size="sm" c="dimmed">
          Choose a person to see their sessions, access changes and findings.
        </Text>
      ) : (
        <Timeline instance={instance} personId={personId} />
      )}
    </Stack>
  );
}

function Timeline({ instance, personId }: { instance: Instance; personId: number }) {
  const t = useApiQuery('investigate:timeline', { instanceId: instance.id, personId }, { meta: { silent: true } });
  if (t.isLoading) return <Loader size="sm" aria-label="Loading the timeline" />;
  if (!t.data) return <Alert color="yellow">{t.error?.message ?? 'No such person in the mirror.'}</Alert>;
  const d = t.data;
  return (
    <Stack gap="md" data-testid="person-timeline">
      <Group gap="sm">
        <Title order={2}>{d.person.name}</Title>
        {d.person.isExternal && <Badge variant="light">External</Badge>}
        {d.person.status && <Badge variant="outline">{d.person.status}</Badge>}
        <Anchor href={`#/people/${d.person.id}`} size="sm">
          Person page
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {[d.person.title, d.person.department, d.person.email].filter(Boolean).join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={3} mb={4}>
            Sessions by weekday and hour (UTC)
          </Title>
          <Text size="sm" c="dimmed" mb="sm" data-testid="timeline-usual">
            {formatNumber(d.sessions)} sessions in the mirror.{' '}
            {d.usualHours
              ? `Usual hours, as the off-hours detector learned them: ${d.usualHours}.`
              : 'Still in the learning period: no usual hours yet.'}
          </Text>
          <SessionHeatmap grid={d.heatmap} />
        </Paper>
        <RiskAndFindings d={d} />
      </SimpleGrid>
      <TimelineEntries entries={d.entries} />
    </Stack>
  );
}

function RiskAndFindings({ d }: { d: PersonTimeline }) {
  return (
    <Paper withBorder p="md" data-testid="timeline-findings">
      <Title order={3} mb="xs">
        Risk {d.risk ? d.risk.score : 0}
      </Title>
      {d.risk?.contributions.map((c) => (
        <Text key={c.factor} size="sm">
          +{c.points} {c.label}:{' '}
          <Text span c="dimmed" size="sm">
            {c.detail}
          </Text>
        </Text>
      ))}
      <Title order={4} mt="md" mb="xs">
        Findings
      </Title>
      {d.findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        d.findings.slice(0, 12).map((f) => (
          <Group key={f.id} gap={6} wrap="nowrap">
            <Badge size="xs" variant="light">
              {f.score.toFixed(2)}
            </Badge>
            <Anchor href={`#/audit/findings/${f.id}`} size="sm">
              {FINDING_KIND_LABELS[f.kind]}
            </Anchor>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {f.detected ? f.status : 'no longer detected'}
            </Text>
          </Group>
        ))
      )}
    </Paper>
  );
}
