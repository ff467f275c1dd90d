/**
 * Reviews: access review campaigns of the active instance. The list (progress, due date, state)
 * and a new campaign (scope, kinds of access, stages, default, recurrence, with a preview of who
 * is in it); a campaign opens in place for deciding (see campaign-view.tsx). Tabs for licence
 * use and the AI record.
 */
import { Badge, Button, EmptyState, Group, Paper, Progress, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { CampaignSummary, Instance } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { formatNumber } from '../../lib/format';
import { AiRecordPanel } from './ai-record-panel';
import { CampaignView } from './campaign-view';
import { LicensesPanel } from './licenses-panel';
import { NewCampaignModal } from './new-campaign-modal';

export function ReviewsScreen() {
  return (
    <Stack gap="md" data-testid="screen-reviews">
      <ScreenHeader
        title="Reviews"
        description="Access review campaigns: who keeps which access, with a recommendation and its reasons for every item."
      />
      <BrowseGate what="access to review">
        {(instance) => (
          <Tabs defaultValue="campaigns" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="campaigns">Campaigns</Tabs.Tab>
              <Tabs.Tab value="licenses" data-testid="tab-licenses">
                Licenses
              </Tabs.Tab>
              <Tabs.Tab value="ai" data-testid="tab-ai-record">
                AI record
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="campaigns">
              <Campaigns key={instance.id} instance={instance} />
            </Tabs.Panel>
            <Tabs.Panel value="licenses">
              <LicensesPanel instanceId={instance.id} />
            </Tabs.Panel>
            <Tabs.Panel value="ai">
              <AiRecordPanel instanceId={instance.id} />
            </Tabs.Panel>
          </Tabs>
        )}
      </BrowseGate>
    </Stack>
  );
}

const STATE_COLOR = { active: 'blue', signed_off: 'green', cancelled: 'gray' } as const;
const STATE_LABEL = { active: 'Active', signed_off: 'Signed off', cancelled: 'Cancelled' } as const;

function Campaigns({ instance }: { instance: Instance }) {
  const list = useApiQuery('reviews:list', { instanceId: instance.id });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (open) return <CampaignView campaignId={open} onBack={() => setOpen(null)} />;
  const campaigns = list.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-campaign">
          New campaign
        </Button>
      </Group>
      <Paper withBorder>
        {campaigns.length > 0 ? (
          <CampaignTable campaigns={campaigns} onOpen={setOpen} />
        ) : (
          !list.isLoading && (
            <EmptyState
              py="lg"
              icon={<IconChecklist size={28} />}
              title="No campaigns yet"
              description="Start one: choose who is in scope, and every item gets a keep or revoke recommendation with its reasons."
              data-testid="reviews-empty"
            />
          )
        )}
      </Paper>
      <NewCampaignModal
        instanceId={instance.id}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
    </Stack>
  );
}

function CampaignTable({ campaigns, onOpen }: { campaigns: CampaignSummary[]; onOpen: (id: string) => void }) {
  return (
    <Table highlightOnHover data-testid="campaigns-table" aria-label="Campaigns">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Campaign</Table.Th>
          <Table.Th>Scope</Table.Th>
          <Table.Th w={220}>Decided</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>State</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((c) => (
          <Table.Tr key={c.id} onClick={() => onOpen(c.id)} style={{ cursor: 'pointer' }} data-testid="campaign-row">
            <Table.Td>
              <Text fw={500}>{c.name}</Text>
              <Text size="xs" c="dimmed">
                {formatNumber(c.counts.people)} people, {formatNumber(c.counts.items)} items
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{c.scopeText}</Text>
            </Table.Td>
            <Table.Td>
              <Progress value={c.counts.items ? (c.counts.decided / c.counts.items) * 100 : 100} size="sm" />
              <Text size="xs" c="dimmed">
                {formatNumber(c.counts.decided)} of {formatNumber(c.counts.items)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={c.overdue ? 'red' : undefined}>
                {c.dueOn}
                {c.overdue ? ' (overdue)' : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={STATE_COLOR[c.state]} variant="light">
                {STATE_LABEL[c.state]}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
