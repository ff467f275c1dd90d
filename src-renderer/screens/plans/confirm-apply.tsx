/** The last question before a plan is applied: what it changes, the calls it uses, what is skipped. */
import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Instance, PlanDetail } from '../../../src-preload/contract';
import { countOf, formatNumber } from '../../lib/format';
import { topRisk } from './plan-format';

export function confirmApply(instance: Instance, detail: PlanDetail, onConfirm: () => void): void {
  const { plan, totals, estimate } = detail;
  const risk = topRisk(totals.byRisk);
  modals.openConfirmModal({
    title: `Apply "${plan.title}" to ${instance.name}?`,
    children: (
      <Stack gap={4}>
        <Text size="sm">
          {countOf(totals.operations, 'operation')} on {countOf(totals.people, 'person', 'people')}; risk <b>{risk}</b>
          {totals.privileged ? `, ${totals.privileged} privileged` : ''}.
        </Text>
        <Text size="sm">
          Uses about {formatNumber(estimate.total)} calls; {formatNumber(detail.budget.remaining)} left this hour.
        </Text>
        <Text size="xs" c="dimmed">
          People changed on the server since planning are skipped, never overwritten. A note is written on each changed
          person.
        </Text>
      </Stack>
    ),
    labels: { confirm: 'Apply', cancel: 'Not now' },
    confirmProps: { color: risk === 'high' ? 'red' : 'blue', 'data-testid': 'confirm-apply' } as never,
    onConfirm,
  });
}

/** Apply only the approved part: the rest moves to a new draft first. */
export function confirmApplyApproved(instance: Instance, detail: PlanDetail, onConfirm: () => void): void {
  const { plan, totals } = detail;
  const rest = totals.operations - totals.approved;
  modals.openConfirmModal({
    title: `Apply the approved part of "${plan.title}" to ${instance.name}?`,
    children: (
      <Stack gap={4}>
        <Text size="sm">
          {formatNumber(totals.approved)} approved operations are applied now. The {formatNumber(rest)} not approved yet
          move to a new draft, "{plan.title} (not approved yet)", linked to this plan.
        </Text>
        <Text size="xs" c="dimmed">
          People changed on the server since planning are skipped, never overwritten.
        </Text>
      </Stack>
    ),
    labels: { confirm: 'Split and apply', cancel: 'Not now' },
    confirmProps: { color: 'green', 'data-testid': 'confirm-apply-approved' } as never,
    onConfirm,
  });
}
