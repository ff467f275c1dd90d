/**
 * Edit one operation of a plan: the fields an update sets, the role a role change names, the
 * access a set-access gives. The backend re-plans it from the mirror and clears its approval.
 */
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Operation, OperationKind, PlanOperationInput } from '../../../src-preload/contract';
import { ACCESS_TYPE_LABELS, USER_TYPE_LABELS } from '../../components/browse/person-badges';
import { fieldLabel } from './plan-format';
import type { Option } from './use-plan-vocabulary';

const EDITABLE_KINDS: readonly OperationKind[] = ['update_fields', 'add_role', 'remove_role', 'set_access'];
export const canEditKind = (kind: OperationKind) => EDITABLE_KINDS.includes(kind);

interface Props {
  op: Operation | null;
  roles: Option[];
  saving: boolean;
  error: string | null;
  onSave: (op: Operation, input: PlanOperationInput) => void;
  onClose: () => void;
}

type Draft = Record<string, string>;

/** Codes as SmartSimple's words ("No access"), the code kept as the value. */
const codeOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

function draftOf(op: Operation): Draft {
  const p = op.params;
  if (op.kind === 'update_fields') return { ...(p.fields as Draft) };
  if (op.kind === 'add_role' || op.kind === 'remove_role') return { roleId: String(p.roleId) };
  return {
    accessType: String(p.accessType ?? ''),
    userType: String(p.userType ?? ''),
    status: String(p.status ?? ''),
    ...(p.expiresOn !== undefined && p.expiresOn !== null ? { expiresOn: String(p.expiresOn) } : {}),
  };
}

function inputOf(op: Operation, d: Draft): PlanOperationInput {
  const personId = op.personId as number;
  if (op.kind === 'update_fields') return { kind: 'update_fields', personId, fields: d };
  if (op.kind === 'add_role' || op.kind === 'remove_role') return { kind: op.kind, personId, roleId: Number(d.roleId) };
  const opt = (v: string | undefined) => (v ? v : undefined);
  return {
    kind: 'set_access',
    personId,
    ...(opt(d.accessType) ? { accessType: d.accessType } : {}),
    ...(opt(d.userType) ? { userType: d.userType } : {}),
    ...(opt(d.status) ? { status: d.status as 'Active' | 'Inactive' | 'Pending' } : {}),
    // An expiry the operation sets (or clears, '') stays part of it.
    ...(d.expiresOn !== undefined ? { expiresOn: d.expiresOn } : {}),
  };
}

export function EditOperationModal({ op, onClose, ...rest }: Props) {
  return (
    <Modal opened={op !== null} onClose={onClose} title={op ? `Edit: ${op.summary}` : ''} size="lg">
      {op && <EditForm key={op.id} op={op} onClose={onClose} {...rest} />}
    </Modal>
  );
}

function EditForm({ op, roles, saving, error, onSave, onClose }: Props & { op: Operation }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(op));
  const set = (k: string, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(op, inputOf(op, draft));
      }}
    >
      <Stack gap="sm">
        <EditFields op={op} draft={draft} roles={roles} set={set} />
        {error && (
          <Text size="sm" c="red" role="alert" data-testid="edit-operation-error">
            {error}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Saving re-plans the operation from the mirror; an approval it had is cleared.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} data-testid="save-operation">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditFields({
  op,
  draft,
  roles,
  set,
}: {
  op: Operation;
  draft: Draft;
  roles: Option[];
  set: (k: string, v: string) => void;
}) {
  if (op.kind === 'update_fields')
    return Object.keys(draft).map((k) => (
      <TextInput key={k} label={fieldLabel(k)} value={draft[k] ?? ''} onChange={(e) => set(k, e.currentTarget.value)} />
    ));
  if (op.kind === 'add_role' || op.kind === 'remove_role')
    return (
      <Select
        label="Profile role"
        data={roles}
        searchable
        value={draft.roleId ?? null}
        onChange={(v) => v && set('roleId', v)}
        data-autofocus
      />
    );
  return (
    <>
      <Select
        label="Access type"
        data={codeOptions(ACCESS_TYPE_LABELS)}
        clearable
        placeholder="Leave as it is"
        value={draft.accessType || null}
        onChange={(v) => set('accessType', v ?? '')}
      />
      <Select
        label="Admin level"
        data={codeOptions(USER_TYPE_LABELS)}
        clearable
        placeholder="Leave as it is"
        value={draft.userType || null}
        onChange={(v) => set('userType', v ?? '')}
      />
      <Select
        label="Status"
        data={['Active', 'Inactive', 'Pending']}
        clearable
        value={draft.status || null}
        onChange={(v) => set('status', v ?? '')}
      />
      {draft.expiresOn !== undefined && (
        <TextInput
          type="date"
          label="Access expiry"
          description="Empty removes the expiry."
          value={draft.expiresOn}
          onChange={(e) => set('expiresOn', e.currentTarget.value)}
        />
      )}
    </>
  );
}
