/** The function registry's rows: name, record type, action, field count, token state; edit and remove. */
import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { RowActions } from '../../components/row-actions';
import type { FunctionDraft } from './connection-form-model';

interface FunctionsTableProps {
  functions: FunctionDraft[];
  onEdit: (index: number) => void;
  /** Removed from the form; from the instance's registry on save. */
  onRemove: (index: number) => void;
}

export function FunctionsTable({ functions, onEdit, onRemove }: FunctionsTableProps) {
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table data-testid="functions-table" aria-label="SmartConnect functions" verticalSpacing={4} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th ta="right">Fields</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th ta="right">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {functions.map((f, index) => (
            <Table.Tr key={f.name} data-testid="function-row" data-function={f.name}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {f.name}
                </Text>
              </Table.Td>
              <Table.Td>{f.type}</Table.Td>
              <Table.Td>{f.action}</Table.Td>
              <Table.Td ta="right">{f.fields.length}</Table.Td>
              <Table.Td>
                <TokenBadge draft={f} />
              </Table.Td>
              <Table.Td>
                <RowActions
                  edit={{ tooltip: 'Edit function', label: `Edit function ${f.name}`, onClick: () => onEdit(index) }}
                  remove={{
                    tooltip: 'Remove function (on save)',
                    label: `Remove function ${f.name}`,
                    onClick: () => onRemove(index),
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TokenBadge({ draft }: { draft: FunctionDraft }) {
  if (draft.token) {
    return (
      <Badge color="blue" variant="light" title="A new token, stored in the keychain when you save">
        new
      </Badge>
    );
  }
  return draft.tokenSet ? (
    <Badge color="green" variant="light" title="Stored in your OS keychain">
      set
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" title="No token: the function cannot be called">
      not set
    </Badge>
  );
}
