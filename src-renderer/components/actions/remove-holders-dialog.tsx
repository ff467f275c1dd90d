/**
 * Remove a profile role from some or all of its holders: tick them in the list (searchable), or
 * take it from everyone who holds it. Into the current draft, previewed first.
 */
import { Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { PersonRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import type { DraftWork } from '../plan-draft/use-add-to-draft';
import { ActionDialog } from './action-dialog';

/** Holders listed to tick; above this, "everyone who holds it" or a search narrows them. */
const LISTED = 1000;

interface Props {
  instanceId: string;
  role: { id: number; name: string; holders: number };
  onClose: () => void;
}

export function RemoveHoldersDialog({ instanceId, role, onClose }: Props) {
  const holders = useApiQuery('people:search', { instanceId, filters: { roleId: role.id }, limit: LISTED });
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [everyone, setEveryone] = useState(false);
  const [filter, setFilter] = useState('');
  const rows = holders.data?.rows ?? [];
  const q = filter.trim().toLowerCase();
  const shown = q ? rows.filter((p) => `${p.firstName} ${p.lastName} ${p.email}`.toLowerCase().includes(q)) : rows;
  const action = { kind: 'remove_role' as const, roleId: role.id };
  const work: DraftWork | null = everyone
    ? { kind: 'filter', filters: { roleId: role.id }, action }
    : picked.size > 0
      ? { kind: 'selection', personIds: [...picked], action }
      : null;
  const toggle = (id: number, on: boolean) =>
    setPicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Remove ${role.name} from its holders`}
      work={work}
      blocked={work ? null : 'Tick the holders to remove it from.'}
      color="red"
      testId="remove-holders-dialog"
    >
      <Stack gap="xs">
        <Checkbox
          label={`Everyone who holds it (${role.holders.toLocaleString()})`}
          checked={everyone}
          onChange={(e) => setEveryone(e.currentTarget.checked)}
          data-testid="remove-from-everyone"
        />
        {!everyone && (
          <HolderList
            rows={shown}
            total={rows.length}
            picked={picked}
            onToggle={toggle}
            onAll={(on) => setPicked(on ? new Set([...picked, ...shown.map((p) => p.id)]) : new Set())}
            filter={filter}
            setFilter={setFilter}
            loading={holders.isLoading}
          />
        )}
      </Stack>
    </ActionDialog>
  );
}

interface ListProps {
  rows: PersonRow[];
  total: number;
  picked: Set<number>;
  onToggle: (id: number, on: boolean) => void;
  onAll: (on: boolean) => void;
  filter: string;
  setFilter: (v: string) => void;
  loading: boolean;
}

function HolderList({ rows, total, picked, onToggle, onAll, filter, setFilter, loading }: ListProps) {
  const allShown = rows.length > 0 && rows.every((p) => picked.has(p.id));
  return (
    <>
      <Group gap="sm">
        <TextInput
          aria-label="Find a holder"
          placeholder="Find a holder"
          leftSection={<IconSearch size={14} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          size="xs"
          w={240}
          data-autofocus
        />
        <Checkbox
          size="xs"
          label={filter.trim() ? `All ${rows.length} shown` : `All ${total}`}
          checked={allShown}
          indeterminate={!allShown && rows.some((p) => picked.has(p.id))}
          onChange={(e) => onAll(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed" ml="auto">
          {picked.size} ticked
        </Text>
      </Group>
      <ScrollArea.Autosize mah={280} type="auto">
        <Stack gap={4} data-testid="holder-list">
          {loading && <Text size="sm">Loading the holders…</Text>}
          {rows.map((p) => (
            <Checkbox
              key={p.id}
              checked={picked.has(p.id)}
              onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
              label={`${p.firstName} ${p.lastName}`}
              description={[p.email, p.organization].filter(Boolean).join(' · ')}
              data-testid="holder-checkbox"
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </>
  );
}
