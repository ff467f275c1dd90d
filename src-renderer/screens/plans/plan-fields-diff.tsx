/** A person's fields before -> after all the plan's operations: removed in red, added in green. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { FieldMapView } from './plan-diff-types';
import { fieldLabel, parseRoleList } from './plan-format';
import { fieldValueWords } from '../../components/browse/access-detail';

export function FieldsDiff({
  before,
  after,
  roleName,
  programName,
}: {
  before: FieldMapView;
  after: FieldMapView;
  roleName: Map<number, string>;
  programName: Map<number, string>;
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
        const label = k.startsWith('UTA ') ? assignmentLabel(k, programName, role) : fieldLabel(k);
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

/** `UTA 12:345` -> "Arts Access: Reviewer" (the ids only when the mirror no longer knows the names). */
export function assignmentLabel(key: string, programName: Map<number, string>, role: (id: string) => string): string {
  const [program = '', roleId = ''] = key.slice(4).split(':');
  return `${programName.get(Number(program)) ?? `Program ${program}`}: ${role(roleId)}`;
}
