/** The plans this one is linked to: its undo plans, the plan it undoes, and split parts. */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { LinkedPlan, PlanDetail } from '../../../src-preload/contract';
import { STATE_COLOR, STATE_LABEL } from './plan-format';

function Link({ label, plan, onOpen }: { label: string; plan: LinkedPlan; onOpen: (id: string) => void }) {
  return (
    <Group gap={6} data-testid="plan-link">
      <Text size="sm">{label}</Text>
      <Anchor component="button" type="button" size="sm" onClick={() => onOpen(plan.id)}>
        {plan.title}
      </Anchor>
      <Badge size="sm" variant="light" color={STATE_COLOR[plan.state]}>
        {STATE_LABEL[plan.state]}
      </Badge>
    </Group>
  );
}

export function PlanLinks({ detail: d, onOpen }: { detail: PlanDetail; onOpen: (planId: string) => void }) {
  const links = [
    ...d.undoPlans.map((p) => ({ label: p.state === 'applied' ? 'Undone by plan' : 'Undo plan', plan: p })),
    ...(d.undoes ? [{ label: 'Undoes plan', plan: d.undoes }] : []),
    ...d.splitInto.map((p) => ({ label: 'Operations not approved moved to', plan: p })),
    ...(d.splitFrom ? [{ label: 'Split from plan', plan: d.splitFrom }] : []),
  ];
  if (links.length === 0) return null;
  return (
    <Stack gap={2} data-testid="plan-links">
      {links.map((l) => (
        <Link key={`${l.label}-${l.plan.id}`} label={l.label} plan={l.plan} onOpen={onOpen} />
      ))}
    </Stack>
  );
}
