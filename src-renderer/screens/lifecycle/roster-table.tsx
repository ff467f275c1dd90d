/** The roster's rows as read: each with its outcome, the person it is, or its error at the line. */
import { Badge, Select, Table, Text } from '@mantine/core';
import type { RosterPreview, RosterRowView } from '../../../src-preload/contract';

export interface RowChoice {
  personId: number | null;
  picked: boolean;
}

const OUTCOME = {
  same: { color: 'green', label: 'Found' },
  review: { color: 'orange', label: 'Decide' },
  new: { color: 'blue', label: 'New' },
  error: { color: 'red', label: 'Error' },
} as const;

interface Props {
  preview: RosterPreview;
  choices: Record<number, RowChoice>;
  onChoose: (line: number, c: RowChoice) => void;
}

export function RosterTable({ preview, choices, onChoose }: Props) {
  return (
    <Table.ScrollContainer minWidth={700} mah={480}>
      <Table striped stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>Name and e-mail</Table.Th>
            <Table.Th>Resolution</Table.Th>
            <Table.Th>Who it is</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((r) => (
            <Table.Tr key={r.line} data-testid="roster-row" data-outcome={r.outcome}>
              <Table.Td>{r.line}</Table.Td>
              <Table.Td>
                <Text size="sm">{`${r.firstName} ${r.lastName}`.trim() || '—'}</Text>
                <Text size="xs" c="dimmed">
                  {r.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={OUTCOME[r.outcome].color} variant="light">
                  {OUTCOME[r.outcome].label}
                </Badge>
                {r.holds && (
                  <Text size="xs" c="dimmed">
                    already {preview.role.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Who row={r} choice={choices[r.line]} onChoose={(c) => onChoose(r.line, c)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Who({
  row,
  choice,
  onChoose,
}: {
  row: RosterRowView;
  choice: RowChoice | undefined;
  onChoose: (c: RowChoice) => void;
}) {
  if (row.outcome === 'error')
    return (
      <Text size="sm" c="red" data-testid="roster-row-error">
        {row.error}
      </Text>
    );
  if (row.outcome === 'new' && row.candidates.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {row.explanation}
      </Text>
    );
  const options = [
    ...row.candidates.map((c) => ({
      value: String(c.personId),
      label: `${c.name} · ${c.email}${c.organization ? ` · ${c.organization}` : ''} (${Math.round(c.score * 100)}%)`,
    })),
    { value: 'new', label: 'A new person' },
  ];
  const value = choice === undefined ? null : choice.personId === null ? 'new' : String(choice.personId);
  return (
    <Select
      size="xs"
      aria-label={`Who line ${row.line} is`}
      placeholder="Choose who this is"
      data={options}
      value={value}
      onChange={(v) => v && onChoose({ personId: v === 'new' ? null : Number(v), picked: true })}
      description={row.outcome === 'review' ? row.explanation : undefined}
      data-testid="roster-choose"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
