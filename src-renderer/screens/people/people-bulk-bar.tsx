/**
 * The bar over the People list while people are ticked: how many, "select every match" (without
 * loading them), clear, and "Add to a plan" for any action. Shown only with a tick.
 */
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { ActionsMenu } from '../../components/actions/actions-menu';
import { everyMatch, somePeople } from '../../components/actions/action-target';
import type { PeopleFiltersInput } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';
import type { PeopleSelection } from './use-people-selection';

interface PeopleBulkBarProps {
  instanceId: string;
  selection: PeopleSelection;
  /** The current search and its matches. */
  search: { query: string; filters: PeopleFiltersInput };
  total: number;
}

export function PeopleBulkBar({ instanceId, selection, search, total }: PeopleBulkBarProps) {
  const { state, count } = selection;
  if (count === 0 && state.mode === 'some') return null;
  const all = state.mode === 'all';
  const unticked = all ? state.excluded.size : 0;
  const target =
    count === 0
      ? null
      : all
        ? everyMatch(count, { ...search, excludePersonIds: [...state.excluded] })
        : somePeople([...state.ids]);
  return (
    <Paper withBorder px="sm" py={6} bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" fw={600} data-testid="bulk-count" style={{ whiteSpace: 'nowrap' }}>
          {!all
            ? `${formatNumber(count)} selected`
            : unticked
              ? `${formatNumber(count)} of ${formatNumber(total)} matching selected (${formatNumber(unticked)} unticked)`
              : `All ${formatNumber(count)} matching selected`}
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
        <ActionsMenu instanceId={instanceId} target={target} onAdded={selection.clear} />
      </Group>
    </Paper>
  );
}
