/**
 * The fields as read: value, confidence and whether the page shows where it came from. A click on
 * a field shows its source on the page; a change is saved when the field is left (or on Enter) and
 * recorded as the administrator's edit. Fields the document did not give are there to fill in, by
 * typing or by clicking text on the page.
 */
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconFocus2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { Proposal, ProposalField } from '../../../src-preload/contract';
import { fieldLabel, fieldsShown } from './field-names';

const pct = (n: number) => `${Math.round(n * 100)}%`;
const shownValue = (f: ProposalField | undefined) =>
  f === undefined ? '' : Array.isArray(f.value) ? f.value.join('; ') : f.value;

function ConfidenceBadge({ f }: { f: ProposalField | undefined }) {
  if (!f || shownValue(f) === '') return null;
  if (f.edited)
    return (
      <Badge size="xs" color="gray" variant="light">
        edited
      </Badge>
    );
  const color = f.confidence >= 0.9 ? 'teal' : f.confidence >= 0.7 ? 'yellow' : 'red';
  return (
    <Tooltip label={f.confidence >= 0.9 ? 'Read with confidence' : 'Check this one against the page'}>
      <Badge size="xs" color={color} variant="light" data-testid="field-confidence">
        {pct(f.confidence)}
      </Badge>
    </Tooltip>
  );
}

interface RowProps {
  name: string;
  field: ProposalField | undefined;
  selected: boolean;
  located: boolean;
  readOnly: boolean;
  onSelect: () => void;
  onSave: (value: string | string[]) => void;
}

function FieldRow({ name, field, selected, located, readOnly, onSelect, onSave }: RowProps) {
  const current = shownValue(field);
  const [value, setValue] = useState(current);
  const save = () => {
    if (value.trim() === current.trim()) return;
    onSave(
      name === 'requestedRoles'
        ? value
            .split(/[;\n]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : value.trim(),
    );
  };
  return (
    <Table.Tr
      onClick={onSelect}
      bg={selected ? 'var(--mantine-color-red-light)' : undefined}
      style={{ cursor: 'pointer' }}
      data-testid="field-row"
      data-field={name}
    >
      <Table.Td w={112}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={selected ? 600 : 400}>
            {fieldLabel(name)}
          </Text>
          {located && (
            <Tooltip label="Shown on the page">
              <IconFocus2 size={14} color="var(--mantine-color-yellow-7)" aria-label="shown on the page" />
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={fieldLabel(name)}
          value={value}
          readOnly={readOnly}
          placeholder={readOnly ? '' : 'not read'}
          onFocus={onSelect}
          onChange={(e) => setValue(e.currentTarget.value)}
          onBlur={save}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          rightSection={<ConfidenceBadge f={field} />}
          rightSectionWidth={58}
          rightSectionPointerEvents="auto"
          data-testid={`field-${name}`}
        />
      </Table.Td>
    </Table.Tr>
  );
}

interface Props {
  proposal: Proposal;
  located: Set<string>;
  selectedField: string | null;
  onSelectField: (f: string) => void;
  onSave: (field: string, value: string | string[]) => void;
  readOnly: boolean;
}

export function FieldsPanel({ proposal, located, selectedField, onSelectField, onSave, readOnly }: Props) {
  const all = fieldsShown(Object.keys(proposal.fields));
  // Fields the document gave (or that were filled in) get a row; the others are one click away.
  const [opened, setOpened] = useState<string[]>([]);
  const shown = all.filter((n) => shownValue(proposal.fields[n]) !== '' || n === selectedField || opened.includes(n));
  const missing = all.filter((n) => !shown.includes(n));
  const low = Object.values(proposal.fields).filter((f) => !f.edited && shownValue(f) !== '' && f.confidence < 0.7);
  return (
    <Paper withBorder p="xs" data-testid="fields-panel">
      <Stack gap={4}>
        <Text size="xs" c={low.length > 0 ? 'orange' : 'dimmed'}>
          {low.length > 0
            ? `${low.length} field${low.length === 1 ? '' : 's'} read with low confidence: check ${low.length === 1 ? 'it' : 'them'} against the page.`
            : 'Click a field to see where it came from; click text on the page to put it in a field.'}
        </Text>
        <Table verticalSpacing={2} highlightOnHover>
          <Table.Tbody>
            {shown.map((name) => (
              <FieldRow
                // A new value from main (an assignment from the page) starts the input afresh.
                key={`${name}:${shownValue(proposal.fields[name])}`}
                name={name}
                field={proposal.fields[name]}
                selected={selectedField === name}
                located={located.has(name)}
                readOnly={readOnly}
                onSelect={() => onSelectField(name)}
                onSave={(v) => onSave(name, v)}
              />
            ))}
          </Table.Tbody>
        </Table>
        {missing.length > 0 && (
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              Not in the document:
            </Text>
            {missing.map((n) => (
              <Button
                key={n}
                size="compact-xs"
                variant="subtle"
                disabled={readOnly}
                onClick={() => {
                  setOpened((o) => [...o, n]);
                  onSelectField(n);
                }}
                data-testid={`add-field-${n}`}
              >
                {fieldLabel(n)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
