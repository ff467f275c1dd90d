/**
 * The plan's operations: the selection bar (remove selected), the paged diff grouped by person,
 * and the edit dialog. Remove and edit only while the plan can still be edited.
 */
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Operation, PlanDetail } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { confirmRemove } from './confirm-discard';
import { EditOperationModal } from './edit-operation-modal';
import { PlanDiff } from './plan-diff';
import type { PlanActions } from './use-plan-actions';
import type { Option } from './use-plan-vocabulary';

export const EDITABLE_PLAN_STATES = ['draft', 'in_review', 'approved'];

interface Props {
  detail: PlanDetail;
  actions: PlanActions;
  roleName: Map<number, string>;
  programName: Map<number, string>;
  roles: Option[];
}

export function PlanOperations({ detail: d, actions, roleName, programName, roles }: Props) {
  const [editing, setEditing] = useState<Operation | null>(null);
  const editable = EDITABLE_PLAN_STATES.includes(d.plan.state);
  const { planId, selected, remove, edit } = actions;
  // Why each operation is there, for a plan a lifecycle template built (none for other plans).
  const reasons = useApiQuery('lifecycle:templateReasons', { planId });
  const why = useMemo(() => new Map((reasons.data ?? []).map((r) => [r.operationId, r])), [reasons.data]);
  if (d.totals.operations === 0)
    return (
      <Paper withBorder p="lg">
        <Text size="sm" c="dimmed">
          This plan has no operations yet.
        </Text>
      </Paper>
    );
  const removeOne = (op: Operation) =>
    confirmRemove(1, `"${op.summary}" leaves the plan.`, () => remove.mutate({ planId, operationIds: [op.id] }));
  const removeSelected = () =>
    confirmRemove(selected.size, `The ${selected.size} selected operations leave the plan.`, () =>
      remove.mutate({ planId, operationIds: [...selected] }),
    );
  return (
    <>
      {editable && (
        <Group gap="xs" data-testid="selection-bar">
          <Text size="sm" c="dimmed">
            {selected.size} selected
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            leftSection={<IconTrash size={14} />}
            disabled={selected.size === 0}
            onClick={removeSelected}
            data-testid="remove-selected"
          >
            Remove selected
          </Button>
          {selected.size > 0 && (
            <Button size="compact-sm" variant="subtle" onClick={() => actions.setSelected(new Set())}>
              Clear selection
            </Button>
          )}
        </Group>
      )}
      <PlanDiff
        people={d.people}
        roleName={roleName}
        programName={programName}
        why={why}
        selectable={editable}
        editable={editable}
        selected={selected}
        onToggle={actions.toggle}
        onRemove={removeOne}
        onEdit={(op) => {
          edit.reset();
          setEditing(op);
        }}
      />
      <EditOperationModal
        op={editing}
        roles={roles}
        saving={edit.isPending}
        error={edit.error?.message ?? null}
        onClose={() => setEditing(null)}
        onSave={(op, operation) =>
          edit.mutate({ planId, operationId: op.id, operation }, { onSuccess: () => setEditing(null) })
        }
      />
    </>
  );
}
