/**
 * The plan's next steps, as its state allows: submit, approve all or the selected operations,
 * apply (or resume), create the undo plan, and open the plans it is linked to.
 */
import { Button, Group } from '@mantine/core';
import { IconPlayerPlay, IconSend } from '@tabler/icons-react';
import type { Instance, PlanDetail } from '../../../src-preload/contract';
import { ApprovalButtons } from './approval-controls';
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
