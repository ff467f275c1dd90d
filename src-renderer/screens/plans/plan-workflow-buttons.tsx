/**
 * The plan's next steps, as its state allows: submit, approve all or the selected operations,
 * apply (or resume), create the undo plan, and open the plans it is linked to.
 */
import { Button, Group } from '@mantine/core';
import { IconCheck, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import type { Instance, PlanDetail } from '../../../src-preload/contract';
import { confirmApply } from './confirm-apply';
import { STATE_LABEL } from './plan-format';
import type { PlanActions } from './use-plan-actions';

interface PlanWorkflowButtonsProps {
  instance: Instance;
  detail: PlanDetail;
  actions: PlanActions;
  onOpen: (planId: string) => void;
}

export function PlanWorkflowButtons({ instance, detail: d, actions, onOpen }: PlanWorkflowButtonsProps) {
  const { plan, totals } = d;
  const { planId, submit, approve, apply, undo, selected } = actions;
  const reviewable = plan.state === 'in_review' || plan.state === 'approved';
  const applied = ['applied', 'partially_applied', 'failed'].includes(plan.state);
  const startApply = () => apply.mutate({ planId });
  const approvedIds = new Set(d.people.flatMap((p) => p.operations.filter((o) => o.approval).map((o) => o.id)));
  const toApprove = [...selected].filter((id) => !approvedIds.has(id));
  return (
    <Group gap="xs">
      {plan.state === 'draft' && (
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => submit.mutate({ planId })}
          loading={submit.isPending}
          disabled={totals.operations === 0}
          data-testid="submit-plan"
        >
          Submit for review
        </Button>
      )}
      {reviewable && (
        <>
          <Button
            leftSection={<IconCheck size={16} />}
            onClick={() => approve.mutate({ planId })}
            loading={approve.isPending && !approve.variables?.operationIds}
            disabled={totals.awaitingApproval === totals.awaitingOwnApproval}
            data-testid="approve-plan"
          >
            Approve plan
          </Button>
          <Button
            variant="light"
            onClick={() => approve.mutate({ planId, operationIds: toApprove })}
            disabled={toApprove.length === 0}
            data-testid="approve-selected"
          >
            Approve selected ({toApprove.length})
          </Button>
        </>
      )}
      {(plan.state === 'approved' || d.canResume) && !d.applyJobId && (
        <Button
          color="green"
          leftSection={<IconPlayerPlay size={16} />}
          onClick={d.canResume ? startApply : () => confirmApply(instance, d, startApply)}
          loading={apply.isPending}
          data-testid="apply-plan"
        >
          {d.canResume ? 'Resume apply' : 'Apply'}
        </Button>
      )}
      {applied && (
        <Button
          variant="light"
          onClick={() => undo.mutate({ planId })}
          loading={undo.isPending}
          data-testid="create-undo"
        >
          Create undo plan
        </Button>
      )}
      <LinkedPlanButtons detail={d} onOpen={onOpen} />
    </Group>
  );
}

function LinkedPlanButtons({ detail: d, onOpen }: { detail: PlanDetail; onOpen: (planId: string) => void }) {
  return (
    <>
      {d.undoPlans.map((u) => (
        <Button key={u.id} variant="subtle" onClick={() => onOpen(u.id)}>
          Open {u.title} ({STATE_LABEL[u.state as keyof typeof STATE_LABEL] ?? u.state})
        </Button>
      ))}
      {d.plan.undoOf && (
        <Button variant="subtle" onClick={() => onOpen(d.plan.undoOf as string)}>
          Open the plan it undoes
        </Button>
      )}
    </>
  );
}
