/** The filters over a campaign's items, as the reviews:items filter, and the bulk decisions over what they show. */
import { Button, Group, MultiSelect, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReviewItemFilter, ReviewReasonCode } from '../../../src-preload/contract';
import {
  REVIEW_ITEM_KIND_LABELS,
  REVIEW_ITEM_KINDS,
  REVIEW_REASON_CODES,
  REVIEW_REASON_LABELS,
} from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';

export interface FilterState {
  recommendation: 'all' | 'keep' | 'revoke';
  decision: 'all' | 'undecided' | 'decided' | 'overridden';
  risk: string[];
  kind: string | null;
  reason: string | null;
  search: string;
}

export const NO_FILTER: FilterState = {
  recommendation: 'all',
  decision: 'all',
  risk: [],
  kind: null,
  reason: null,
  search: '',
};

export function toFilter(f: FilterState): ReviewItemFilter {
  return {
    ...(f.recommendation !== 'all' ? { recommendation: f.recommendation } : {}),
    ...(f.decision !== 'all' ? { decision: f.decision } : {}),
    ...(f.risk.length ? { risk: f.risk as ('low' | 'medium' | 'high')[] } : {}),
    ...(f.kind ? { kinds: [f.kind as 'role'] } : {}),
    ...(f.reason ? { reasons: [f.reason as ReviewReasonCode] } : {}),
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
  };
}

export function ItemFilters({ value, onChange }: { value: FilterState; onChange: (f: FilterState) => void }) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <Group gap="sm" align="flex-end">
      <SegmentedControl
        aria-label="Recommendation"
        value={value.recommendation}
        onChange={(v) => set({ recommendation: v as FilterState['recommendation'] })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'revoke', label: 'Recommended revoke' },
          { value: 'keep', label: 'Recommended keep' },
        ]}
        data-testid="filter-recommendation"
      />
      <SegmentedControl
        aria-label="Decision"
        value={value.decision}
        onChange={(v) => set({ decision: v as FilterState['decision'] })}
        data={[
          { value: 'all', label: 'Any' },
          { value: 'undecided', label: 'Undecided' },
          { value: 'decided', label: 'Decided' },
          { value: 'overridden', label: 'Overridden' },
        ]}
        data-testid="filter-decision"
      />
      <MultiSelect
        aria-label="Risk"
        placeholder="Any risk"
        value={value.risk}
        onChange={(risk) => set({ risk })}
        data={[
          { value: 'low', label: 'Low risk' },
          { value: 'medium', label: 'Medium risk' },
          { value: 'high', label: 'High risk' },
        ]}
        w={200}
        data-testid="filter-risk"
      />
      <Select
        aria-label="Access"
        placeholder="Any access"
        clearable
        value={value.kind}
        onChange={(kind) => set({ kind })}
        data={REVIEW_ITEM_KINDS.map((k) => ({ value: k, label: REVIEW_ITEM_KIND_LABELS[k] }))}
        w={180}
      />
      <Select
        aria-label="Reason"
        placeholder="Any reason"
        clearable
        searchable
        value={value.reason}
        onChange={(reason) => set({ reason })}
        data={REVIEW_REASON_CODES.map((c) => ({ value: c, label: REVIEW_REASON_LABELS[c] }))}
        w={220}
        data-testid="filter-reason"
      />
      <TextInput
        aria-label="Search"
        placeholder="Person or access"
        leftSection={<IconSearch size={16} />}
        value={value.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        w={200}
      />
      <Button variant="subtle" size="xs" onClick={() => onChange(NO_FILTER)} data-testid="filter-clear">
        Clear filters
      </Button>
    </Group>
  );
}

interface BulkProps {
  shown: number;
  disabled: boolean;
  onDecide: (decision: 'recommendation' | 'keep' | 'revoke') => void;
}

export function BulkDecisions({ shown, disabled, onDecide }: BulkProps) {
  const n = formatNumber(shown);
  return (
    <Group gap="xs">
      <Button
        size="xs"
        disabled={disabled || shown === 0}
        onClick={() => onDecide('recommendation')}
        data-testid="bulk-recommendation"
      >
        Accept the recommendation for {n} shown
      </Button>
      <Button
        size="xs"
        variant="light"
        color="green"
        disabled={disabled || shown === 0}
        onClick={() => onDecide('keep')}
        data-testid="bulk-keep"
      >
        Keep {n} shown
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        disabled={disabled || shown === 0}
        onClick={() => onDecide('revoke')}
        data-testid="bulk-revoke"
      >
        Revoke {n} shown
      </Button>
    </Group>
  );
}
