/**
 * The review's diff, per person: each operation with its risk and approval (a checkbox to select
 * it for "Approve selected"), and the person's fields before -> after all of them: removed in
 * red, added in green.
 */
import { Badge, Checkbox, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconLock } from '@tabler/icons-react';
import type { FieldMapView } from './plan-diff-types';
import type { Operation, PersonDiff } from '../../../src-preload/contract';
import { fieldValueWords } from '../../components/browse/access-detail';
import { dayTime } from '../../lib/format';
import { fieldLabel, parseRoleList, RISK_COLOR } from './plan-format';

interface Props {
  people: PersonDiff[];
  roleName: Map<number, string>;
  selectable: boolean;
  selected: Set<number>;
  onToggle: (op: Operation, on: boolean) => void;
}

export function PlanDiff({ people, roleName, selectable, selected, onToggle }: Props) {
  return (
    <Stack gap="sm" data-testid="plan-diff">
      {people.map((p) => (
        <Paper withBorder p="sm" key={p.personId ?? `new-${p.operations[0]?.id}`} data-testid="person-diff">
          <Group justify="space-between" mb={6}>
            <div>
              <Text fw={600} size="sm">
                {p.name} {p.personId === null && <Badge size="xs">new person</Badge>}{' '}
                {p.isExternal && (
                  <Badge size="xs" color="grape" variant="light">
                    external
                  </Badge>
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {p.email}
                {p.organization ? ` · ${p.organization}` : ''}
              </Text>
            </div>
          </Group>
          <FieldsDiff before={p.before} after={p.after} roleName={roleName} />
          <Table mt={6} verticalSpacing={4} withRowBorders={false}>
            <Table.Tbody>
              {p.operations.map((op) => (
                <Table.Tr key={op.id} data-testid="operation-row">
                  {selectable && (
                    <Table.Td w={32}>
                      <Checkbox
                        aria-label={`Select operation ${op.seq}: ${op.summary}`}
                        checked={selected.has(op.id)}
                        disabled={!!op.approval}
                        onChange={(e) => onToggle(op, e.currentTarget.checked)}
                        data-testid="operation-checkbox"
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm">{op.summary}</Text>
                  </Table.Td>
                  <Table.Td w={90}>
                    <Tooltip
                      label={op.riskReasons.join(', ') || 'no risk factor'}
                      disabled={op.riskReasons.length === 0}
                    >
                      <Badge color={RISK_COLOR[op.risk]} variant="light" size="sm">
                        {op.risk}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td w={360}>
                    <ApprovalCell op={op} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}

function FieldsDiff({
  before,
  after,
  roleName,
}: {
  before: FieldMapView;
  after: FieldMapView;
  roleName: Map<number, string>;
}) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => (before[k] ?? null) !== (after[k] ?? null),
  );
  if (keys.length === 0) return null;
  const role = (id: string) => roleName.get(Number(id)) ?? `role ${id}`;
  return (
    <Stack gap={4}>
      {keys.map((k) => {
        if (k === 'sf_User Role') {
          const b = parseRoleList(before[k]);
          const a = parseRoleList(after[k]);
          return (
            <Group key={k} gap={4} wrap="wrap">
              <Text size="xs" c="dimmed" w={110}>
                Profile roles
              </Text>
              {b
                .filter((r) => !a.includes(r))
                .map((r) => (
                  <Badge
                    key={`-${r}`}
                    color="red"
                    variant="light"
                    size="sm"
                    style={{ textDecoration: 'line-through' }}
                    data-testid="diff-removed"
                  >
                    − {role(r)}
                  </Badge>
                ))}
              {a
                .filter((r) => !b.includes(r))
                .map((r) => (
                  <Badge key={`+${r}`} color="green" variant="light" size="sm" data-testid="diff-added">
                    + {role(r)}
                  </Badge>
                ))}
              {a
                .filter((r) => b.includes(r))
                .map((r) => (
                  <Badge key={r} color="gray" variant="outline" size="sm">
                    {role(r)}
                  </Badge>
                ))}
            </Group>
          );
        }
        const label = k.startsWith('UTA ') ? `Program assignment ${k.slice(4)}` : fieldLabel(k);
        return (
          <Group key={k} gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" w={110}>
              {label}
            </Text>
            <Text size="xs" c="red" td="line-through" data-testid="diff-removed">
              {show(k, before[k])}
            </Text>
            <IconArrowRight size={12} />
            <Text size="xs" c="green" fw={600} data-testid="diff-added">
              {show(k, after[k])}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

function show(key: string, v: string | null | undefined): string {
  if (key.startsWith('UTA ')) return v === '1' ? 'assigned' : 'not assigned';
  return v === null || v === undefined || v === '' ? '(empty)' : fieldValueWords(key, v);
}

function ApprovalCell({ op }: { op: Operation }) {
  return op.approval ? (
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
  ) : op.privileged ? (
    <Badge color="red" variant="outline" size="sm" leftSection={<IconLock size={12} />}>
      needs its own approval
    </Badge>
  ) : (
    <Text size="xs" c="dimmed">
      Not approved
    </Text>
  );
}
