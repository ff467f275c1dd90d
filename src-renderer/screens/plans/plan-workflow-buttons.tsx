/**
 * The plan's next steps, as its state allows: submit, approve all or the selected operations,
 * apply (or resume), apply only the approved part (the rest split off), create the undo plan.
 */
import { Button, Group } from '@mantine/core';
import { IconPlayerPlay, IconSend } from '@tabler/icons-react';
import type { Instance, PlanDetail } from '../../../src-preload/contract';
import { ApprovalButtons } from './approval-controls';
import { confirmApply, confirmApplyApproved } from './confirm-apply';
import type { PlanActions } from './use-plan-actions';

interface PlanWorkflowButtonsProps {
  instance: Instance;
  detail: PlanDetail;
  actions: PlanActions;
}

export function PlanWorkflowButtons({ instance, detail: d, actions }: PlanWorkflowButtonsProps) {
  const { plan, totals } = d;
  const { planId, submit, apply, undo } = actions;
  const reviewable = plan.state === 'in_review' || plan.state === 'approved';
  const applied = ['applied', 'partially_applied', 'failed'].includes(plan.state);
  const startApply = () => apply.mutate({ planId });
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
      {reviewable && <ApprovalButtons detail={d} actions={actions} />}
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
