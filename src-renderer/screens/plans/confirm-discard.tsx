/** Discard asks first: the plan's title, what is lost, and an optional reason kept in the trail. */
import { Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { PlanDetail } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';

export const MAX_DISCARD_REASON = 500;

export function confirmDiscard(detail: PlanDetail, onConfirm: (reason: string | undefined) => void): void {
  const { plan, totals } = detail;
  let reason = '';
  modals.openConfirmModal({
    title: `Discard "${plan.title}"?`,
    children: (
      <Stack gap="xs">
        <Text size="sm">
          Its {formatNumber(totals.operations)} operations and {formatNumber(totals.approved)} approvals are set aside;
          nothing is sent to SmartSimple. A discarded plan cannot be edited or applied again.
        </Text>
        <Textarea
          label="Reason (optional, kept in the audit trail)"
          maxLength={MAX_DISCARD_REASON}
          autosize
          minRows={2}
          data-autofocus
          data-testid="discard-reason"
          onChange={(e) => {
            reason = e.currentTarget.value;
          }}
        />
      </Stack>
    ),
    labels: { confirm: 'Discard the plan', cancel: 'Keep it' },
    confirmProps: { color: 'red', 'data-testid': 'confirm-discard' } as never,
    onConfirm: () => onConfirm(reason.trim() || undefined),
  });
}

export function confirmRemove(count: number, what: string, onConfirm: () => void): void {
  modals.openConfirmModal({
    title: count === 1 ? 'Remove this operation?' : `Remove ${formatNumber(count)} operations?`,
    children: (
      <Text size="sm">
        {what} Removing from a plan sends nothing to SmartSimple; an approved plan goes back to review.
      </Text>
    ),
    labels: { confirm: 'Remove', cancel: 'Keep' },
    confirmProps: { color: 'red', 'data-testid': 'confirm-remove' } as never,
    onConfirm,
  });
}
