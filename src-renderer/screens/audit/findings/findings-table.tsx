/** The findings as rows: score, kind, person, reason, status; a checkbox each for bulk changes. */
import { Anchor, Badge, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import type { FindingRow } from '../../../../src-preload/contract';
import { FINDING_KIND_LABELS } from '../../../../src-preload/contract';
import { planText, scoreColor, STATUS_COLOR, STATUS_LABEL, utc } from './labels';

interface Props {
  rows: FindingRow[];
  selected: ReadonlySet<number>;
  onSelect(ids: number[], on: boolean): void;
  onOpen(id: number): void;
}

export function FindingsTable({ rows, selected, onSelect, onOpen }: Props) {
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const some = rows.some((r) => selected.has(r.id));
  return (
    <Paper withBorder>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="findings-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label="Select every finding on this page"
                checked={all}
                indeterminate={some && !all}
                onChange={(e) =>
                  onSelect(
                    rows.map((r) => r.id),
                    e.currentTarget.checked,
                  )
                }
                data-testid="select-page"
              />
            </Table.Th>
            <Table.Th w={70}>Score</Table.Th>
            <Table.Th w={210}>Finding</Table.Th>
            <Table.Th w={200}>Person</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((f) => (
            <FindingTableRow key={f.id} f={f} selected={selected.has(f.id)} onSelect={onSelect} onOpen={onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function FindingTableRow({
  f,
  selected,
  onSelect,
  onOpen,
}: {
  f: FindingRow;
  selected: boolean;
  onSelect(ids: number[], on: boolean): void;
  onOpen(id: number): void;
}) {
  return (
    <Table.Tr data-testid="finding-row" data-kind={f.kind} style={{ cursor: 'pointer' }} onClick={() => onOpen(f.id)}>
      <Table.Td onClick={(e) => e.stopPropagation()}>
        <Checkbox
          aria-label={`Select ${FINDING_KIND_LABELS[f.kind]} for ${f.personName}`}
          checked={selected}
          onChange={(e) => onSelect([f.id], e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Text fw={700} size="sm" c={`${scoreColor(f.score)}.8`} data-testid="finding-score">
          {f.score.toFixed(2)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          href={`#/audit/findings/${f.id}`}
          size="sm"
          fw={500}
          onClick={(e) => e.stopPropagation()}
          data-testid="finding-open"
        >
          {FINDING_KIND_LABELS[f.kind]}
        </Anchor>
        {f.occurredAt && (
          <Text size="xs" c="dimmed">
            {utc(f.occurredAt)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{f.personName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {f.reason}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge color={STATUS_COLOR[f.status]} variant="light" data-testid="finding-status">
            {STATUS_LABEL[f.status]}
          </Badge>
          {!f.detected && (
            <Badge color="gray" variant="outline">
              Cleared
            </Badge>
          )}
        </Group>
        {planText(f) && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {planText(f)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
