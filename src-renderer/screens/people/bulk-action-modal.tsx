/**
 * "Add to a plan" for the ticked people (or every match of the search): an action with its fields,
 * and the plan it goes into, the current draft unless another draft or a new one is chosen. Nothing
 * reaches the instance from here: the plan is reviewed, approved and applied first.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { BulkActionInput } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { useCurrentDraft } from '../../components/plan-draft/current-draft';
import { useAddToDraft, type DraftTarget, type DraftWork } from '../../components/plan-draft/use-add-to-draft';
import { formatNumber } from '../../lib/format';
import { ACCESS_TYPE_OPTIONS, STATUS_OPTIONS } from './people-filter-model';
import {
  BULK_ACTION_OPTIONS,
  EMPTY_BULK_ACTION,
  bulkActionErrors,
  toBulkAction,
  type BulkActionFormState,
  type BulkActionKind,
} from './bulk-action-model';

const NEW_PLAN = '__new';

interface BulkActionModalProps {
  opened: boolean;
  onClose: () => void;
  instanceId: string;
  /** How many people it will be for. */
  count: number;
  /** The work for an action: the ticked ids, or the search less the unticked. */
  workFor: (action: BulkActionInput) => DraftWork;
  onAdded: () => void;
}

export function BulkActionModal(props: BulkActionModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Add to a plan: ${formatNumber(props.count)} ${props.count === 1 ? 'person' : 'people'}`}
      size="lg"
    >
      {/* Mounted only while open: each opening starts from the current draft. */}
      {props.opened && <BulkActionForm {...props} />}
    </Modal>
  );
}

function BulkActionForm({ onClose, instanceId, count, workFor, onAdded }: BulkActionModalProps) {
  const [form, setForm] = useState<BulkActionFormState>(EMPTY_BULK_ACTION);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<BulkActionFormState>) => setForm((f) => ({ ...f, ...patch }));
  const { drafts, draft } = useCurrentDraft(instanceId);
  const [planChoice, setPlanChoice] = useState<string>(draft?.id ?? NEW_PLAN);
  const [newTitle, setNewTitle] = useState(`People changes ${new Date().toLocaleDateString()}`);
  const { add, busy } = useAddToDraft(instanceId);
  const errors = tried ? bulkActionErrors(form) : {};
  const planOptions = [
    ...drafts.map((d) => ({
      value: d.id,
      label: `${d.title} (${d.operations} operations)${d.id === draft?.id ? ' · current draft' : ''}`,
    })),
    { value: NEW_PLAN, label: 'A new draft plan…' },
  ];

  const submit = async () => {
    setTried(true);
    if (Object.keys(bulkActionErrors(form)).length > 0) return;
    if (planChoice === NEW_PLAN && !newTitle.trim()) return;
    const target: DraftTarget = planChoice === NEW_PLAN ? { newTitle: newTitle.trim() } : { planId: planChoice };
    if (await add(workFor(toBulkAction(form)), target)) {
      onAdded();
      onClose();
    }
  };

  return (
    <Stack data-testid="bulk-action-form">
      <Select
        label="Action"
        data={BULK_ACTION_OPTIONS}
        value={form.kind}
        onChange={(v) => v && set({ kind: v as BulkActionKind })}
        allowDeselect={false}
        data-testid="bulk-action-kind"
        data-autofocus
      />
      <ActionFields instanceId={instanceId} form={form} set={set} errors={errors} />
      <Select
        label="Into the plan"
        description="Actions go into a draft plan: nothing changes on the instance until it is approved and applied."
        data={planOptions}
        value={planChoice}
        onChange={(v) => v && setPlanChoice(v)}
        allowDeselect={false}
        data-testid="bulk-plan"
      />
      {planChoice === NEW_PLAN && (
        <TextInput
          label="Title of the new plan"
          value={newTitle}
          onChange={(e) => setNewTitle(e.currentTarget.value)}
          maxLength={200}
          error={tried && !newTitle.trim() ? 'Give the plan a title.' : undefined}
          data-testid="bulk-new-plan-title"
        />
      )}
      <Text size="sm" c="dimmed">
        One operation per person, for {formatNumber(count)} {count === 1 ? 'person' : 'people'}. People it would not
        change (they already hold the role, for instance) are left out and counted.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button loading={busy} onClick={() => void submit()} data-testid="bulk-add">
          Add to the plan
        </Button>
      </Group>
    </Stack>
  );
}

interface ActionFieldsProps {
  instanceId: string;
  form: BulkActionFormState;
  set: (patch: Partial<BulkActionFormState>) => void;
  errors: ReturnType<typeof bulkActionErrors>;
}

function ActionFields({ instanceId, form, set, errors }: ActionFieldsProps) {
  if (form.kind === 'deactivate')
    return (
      <Alert color="red" variant="light" title="Deactivate">
        Each person&apos;s status becomes Inactive and their profile roles are removed, once the plan is applied.
      </Alert>
    );
  if (form.kind === 'set_expiry')
    return (
      <TextInput
        type="date"
        label="Access expires on"
        description="Leave it empty to remove the expiry."
        value={form.expiresOn}
        onChange={(e) => set({ expiresOn: e.currentTarget.value })}
        error={errors.expiresOn}
        data-testid="bulk-expiry"
      />
    );
  if (form.kind === 'set_access')
    return (
      <Group grow align="flex-start">
        <Select
          label="Access type"
          placeholder="Leave as it is"
          data={ACCESS_TYPE_OPTIONS}
          value={form.accessType}
          onChange={(v) => set({ accessType: v })}
          clearable
          error={errors.access}
        />
        <Select
          label="Status"
          placeholder="Leave as it is"
          data={STATUS_OPTIONS}
          value={form.status}
          onChange={(v) => set({ status: v as BulkActionFormState['status'] })}
          clearable
        />
      </Group>
    );
  return <RoleFields instanceId={instanceId} form={form} set={set} errors={errors} />;
}

/** A profile role, or a program and the role on it. */
function RoleFields({ instanceId, form, set, errors }: ActionFieldsProps) {
  const roles = useApiQuery('roles:list', { instanceId });
  const programs = useApiQuery('programs:list', { instanceId });
  const assignment = form.kind.endsWith('_assignment');
  const roleOptions = useMemo(
    () =>
      (roles.data ?? [])
        .filter((r) => !r.removed && (assignment || !r.utaOnly))
        .map((r) => ({ value: String(r.id), label: r.privileged ? `${r.name} (privileged)` : r.name })),
    [roles.data, assignment],
  );
  const programOptions = useMemo(
    () => (programs.data ?? []).filter((p) => !p.removed).map((p) => ({ value: String(p.id), label: p.name })),
    [programs.data],
  );
  return (
    <Group grow align="flex-start">
      {assignment && (
        <Select
          label="Program"
          placeholder="Pick a program"
          data={programOptions}
          value={form.programId}
          onChange={(v) => set({ programId: v })}
          searchable
          nothingFoundMessage="No such program"
          error={errors.programId}
          data-testid="bulk-program"
        />
      )}
      <Select
        label={assignment ? 'Role on the program' : 'Profile role'}
        placeholder="Pick a role"
        data={roleOptions}
        value={form.roleId}
        onChange={(v) => set({ roleId: v })}
        searchable
        nothingFoundMessage="No such role"
        error={errors.roleId}
        data-testid="bulk-role"
      />
    </Group>
  );
}
