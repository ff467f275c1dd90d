/**
 * One campaign: its progress, the items with recommendations and reasons, filters and bulk
 * decisions, the keyboard, the decisions recorded (each undoable until the sign-off), the
 * managers' workbook, the next stage, the sign-off into a plan, and the report.
 */
import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { CampaignDetail, ReviewItem } from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { CampaignActions } from './campaign-actions';
import { DecisionLog } from './decision-log';
import { BulkDecisions, ItemFilters, NO_FILTER, toFilter, type FilterState } from './item-filters';
import { ItemsTable } from './items-table';

const PAGE = 200;

export function CampaignView({ campaignId, onBack }: { campaignId: string; onBack: () => void }) {
  const detail = useApiQuery('reviews:get', { campaignId });
  const [filters, setFilters] = useState<FilterState>(NO_FILTER);
  const filter = toFilter(filters);
  const items = useApiQuery('reviews:items', { campaignId, filter, sort: 'attention', limit: PAGE });
  const decide = useApiMutation('reviews:decide');
  const c = detail.data;
  if (!c) return <Text size="sm">Loading the campaign…</Text>;
  const active = c.state === 'active';
  const decideOne = (item: ReviewItem, decision: 'keep' | 'revoke' | 'clear') =>
    decide.mutate({ campaignId, itemIds: [item.id], decision });
  const total = items.data?.total ?? 0;
  return (
    <Stack gap="md" data-testid="campaign-view">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Button variant="subtle" size="xs" leftSection={<IconArrowLeft size={14} />} onClick={onBack} w="fit-content">
            All campaigns
          </Button>
          <Title order={2}>{c.name}</Title>
          <Text size="sm" c="dimmed">
            {c.scopeText} · stage {c.currentStage} of {c.stages.length}: {c.stages[c.currentStage - 1]?.name} · due{' '}
            {c.dueOn}
          </Text>
        </Stack>
        <CampaignActions campaign={c} />
      </Group>
      <CampaignProgress campaign={c} />
      <SignedOff campaign={c} />
      {decide.error && <Alert color="red">{decide.error.message}</Alert>}
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <ItemFilters value={filters} onChange={setFilters} />
          <Group justify="space-between">
            <BulkDecisions
              shown={total}
              disabled={!active || decide.isPending}
              onDecide={(decision) => decide.mutate({ campaignId, filter, decision })}
            />
            <Text size="xs" c="dimmed" data-testid="items-shown">
              {formatNumber(total)} items match
              {total > PAGE ? `; the first ${PAGE} by attention` : ''}. Keys: ↑ ↓ move, k keep, r revoke, u undecide.
            </Text>
          </Group>
          <ItemsTable items={items.data?.rows ?? []} disabled={!active} onDecide={decideOne} />
          {items.data && total === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md" data-testid="items-empty">
              No item matches these filters. Clear them to see every item of this stage.
            </Text>
          )}
        </Stack>
      </Paper>
      <DecisionLog campaign={c} />
    </Stack>
  );
}

function CampaignProgress({ campaign: c }: { campaign: CampaignDetail }) {
  const s = c.stageCounts;
  const pct = (n: number) => (s.items ? (n / s.items) * 100 : 0);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={500} data-testid="campaign-progress">
          {formatNumber(s.decided)} of {formatNumber(s.items)} items decided ({Math.round(pct(s.decided))}%) ·{' '}
          {formatNumber(c.counts.people)} people
        </Text>
        <Text size="sm" c="dimmed">
          {formatNumber(s.keep)} keep · {formatNumber(s.revoke)} revoke · {formatNumber(s.overridden)} against the
          recommendation · {formatNumber(s.recommendedRevoke)} recommended revoke
        </Text>
      </Group>
      <Progress.Root size="lg" aria-label="Decided">
        <Progress.Section value={pct(s.keep)} color="green" />
        <Progress.Section value={pct(s.revoke)} color="red" />
      </Progress.Root>
    </Paper>
  );
}

function SignedOff({ campaign: c }: { campaign: CampaignDetail }) {
  const [, navigate] = useLocation();
  if (c.state !== 'signed_off') return null;
  return (
    <Alert color="green" title="Signed off" data-testid="signed-off">
      <Text size="sm">
        {c.signOff ? `${formatNumber(c.signOff.keep)} kept, ${formatNumber(c.signOff.revoke)} revoked` : ''}
        {c.signOff?.defaulted ? `, ${formatNumber(c.signOff.defaulted)} by the default` : ''}.{' '}
        {c.plan ? `The revocations are in the plan "${c.plan.title}".` : 'Nothing to revoke.'}
      </Text>
      {c.plan && (
        <Group gap="xs" mt="xs">
          <Badge variant="light" data-testid="campaign-plan-state">
            {c.plan.state}
          </Badge>
          <Button size="xs" variant="light" onClick={() => navigate('/plans')} data-testid="open-plans">
            Review and approve it in Plans
          </Button>
        </Group>
      )}
    </Alert>
  );
}
