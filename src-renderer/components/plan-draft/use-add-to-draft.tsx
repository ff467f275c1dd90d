/**
 * `useAddToDraft(instanceId)`: puts operations into the current draft (a new draft is made and
 * made current when there is none), then says what happened with a link to the plan. Nothing
 * here touches the instance: every action lands in a plan first.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type {
  BulkActionInput,
  PeopleFiltersInput as PeopleFilters,
  PlanOperationInput,
} from '../../../src-preload/contract';
import { callApi, notifyError } from '../../api';
import { draftHref, setCurrentDraftId, useCurrentDraft } from './current-draft';

export type DraftWork =
  | { kind: 'operations'; operations: PlanOperationInput[] }
  | { kind: 'selection'; personIds: number[]; action: BulkActionInput }
  | { kind: 'filter'; filters: PeopleFilters; action: BulkActionInput }
  | { kind: 'deactivateOrganization'; organizationId: number; includeSubOrganizations: boolean };

interface Outcome {
  planId: string;
  title: string;
  added: number;
  rejected: string[];
}

async function ensureDraft(instanceId: string, current: string | null, title: string) {
  if (current) return current;
  const plan = await callApi('plans:create', { instanceId, title });
  setCurrentDraftId(instanceId, plan.id);
  return plan.id;
}

async function run(planId: string, work: DraftWork): Promise<Omit<Outcome, 'planId'>> {
  if (work.kind === 'operations') {
    const { plan, rejected } = await callApi('plans:addOperation', { planId, operations: work.operations });
    return {
      title: plan.title,
      added: work.operations.length - rejected.length,
      rejected: rejected.map((r) => r.message),
    };
  }
  const result =
    work.kind === 'selection'
      ? await callApi('plans:buildFromSelection', { planId, personIds: work.personIds, action: work.action })
      : await callApi('plans:buildFromFilter', {
          planId,
          build:
            work.kind === 'filter'
              ? { kind: 'filter', filters: work.filters, action: work.action }
              : {
                  kind: 'deactivateOrganization',
                  organizationId: work.organizationId,
                  includeSubOrganizations: work.includeSubOrganizations,
                },
        });
  return { title: result.plan.title, added: result.added, rejected: result.rejected.map((r) => r.message) };
}

function announce(o: Outcome) {
  const skipped = o.rejected.length;
  notifications.show({
    color: o.added > 0 ? 'teal' : 'yellow',
    title: o.added > 0 ? `Added ${o.added} to "${o.title}"` : `Nothing added to "${o.title}"`,
    autoClose: 8000,
    withBorder: true,
    message: (
      <Stack gap={4} data-testid="draft-notification">
        {skipped > 0 && (
          <Text size="sm">
            {skipped} not added: {o.rejected.slice(0, 3).join(' ')}
            {skipped > 3 ? ' …' : ''}
          </Text>
        )}
        <Text size="sm">Nothing changes on the instance until the plan is approved and applied.</Text>
        <Anchor href={draftHref(o.planId)} size="sm">
          Open plan
        </Anchor>
      </Stack>
    ),
  });
}

export function useAddToDraft(instanceId: string | null) {
  const { draft } = useCurrentDraft(instanceId);
  const [busy, setBusy] = useState(false);
  const add = async (work: DraftWork): Promise<boolean> => {
    if (!instanceId) return false;
    setBusy(true);
    try {
      const planId = await ensureDraft(instanceId, draft?.id ?? null, `Draft ${new Date().toLocaleString()}`);
      const out = await run(planId, work);
      announce({ planId, ...out });
      return out.added > 0;
    } catch (err) {
      notifyError(err, 'Not added to the plan');
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { add, busy, draft };
}
