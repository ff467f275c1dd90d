/**
 * Who and what to check: a person found by name, e-mail or organization (the mirror's search), and
 * a program, a role or the portal sign-in. Enter in any field runs the checks.
 */
import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import type { HelpdeskTargetKind, Instance } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { setHelpdeskView, useHelpdeskView } from './helpdesk-store';

const TARGETS: { value: HelpdeskTargetKind; label: string }[] = [
  { value: 'program', label: 'A program' },
  { value: 'role', label: 'A role' },
  { value: 'portal', label: 'Signing in' },
];

interface Props {
  instance: Instance;
  busy: boolean;
  onCheck: () => void;
}

function PersonPicker({ instance }: { instance: Instance }) {
  const view = useHelpdeskView(instance.id);
  const [search, setSearch] = useState(view.personLabel ?? '');
  const [debounced] = useDebouncedValue(search, 150);
  const typed = debounced.trim();
  const found = useApiQuery(
    'people:search',
    { instanceId: instance.id, query: typed, limit: 20, filters: { includeRemoved: true } },
    { enabled: typed.length >= 2 && typed !== view.personLabel },
  );
  const options = (found.data?.rows ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.firstName} ${p.lastName} <${p.email}>${p.organization ? ` · ${p.organization}` : ''}${p.removed ? ' (removed)' : ''}`,
  }));
  const selected =
    view.personId !== null && view.personLabel ? [{ value: String(view.personId), label: view.personLabel }] : [];
  const data = [...selected, ...options.filter((o) => o.value !== String(view.personId))];
  return (
    <Select
      label="Person"
      placeholder="Name, e-mail or organization (at least two letters)"
      searchable
      data={data}
      value={view.personId === null ? null : String(view.personId)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        typed.length < 2 ? 'Type at least two letters' : found.isFetching ? 'Searching…' : 'No one matches'
      }
      onChange={(value, option) =>
        setHelpdeskView(instance.id, {
          personId: value === null ? null : Number(value),
          personLabel: value === null ? null : (option?.label ?? null),
          outcomeId: null,
        })
      }
      data-testid="helpdesk-person"
      autoFocus
    />
  );
}

function TargetPicker({ instance }: { instance: Instance }) {
  const view = useHelpdeskView(instance.id);
  const programs = useApiQuery(
    'programs:list',
    { instanceId: instance.id },
    { enabled: view.targetKind === 'program' },
  );
  const roles = useApiQuery('roles:list', { instanceId: instance.id }, { enabled: view.targetKind === 'role' });
  const set = (change: Parameters<typeof setHelpdeskView>[1]) =>
    setHelpdeskView(instance.id, { ...change, outcomeId: null });
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500} mb={4}>
          Cannot…
        </Text>
        <SegmentedControl
          data={TARGETS.map((t) => ({ value: t.value, label: t.label }))}
          value={view.targetKind}
          onChange={(v) => set({ targetKind: v as HelpdeskTargetKind })}
          data-testid="helpdesk-target-kind"
        />
      </div>
      {view.targetKind === 'program' && (
        <Select
          label="Program"
          placeholder="Choose the program they cannot see"
          searchable
          data={(programs.data ?? [])
            .filter((p) => !p.removed)
            .map((p) => ({ value: String(p.id), label: `${p.name}${p.status ? ` (${p.status})` : ''}` }))}
          value={view.programId === null ? null : String(view.programId)}
          onChange={(v) => set({ programId: v === null ? null : Number(v) })}
          nothingFoundMessage="No program matches"
          data-testid="helpdesk-program"
        />
      )}
      {view.targetKind === 'role' && (
        <Select
          label="Role"
          placeholder="Choose the role they cannot use"
          searchable
          data={(roles.data ?? []).filter((r) => !r.removed).map((r) => ({ value: String(r.id), label: r.name }))}
          value={view.roleId === null ? null : String(view.roleId)}
          onChange={(v) => set({ roleId: v === null ? null : Number(v) })}
          nothingFoundMessage="No role matches"
          data-testid="helpdesk-role"
        />
      )}
    </Stack>
  );
}

/** Whether the form names a person and a complete target. */
export function formReady(view: ReturnType<typeof useHelpdeskView>): boolean {
  if (view.personId === null) return false;
  if (view.targetKind === 'program') return view.programId !== null;
  if (view.targetKind === 'role') return view.roleId !== null;
  return true;
}

export function TroubleshootForm({ instance, busy, onCheck }: Props) {
  const view = useHelpdeskView(instance.id);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (formReady(view)) onCheck();
      }}
    >
      <Stack gap="sm" maw={640}>
        <PersonPicker instance={instance} />
        <TargetPicker instance={instance} />
        <Group>
          <Button
            type="submit"
            leftSection={<IconStethoscope size={16} />}
            disabled={!formReady(view)}
            loading={busy}
            data-testid="helpdesk-check"
          >
            Run the checks
          </Button>
          <Text size="xs" c="dimmed">
            Every check runs on the mirror, as of the last sync.
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
