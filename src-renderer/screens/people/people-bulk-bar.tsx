/**
 * The bar over the People list while people are ticked: how many, "select every match" (without
 * loading them), clear, and "Add to a plan…" for any action. Shown only with a tick.
 */
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconListCheck, IconX } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import type { PeopleSelection } from './use-people-selection';

interface PeopleBulkBarProps {
  selection: PeopleSelection;
  /** Matches of the current search. */
  total: number;
  onAct: () => void;
}

export function PeopleBulkBar({ selection, total, onAct }: PeopleBulkBarProps) {
  const { state, count } = selection;
  if (count === 0 && state.mode === 'some') return null;
  const all = state.mode === 'all';
  const unticked = all ? state.excluded.size : 0;
  return (
    <Paper withBorder px="sm" py={6} bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" fw={600} data-testid="bulk-count" style={{ whiteSpace: 'nowrap' }}>
          {all
            ? `All ${formatNumber(count)} matching selected${unticked ? ` (${formatNumber(unticked)} unticked)` : ''}`
            : `${formatNumber(count)} selected`}
        </Text>
        {!all && total > count && (
          <Button size="compact-sm" variant="subtle" onClick={selection.selectAll} data-testid="bulk-select-all">
            Select all {formatNumber(total)} matching
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          onClick={selection.clear}
          data-testid="bulk-clear"
        >
          Clear selection
        </Button>
        <Button
          size="compact-sm"
          ml="auto"
          leftSection={<IconListCheck size={14} />}
          onClick={onAct}
          disabled={count === 0}
          data-testid="bulk-act"
        >
          Add to a plan…
        </Button>
      </Group>
    </Paper>
  );
}
