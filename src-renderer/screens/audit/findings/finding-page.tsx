/**
 * One finding: what, who, why (in words and numbers), the evidence rows, its status with the
 * reason, and the fixes it offers, each of which makes a plan that goes through the normal review.
 */
import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconTimeline } from '@tabler/icons-react';
import type { FindingDetail, Instance } from '../../../../src-preload/contract';
import { FINDING_KIND_LABELS } from '../../../../src-preload/contract';
import { notifySuccess, useApiQuery } from '../../../api';
import { dayTime } from '../../../lib/format';
import { EvidenceSection } from './evidence';
import { planText, scoreColor, STATUS_COLOR, STATUS_LABEL, utc } from './labels';
import { MakePlanSection } from './make-plan';
import { StatusControls } from './status-controls';

interface Props {
  instance: Instance;
  findingId: number;
  onBack(): void;
}

export function FindingPage({ instance, findingId, onBack }: Props) {
  const finding = useApiQuery(
    'investigate:finding',
    { instanceId: instance.id, findingId },
    { meta: { silent: true } },
  );
  return (
    <Stack gap="md" data-testid="finding-page">
      <Anchor component="button" size="sm" w="fit-content" onClick={onBack} data-testid="finding-back">
        <Group gap={4}>
          <IconArrowLeft size={14} /> All findings
        </Group>
      </Anchor>
      {finding.isLoading ? (
        <Loader size="sm" aria-label="Loading the finding" />
      ) : !finding.data ? (
        <Alert color="yellow" title="No such finding">
          {finding.error?.message ?? 'It may belong to another instance.'}
        </Alert>
      ) : (
        <FindingBody instance={instance} f={finding.data} />
      )}
    </Stack>
  );
}

function FindingBody({ instance, f }: { instance: Instance; f: FindingDetail }) {
  return (
    <>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2} data-testid="finding-title">
            {FINDING_KIND_LABELS[f.kind]}: {f.person.name}
          </Title>
          <Badge color={scoreColor(f.score)} size="lg" variant="light" data-testid="finding-page-score">
            Score {f.score.toFixed(2)}
          </Badge>
          <Badge color={STATUS_COLOR[f.status]} size="lg" variant="light" data-testid="finding-page-status">
            {STATUS_LABEL[f.status]}
          </Badge>
          {!f.detected && (
            <Badge variant="outline" color="gray">
              No longer detected
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {[f.person.title, f.person.department, f.person.email].filter(Boolean).join(' · ')}
        </Text>
        <Group gap="md">
          <Anchor href={`#/people/${f.personId}`} size="sm">
            Person page
          </Anchor>
          <Anchor href={`#/audit/timeline/${f.personId}`} size="sm" data-testid="finding-timeline">
            <Group gap={4}>
              <IconTimeline size={14} /> Timeline
            </Group>
          </Anchor>
        </Group>
      </Stack>
      <Paper withBorder p="md">
        <Title order={3} mb={4}>
          Why
        </Title>
        <Text data-testid="finding-reason">{f.reason}</Text>
        <Group gap="lg" mt="sm" data-testid="finding-numbers">
          {Object.entries(f.numbers)
            .filter(([k]) => !/(Id|^role[AB])$/.test(k))
            .map(([k, v]) => (
              <div key={k}>
                <Text size="xs" c="dimmed">
                  {k.replace(/([A-Z])/g, ' $1').toLowerCase()}
                </Text>
                <Text size="sm" fw={500}>
                  {typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v)}
                </Text>
              </div>
            ))}
        </Group>
        <Text size="xs" c="dimmed" mt="sm">
          {f.occurredAt ? `Happened ${utc(f.occurredAt)}. ` : ''}First found {dayTime(f.firstSeenAt)}
          {f.clearedAt ? `; no longer detected since ${dayTime(f.clearedAt)}` : ''}.
        </Text>
      </Paper>
      <EvidenceSection evidence={f.evidence} />
      <StatusSection instance={instance} f={f} />
      <MakePlanSection instance={instance} f={f} />
    </>
  );
}

function StatusSection({ instance, f }: { instance: Instance; f: FindingDetail }) {
  const settled = f.status === 'remediated';
  return (
    <Paper withBorder p="md" data-testid="finding-status-section">
      <Title order={3} mb="xs">
        Status
      </Title>
      <Text size="sm" mb="sm">
        {STATUS_LABEL[f.status]}
        {f.statusBy ? ` — ${f.statusBy.replace(/\s*\(API user [^)]*\)\s*$/i, '')}` : ''}
        {f.statusAt ? `, ${dayTime(f.statusAt)}` : ''}
        {f.statusReason ? `: “${f.statusReason}”` : ''}
      </Text>
      {planText(f) && (
        <Text size="sm" mb="sm" data-testid="finding-plan">
          {planText(f)}. <Anchor href="#/plans">Open Plans</Anchor>
        </Text>
      )}
      <StatusControls
        instance={instance}
        findingIds={[f.id]}
        testPrefix="finding"
        show={{
          acknowledged: !settled && f.status !== 'acknowledged',
          dismissed: !settled && f.status !== 'dismissed',
          open: !settled && f.status !== 'open',
        }}
        onDone={(next) => notifySuccess(next === 'open' ? 'The finding is open again.' : `The finding is ${next}.`)}
      />
    </Paper>
  );
}
