/**
 * The review's diff, grouped by person and paged (a plan of hundreds of operations stays a page
 * of a few screens): a header per person with their fields before -> after, then their
 * operations, each with risk, approval, a checkbox (for approve or remove selected), and, while
 * the plan is editable, Edit and Remove.
 */
import { Badge, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Operation, OperationReason, PersonDiff } from '../../../src-preload/contract';
import { FieldsDiff } from './plan-fields-diff';
import { OperationRow } from './plan-operation-row';

/** People per page: about two screens of a typical plan. */
export const PEOPLE_PER_PAGE = 20;

interface Props {
  people: PersonDiff[];
  roleName: Map<number, string>;
  programName: Map<number, string>;
  /** Why an operation is there (the template step and its reason), by operation id. */
  why: Map<number, OperationReason>;
  selectable: boolean;
  editable: boolean;
  selected: Set<number>;
  onToggle: (op: Operation, on: boolean) => void;
  onRemove: (op: Operation) => void;
  onEdit: (op: Operation) => void;
}

export function PlanDiff(props: Props) {
  const { people } = props;
  const pages = Math.max(1, Math.ceil(people.length / PEOPLE_PER_PAGE));
  const [wanted, setPage] = useState(1);
  const page = Math.min(wanted, pages);
  const shown = people.slice((page - 1) * PEOPLE_PER_PAGE, page * PEOPLE_PER_PAGE);
  const first = (page - 1) * PEOPLE_PER_PAGE + 1;
  const pager =
    pages > 1 ? (
      <Group justify="space-between">
        <Text size="xs" c="dimmed" data-testid="plan-diff-range">
          People {first}–{first + shown.length - 1} of {people.length}
        </Text>
        <Pagination total={pages} value={page} onChange={setPage} size="sm" aria-label="Pages of people" />
      </Group>
    ) : null;
  return (
    <Stack gap="sm" data-testid="plan-diff">
      {pager}
      {shown.map((p) => (
        <PersonGroup key={p.personId ?? `new-${p.operations[0]?.id}`} person={p} {...props} />
      ))}
      {pager}
    </Stack>
  );
}

function PersonGroup({ person: p, why, ...props }: Omit<Props, 'people'> & { person: PersonDiff }) {
  return (
    <Paper withBorder p="sm" data-testid="person-diff">
      <Group justify="space-between" mb={6}>
        <div>
          <Text fw={600} size="sm" data-testid="person-diff-name">
            {p.name} {p.personId === null && <Badge size="xs">new person</Badge>}{' '}
            {p.isExternal && (
              <Badge size="xs" color="grape" variant="light">
                external
              </Badge>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {p.email}
            {p.organization ? ` · ${p.organization}` : ''} · {p.operations.length}{' '}
            {p.operations.length === 1 ? 'operation' : 'operations'}
          </Text>
        </div>
      </Group>
      <FieldsDiff before={p.before} after={p.after} roleName={props.roleName} programName={props.programName} />
      <Table mt={6} verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {p.operations.map((op) => (
            <OperationRow key={op.id} op={op} why={why.get(op.id)} {...props} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
