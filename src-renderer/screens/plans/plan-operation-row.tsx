/** One operation of the diff: select, summary, risk, approval, and Edit / Remove while editable. */
import { ActionIcon, Badge, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconLock, IconPencil, IconX } from '@tabler/icons-react';
import type { Operation, OperationReason } from '../../../src-preload/contract';
import { dayTime } from '../../lib/format';
import { RISK_COLOR } from './plan-format';
import { canEditKind } from './edit-operation-modal';

interface Props {
  op: Operation;
  /** Why it is there, when a lifecycle template put it in the plan. */
  why?: OperationReason | undefined;
  selectable: boolean;
  editable: boolean;
  selected: Set<number>;
  onToggle: (op: Operation, on: boolean) => void;
  onRemove: (op: Operation) => void;
  onEdit: (op: Operation) => void;
}

export function OperationRow({ op, why, selectable, editable, selected, onToggle, onRemove, onEdit }: Props) {
  return (
    <Table.Tr data-testid="operation-row">
      {selectable && (
        <Table.Td w={32}>
          <Checkbox
            aria-label={`Select operation ${op.seq}: ${op.summary}`}
            checked={selected.has(op.id)}
            disabled={!!op.approval && !editable}
            onChange={(e) => onToggle(op, e.currentTarget.checked)}
            data-testid="operation-checkbox"
          />
        </Table.Td>
      )}
      <Table.Td>
        <Text size="sm">{op.summary}</Text>
        {why && (
          <Text size="xs" c="dimmed" data-testid="operation-why">
            {why.step}: {why.reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td w={90}>
        <Tooltip label={op.riskReasons.join(', ') || 'no risk factor'} disabled={op.riskReasons.length === 0}>
          <Badge color={RISK_COLOR[op.risk]} variant="light" size="sm">
            {op.risk}
          </Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td w={330}>
        <Approval op={op} />
      </Table.Td>
      {editable && (
        <Table.Td w={72}>
          <Group gap={4} wrap="nowrap">
            {canEditKind(op.kind) && (
              <Tooltip label="Edit this operation">
                <ActionIcon
                  variant="subtle"
                  aria-label={`Edit operation ${op.seq}: ${op.summary}`}
                  onClick={() => onEdit(op)}
                  data-testid="edit-operation"
                >
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label="Remove from the plan">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove operation ${op.seq}: ${op.summary}`}
                onClick={() => onRemove(op)}
                data-testid="remove-operation"
              >
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function Approval({ op }: { op: Operation }) {
  if (op.approval)
    return (
      <Text size="xs" c="teal">
        Approved by {op.approval.by} · {dayTime(op.approval.at)}
        {op.approval.scope === 'import' ? ' (imported)' : ''}
        {op.approval.recordedBy ? `, recorded by ${op.approval.recordedBy}` : ''}
        {op.approval.reason && (
          <Text span size="xs" c="dimmed" display="block" data-testid="approval-reason-shown">
            Reason: {op.approval.reason}
          </Text>
        )}
      </Text>
    );
  if (op.privileged)
    return (
      <Badge color="red" variant="outline" size="sm" leftSection={<IconLock size={12} />}>
        needs its own approval
      </Badge>
    );
  return (
    <Text size="xs" c="dimmed">
      Not approved
    </Text>
  );
}
