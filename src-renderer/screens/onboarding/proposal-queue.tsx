/**
 * The queue: every proposal of the instance, by state (to review, plan created, dismissed), the
 * latest drop first. Each line names the person, the document, who they are to the mirror, and
 * what still needs the administrator (problems, privileged roles). Arrow keys move through it.
 */
import { Badge, NavLink, Paper, ScrollArea, Select, Stack, Text } from '@mantine/core';
import type { ProposalState, ProposalSummary } from '../../../src-preload/contract';
import { ago } from '../../lib/format';

const OUTCOME: Record<ProposalSummary['outcome'], { label: string; color: string }> = {
  new: { label: 'new person', color: 'blue' },
  same: { label: 'existing person', color: 'teal' },
  possible: { label: 'decide who', color: 'yellow' },
};
const STATES: { value: ProposalState; label: string }[] = [
  { value: 'to_review', label: 'To review' },
  { value: 'planned', label: 'Plan created' },
  { value: 'dismissed', label: 'Dismissed' },
];

interface Props {
  proposals: ProposalSummary[];
  state: ProposalState;
  onState: (s: ProposalState) => void;
  selected: string | null;
  onSelect: (id: string) => void;
}

export function ProposalQueue({ proposals, state, onState, selected, onSelect }: Props) {
  const shown = proposals.filter((p) => p.state === state);
  const count = (s: ProposalState) => proposals.filter((p) => p.state === s).length;
  const move = (step: number) => {
    const i = shown.findIndex((p) => p.id === selected);
    const next = shown[Math.min(shown.length - 1, Math.max(0, i + step))];
    if (next) onSelect(next.id);
  };
  return (
    <Paper withBorder p="xs">
      <Stack gap="xs">
        <Select
          size="xs"
          aria-label="Show"
          allowDeselect={false}
          value={state}
          onChange={(v) => v && onState(v as ProposalState)}
          data={STATES.map((s) => ({ value: s.value, label: `${s.label} (${count(s.value)})` }))}
          data-testid="queue-state"
        />
        <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto" scrollbars="y">
          <Stack
            gap={0}
            tabIndex={0}
            aria-label="Proposals"
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                move(e.key === 'ArrowDown' ? 1 : -1);
              }
            }}
          >
            {shown.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                {state === 'to_review'
                  ? 'Nothing to review. Drop documents above.'
                  : state === 'planned'
                    ? 'No proposal has become a plan yet.'
                    : 'Nothing dismissed.'}
              </Text>
            )}
            {shown.map((p, i) => (
              <div key={p.id}>
                {(i === 0 || shown[i - 1]!.batchId !== p.batchId) && (
                  <Text size="xs" c="dimmed" mt={i ? 'xs' : 0} px="xs">
                    Dropped {ago(p.createdAt)}
                  </Text>
                )}
                <QueueLine p={p} active={p.id === selected} onSelect={onSelect} />
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}

function QueueLine({ p, active, onSelect }: { p: ProposalSummary; active: boolean; onSelect: (id: string) => void }) {
  const outcome = OUTCOME[p.outcome];
  return (
    <NavLink
      active={active}
      onClick={() => onSelect(p.id)}
      data-testid="queue-item"
      label={
        <Text size="sm" fw={500} truncate>
          {p.title || 'No name read'}
        </Text>
      }
      description={
        <Stack gap={0}>
          <Badge size="xs" variant="light" color={outcome.color}>
            {outcome.label}
          </Badge>
          <Text size="xs" c="dimmed" truncate>
            {p.file}
            {p.recordIndex > 0 || p.format === 'csv' || p.format === 'xlsx' ? `, row ${p.recordIndex + 1}` : ''}
          </Text>
          {p.state === 'to_review' && (p.problems > 0 || p.privileged > 0) && (
            <Text size="xs" c={p.problems > 0 ? 'red' : 'orange'}>
              {[p.problems > 0 ? `${p.problems} to fix` : null, p.privileged > 0 ? `${p.privileged} privileged` : null]
                .filter(Boolean)
                .join(', ')}
            </Text>
          )}
          {p.state === 'planned' && (
            <Text size="xs" c={p.planState === 'discarded' ? 'orange' : 'dimmed'}>
              {p.planState === 'discarded'
                ? 'Its plan was discarded'
                : `Plan: ${p.planState?.replace('_', ' ') ?? 'gone'}`}
            </Text>
          )}
          {p.state === 'dismissed' && p.dismissedReason && (
            <Text size="xs" c="dimmed" truncate>
              {p.dismissedReason}
            </Text>
          )}
        </Stack>
      }
    />
  );
}
