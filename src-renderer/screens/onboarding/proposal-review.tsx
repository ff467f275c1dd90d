/**
 * The review of one proposal: the document on the left with each field's source highlighted, and
 * on the right the fields, who the person is, their organization, the roles and programs, and the
 * plan it makes. Every change is sent to main, which records it and gives the proposal back as it
 * now stands.
 */
import { Alert, Badge, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OnboardingDecideInput, Proposal, ProposalSummary } from '../../../src-preload/contract';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api';
import { DocumentPane } from './document-pane';
import { FieldsPanel } from './fields-panel';
import { highlightsOf } from './highlights';
import { OrganizationResolution } from './organization-resolution';
import { PersonResolution } from './person-resolution';
import { ProposalPlan } from './proposal-plan';
import { RecommendationsPanel } from './recommendations-panel';

interface Props {
  proposalId: string;
  summary: ProposalSummary | undefined;
  onOpenPlan: (planId: string) => void;
  /** After the plan is created or the proposal dismissed: on to the next one. */
  onDone: (planId: string | null) => void;
}

const STATE_LABEL = { to_review: 'To review', planned: 'Plan created', dismissed: 'Dismissed' } as const;

/** The calls a review makes; a decision's answer (the proposal as it now stands) is shown at once. */
function useReviewActions(proposalId: string) {
  const client = useQueryClient();
  const decide = useApiMutation('onboarding:decide', {
    meta: { errorTitle: 'The change was not saved' },
    onSuccess: (next) => client.setQueryData(apiQueryKey('onboarding:get', { proposalId }), next),
  });
  const plan = useApiMutation('onboarding:createPlan', { meta: { errorTitle: 'The plan was not created' } });
  const dismiss = useApiMutation('onboarding:dismiss', { meta: { errorTitle: 'The proposal was not dismissed' } });
  const reopen = useApiMutation('onboarding:reopen', { meta: { errorTitle: 'The proposal could not be reopened' } });
  return {
    decide,
    plan,
    dismiss,
    reopen,
    busy: decide.isPending || plan.isPending || dismiss.isPending || reopen.isPending,
    send: (input: Omit<OnboardingDecideInput, 'proposalId'>) => decide.mutate({ proposalId, ...input }),
  };
}

export function ProposalReview({ proposalId, summary, onOpenPlan, onDone }: Props) {
  const query = useApiQuery('onboarding:get', { proposalId });
  const doc = useApiQuery(
    'onboarding:document',
    { documentId: query.data?.documentId ?? '' },
    { enabled: !!query.data, staleTime: Infinity },
  );
  const actions = useReviewActions(proposalId);
  const [selectedField, setSelectedField] = useState<string | null>(null);
  if (query.isLoading) return <Loader size="sm" aria-label="Loading the proposal" />;
  if (!query.data) return <Alert color="red">{query.error?.message ?? 'The proposal could not be read.'}</Alert>;
  const p = query.data;
  const readOnly = p.state !== 'to_review';
  const { send } = actions;
  const name = `${p.fields.firstName?.value ?? ''} ${p.fields.lastName?.value ?? ''}`.trim();
  return (
    <Stack gap="sm" data-testid="proposal-review">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={3}>{name || 'No name read yet'}</Title>
          <Text size="sm" c="dimmed">
            {p.file}
            {summary && (summary.format === 'csv' || summary.format === 'xlsx') ? `, row ${p.recordIndex + 1}` : ''}
          </Text>
        </Stack>
        <Badge
          size="lg"
          variant="light"
          color={p.state === 'to_review' ? 'blue' : p.state === 'planned' ? 'teal' : 'gray'}
          data-testid="proposal-state"
        >
          {STATE_LABEL[p.state]}
        </Badge>
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <div style={{ position: 'sticky', top: 0 }}>
            <DocumentPane
              proposal={p}
              selectedField={selectedField}
              onSelectField={setSelectedField}
              readOnly={readOnly}
              onAssign={(field, value, source) => {
                setSelectedField(field);
                send({
                  fields: { [field]: field === 'requestedRoles' ? [value] : value },
                  sources: { [field]: source },
                });
              }}
            />
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            <FieldsPanel
              proposal={p}
              located={new Set(highlightsOf(p, doc.data?.pages ?? []).map((h) => h.field))}
              selectedField={selectedField}
              onSelectField={setSelectedField}
              onSave={(field, value) => send({ fields: { [field]: value } })}
              readOnly={readOnly}
            />
            <ReviewDecisions
              p={p}
              readOnly={readOnly}
              actions={actions}
              summary={summary}
              onOpenPlan={onOpenPlan}
              onDone={onDone}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ReviewDecisions(props: {
  p: Proposal;
  readOnly: boolean;
  actions: ReturnType<typeof useReviewActions>;
  summary: ProposalSummary | undefined;
  onOpenPlan: (planId: string) => void;
  onDone: (planId: string | null) => void;
}) {
  const { p, readOnly, actions, onDone } = props;
  const { send, decide } = actions;
  return (
    <>
      <PersonResolution
        proposal={p}
        readOnly={readOnly}
        busy={decide.isPending}
        onLink={(id) => send({ linkPersonId: id })}
        onUseValue={(field, value) => send({ fields: { [field]: value } })}
      />
      <OrganizationResolution
        proposal={p}
        readOnly={readOnly}
        busy={decide.isPending}
        onChoose={(organization) => send({ organization })}
      />
      <RecommendationsPanel
        proposal={p}
        readOnly={readOnly}
        busy={decide.isPending}
        onDecide={(recommendations) => send({ recommendations })}
        onAcceptAll={() => send({ acceptRecommended: true })}
      />
      <ProposalPlan
        proposal={p}
        summary={props.summary}
        busy={actions.busy}
        onCreatePlan={() => actions.plan.mutate({ proposalId: p.id }, { onSuccess: (r) => onDone(r.planId) })}
        onDismiss={(reason) =>
          actions.dismiss.mutate(
            { proposalId: p.id, ...(reason.trim() ? { reason } : {}) },
            { onSuccess: () => onDone(null) },
          )
        }
        onReopen={() => actions.reopen.mutate({ proposalId: p.id })}
        onOpenPlan={props.onOpenPlan}
      />
    </>
  );
}
