/** The plan page's four figures: operations, approvals, risk and the API calls it uses. */
import { Badge, SimpleGrid } from '@mantine/core';
import type { PlanDetail } from '../../../src-preload/contract';
import { countOf, formatNumber } from '../../lib/format';
import { RISK_COLOR, topRisk } from './plan-format';
import { PlanStat } from './plan-stat';

export function PlanStats({ detail }: { detail: PlanDetail }) {
  const { totals, estimate, budget } = detail;
  const risk = topRisk(totals.byRisk);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <PlanStat
        label="Operations"
        value={formatNumber(totals.operations)}
        hint={countOf(totals.people, 'person', 'people')}
      />
      <PlanStat
        label="Approved"
        value={`${totals.approved} / ${totals.operations}`}
        hint={
          totals.awaitingOwnApproval
            ? `${totals.awaitingOwnApproval} need their own approval`
            : 'privileged ones one by one'
        }
      />
      <PlanStat
        label="Risk"
        value={<Badge color={RISK_COLOR[risk]}>{risk}</Badge>}
        hint={`${totals.byRisk.high} high · ${totals.byRisk.medium} medium · ${totals.byRisk.low} low`}
      />
      <PlanStat
        label="API calls"
        value={`uses ${formatNumber(estimate.total)} calls`}
        hint={`${formatNumber(budget.remaining)} left this hour${estimate.budget && !estimate.budget.fitsNow ? ' — waits for the hourly limit' : ''}`}
        testId="plan-estimate"
      />
    </SimpleGrid>
  );
}
