/**
 * One plan: what it changes (diff per person), totals, warnings, calls against the hourly budget,
 * approvals (selected operations, or the whole plan minus privileged ones), export/import, apply
 * with live progress, results, and the undo plan.
 */
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ConsequenceKind, Instance, PlanDetail } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { ConsequencesPanel } from '../../components/consequences/consequences-panel';
import { PlanApplyPanel } from './plan-apply-panel';
import { PlanLinks } from './plan-links';
import { PlanOperations } from './plan-operations';
import { PlanHeader } from './plan-header';
import { PlanStats } from './plan-stats';
import { PlanWarnings } from './plan-warnings';
import { PlanWorkflowButtons } from './plan-workflow-buttons';
import { usePlanActions } from './use-plan-actions';
import { usePlanVocabulary } from './use-plan-vocabulary';

interface Props {
  instance: Instance;
  planId: string;
  onOpen: (planId: string) => void;
  onBack: () => void;
}

export function PlanPage({ instance, planId, onOpen, onBack }: Props) {
  const detail = useApiQuery('plans:get', { instanceId: instance.id, planId });
  const vocab = usePlanVocabulary(instance.id);
  const actions = usePlanActions({ planId, onOpen, onBack });
  const [filter, setFilter] = useState<{ kind: ConsequenceKind; ids: Set<number> } | null>(null);

  if (detail.isLoading) return <Loader size="sm" aria-label="Loading the plan" />;
  if (!detail.data) return <Alert color="red">{detail.error?.message ?? 'The plan could not be read.'}</Alert>;
  const d = detail.data;
  const { plan } = d;
  const applied = ['applied', 'partially_applied', 'failed'].includes(plan.state);

  return (
    <Stack gap="md" data-testid="plan-page">
      <PlanHeader detail={d} actions={actions} onBack={onBack} />
      <PlanStats detail={d} />
      {!applied && plan.state !== 'applying' && d.warnings.length > 0 && <PlanWarnings warnings={d.warnings} />}
      <PlanWorkflowButtons instance={instance} detail={d} actions={actions} />
      <PlanLinks detail={d} onOpen={onOpen} />
      <Text size="xs" c="dimmed">
        You approve and apply as {d.approver}.
      </Text>

      {(d.applyJobId || plan.state === 'applying' || applied) && (
        <PlanApplyPanel
          planId={planId}
          jobId={d.applyJobId}
          names={new Map(d.people.map((p) => [p.personId, p.name]))}
        />
      )}

      {!applied && plan.state !== 'applying' && (
        <ConsequencesPanel
          planId={planId}
          active={filter?.kind ?? null}
          onFilter={(c) => setFilter(c ? { kind: c.kind, ids: new Set(c.operationIds) } : null)}
        />
      )}
      {filter && (
        <Text size="sm" data-testid="consequence-filter">
          Showing the {filter.ids.size} operation{filter.ids.size === 1 ? '' : 's'} behind this warning.
        </Text>
      )}

      <PlanOperations
        detail={filter ? onlyOperations(d, filter.ids) : d}
        actions={actions}
        roleName={vocab.roleName}
        programName={vocab.programName}
        roles={vocab.profileRoles}
      />
    </Stack>
  );
}

/** The plan narrowed to the operations named (a consequence's), person by person. */
function onlyOperations(d: PlanDetail, ids: Set<number>): PlanDetail {
  const people = d.people
    .map((p) => ({ ...p, operations: p.operations.filter((o) => ids.has(o.id)) }))
    .filter((p) => p.operations.length > 0);
  return { ...d, people };
}
