/**
 * Onboarding: drop intake documents (several, or a folder), each record becomes a proposal in the
 * queue, kept across restarts; review one beside its document and make it a plan. The proposal
 * open is in the address (`#/onboarding?proposal=<id>`). With nothing in the queue, the screen is
 * the drop zone, with the samples one click away.
 */
import { Button, Grid, Loader, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconFileDescription } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { AddDocumentResult, Instance, ProposalState } from '../../../src-preload/contract';
import { callApi, notifyError, useApiQuery } from '../../api';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { IntakeDrop } from './intake-drop';
import { ProposalQueue } from './proposal-queue';
import { ProposalReview } from './proposal-review';
import { useIntakeDrop } from './use-intake-drop';

export function OnboardingScreen() {
  return (
    <div data-testid="screen-onboarding">
      <ScreenHeader
        title="Onboarding"
        description="Drop intake forms, letters, scans and e-mails: each becomes a proposal to review beside its document, then a plan to approve."
      />
      <BrowseGate what="people to match new people against">
        {(instance) => <OnboardingBody key={instance.id} instance={instance} />}
      </BrowseGate>
    </div>
  );
}

function useSelectedProposal(): [string | null, (id: string | null) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const id = new URLSearchParams(search).get('proposal');
  return [
    id,
    (next) => navigate(next ? `/onboarding?proposal=${encodeURIComponent(next)}` : '/onboarding', { replace: true }),
  ];
}

function OnboardingBody({ instance }: { instance: Instance }) {
  const queue = useApiQuery('onboarding:list', { instanceId: instance.id });
  const [chosen, setSelected] = useSelectedProposal();
  const [state, setState] = useState<ProposalState>('to_review');
  const [, navigate] = useLocation();
  // The first proposal of a drop opens at once, unless one under review was open when it started.
  const reviewing = !!chosen && queue.data?.find((q) => q.id === chosen)?.state === 'to_review';
  const onAdded = (r: AddDocumentResult, firstOfDrop: boolean) => {
    const first = r.proposals[0];
    if (!first || !firstOfDrop || reviewing) return;
    setState('to_review');
    setSelected(first.id);
  };
  const drop = useIntakeDrop(instance.id, onAdded);
  if (queue.isLoading) return <Loader size="sm" aria-label="Loading the queue" />;
  const proposals = queue.data ?? [];
  // Nothing chosen: the first proposal waiting for review opens.
  const selected = chosen ?? proposals.find((p) => p.state === 'to_review')?.id ?? null;
  const current = proposals.find((p) => p.id === selected);
  const next = (after: string) => {
    const open = proposals.filter((p) => p.state === 'to_review' && p.id !== after);
    setSelected(open[0]?.id ?? null);
  };
  if (proposals.length === 0)
    return (
      <Paper withBorder p="xl">
        <Stack gap="md">
          <IntakeDrop drop={drop} large extra={<SampleMenu onFile={(f) => void drop.read([f])} />} />
          <Text size="sm" c="dimmed">
            No documents yet. Each record you drop becomes a proposal here, kept until you make it a plan or dismiss it.
          </Text>
        </Stack>
      </Paper>
    );
  return (
    <Stack gap="sm">
      <IntakeDrop drop={drop} extra={<SampleMenu onFile={(f) => void drop.read([f])} compact />} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
          <ProposalQueue
            proposals={proposals}
            state={state}
            onState={setState}
            selected={selected}
            onSelect={setSelected}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
          {selected && current ? (
            <ProposalReview
              key={selected}
              proposalId={selected}
              summary={current}
              onOpenPlan={(planId) => navigate(`/plans?plan=${encodeURIComponent(planId)}`)}
              onDone={(planId) => (planId ? navigate(`/plans?plan=${encodeURIComponent(planId)}`) : next(selected))}
            />
          ) : (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                Choose a proposal in the queue to review it beside its document.
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** "Try a sample": the documents shipped in resources/intake-samples, read like a dropped file. */
function SampleMenu({ onFile, compact = false }: { onFile: (f: File) => void; compact?: boolean }) {
  const samples = useApiQuery('onboarding:samples', {});
  const list = samples.data ?? [];
  if (list.length === 0)
    return compact ? null : (
      <Text size="sm" c="dimmed">
        (No sample documents are installed.)
      </Text>
    );
  const open = async (name: string) => {
    try {
      const s = await callApi('onboarding:sample', { name });
      const bytes = Uint8Array.from(atob(s.base64), (c) => c.charCodeAt(0));
      onFile(new File([bytes], s.name));
    } catch (e) {
      notifyError(e, 'The sample could not be loaded');
    }
  };
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconFileDescription size={14} />} data-testid="try-sample">
          Try a sample
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={400} style={{ overflowY: 'auto' }}>
        {list.map((s) => (
          <Menu.Item key={s.name} onClick={() => void open(s.name)}>
            {s.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
