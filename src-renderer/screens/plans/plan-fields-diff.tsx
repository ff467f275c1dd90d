/**
 * A person's fields before -> after all the plan's operations: removed in red, added in green.
 * Profile roles and program assignments read as names ("Civic Engagement Grant 2026 · Applicant"),
 * never as ids.
 */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { FieldMapView } from './plan-diff-types';
import { fieldLabel, parseRoleList } from './plan-format';
import { fieldValueWords } from '../../components/browse/access-detail';

interface Props {
  before: FieldMapView;
  after: FieldMapView;
  roleName: Map<number, string>;
  programName: Map<number, string>;
}

export function FieldsDiff({ before, after, roleName, programName }: Props) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => (before[k] ?? null) !== (after[k] ?? null),
  );
  if (keys.length === 0) return null;
  const role = (id: string) => roleName.get(Number(id)) ?? `role ${id}`;
  const uta = keys.filter((k) => k.startsWith('UTA '));
  const fields = keys.filter((k) => !k.startsWith('UTA ') && k !== 'sf_User Role');
  return (
    <Stack gap={4}>
      {keys.includes('sf_User Role') && (
        <RolesRow
          before={parseRoleList(before['sf_User Role'])}
          after={parseRoleList(after['sf_User Role'])}
          role={role}
        />
      )}
      {uta.length > 0 && (
        <DiffRow label="Programs">
          {uta.map((k) => (
            <Change key={k} added={after[k] === '1'}>
              {assignmentLabel(k, programName, role)}
            </Change>
          ))}
        </DiffRow>
      )}
      {fields.map((k) => (
        <Group key={k} gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" w={110}>
            {fieldLabel(k)}
          </Text>
          <Text size="xs" c="red" td="line-through" data-testid="diff-removed">
            {show(k, before[k])}
          </Text>
          <IconArrowRight size={12} />
          <Text size="xs" c="green" fw={600} data-testid="diff-added">
            {show(k, after[k])}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function DiffRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="dimmed" w={110}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

/** A name added (green) or taken away (red, struck through). */
function Change({ added, children }: { added: boolean; children: ReactNode }) {
  return added ? (
    <Badge color="green" variant="light" size="sm" tt="none" data-testid="diff-added">
      + {children}
    </Badge>
  ) : (
    <Badge
      color="red"
      variant="light"
      size="sm"
      tt="none"
      style={{ textDecoration: 'line-through' }}
      data-testid="diff-removed"
    >
      − {children}
    </Badge>
  );
}

function RolesRow({ before: b, after: a, role }: { before: string[]; after: string[]; role: (id: string) => string }) {
  return (
    <DiffRow label="Profile roles">
      {b
        .filter((r) => !a.includes(r))
        .map((r) => (
          <Change key={`-${r}`} added={false}>
            {role(r)}
          </Change>
        ))}
      {a
        .filter((r) => !b.includes(r))
        .map((r) => (
          <Change key={`+${r}`} added>
            {role(r)}
          </Change>
        ))}
      {a
        .filter((r) => b.includes(r))
        .map((r) => (
          <Badge key={r} color="gray" variant="outline" size="sm" tt="none">
            {role(r)}
          </Badge>
        ))}
    </DiffRow>
  );
}

function show(key: string, v: string | null | undefined): string {
  return v === null || v === undefined || v === '' ? '(empty)' : fieldValueWords(key, v);
}

/** `UTA 12:345` -> "Arts Access · Reviewer" (the ids only when the mirror no longer knows the names). */
export function assignmentLabel(key: string, programName: Map<number, string>, role: (id: string) => string): string {
  const [program = '', roleId = ''] = key.slice(4).split(':');
  return `${programName.get(Number(program)) ?? `Program ${program}`} · ${role(roleId)}`;
}
