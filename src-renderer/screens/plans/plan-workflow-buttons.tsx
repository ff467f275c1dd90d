/**
 * The plan's next steps, as its state allows: submit, approve all or the selected operations,
 * apply (or resume), apply only the approved part (the rest split off), create the undo plan.
 */
import { Button, Group } from '@mantine/core';
import { IconCheck, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import type { Instance, PlanDetail } from '../../../src-preload/contract';
import { confirmApply, confirmApplyApproved } from './confirm-apply';
import type { PlanActions } from './use-plan-actions';

interface PlanWorkflowButtonsProps {
  instance: Instance;
  detail: PlanDetail;
  actions: PlanActions;
}

export function PlanWorkflowButtons({ instance, detail: d, actions }: PlanWorkflowButtonsProps) {
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
      {plan.state === 'in_review' && totals.approved > 0 && totals.approved < totals.operations && (
        <Button
          color="green"
          variant="light"
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() => confirmApplyApproved(instance, d, () => actions.applyApproved.mutate({ planId }))}
          loading={actions.applyApproved.isPending}
          data-testid="apply-approved"
        >
          Apply the approved operations ({totals.approved})
        </Button>
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
    </Group>
  );
}
