/**
 * Undecided roles that look privileged (by name, description or who holds them), each with its
 * reasons and a one-click accept. A suggestion is only a hint: nothing is marked until clicked.
 */
import { Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconBulb, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { countOf } from '../../lib/format';
import { usePrivilegedMutation } from './privileged-control';

export function PrivilegeSuggestions({ instanceId }: { instanceId: string }) {
  const suggestions = useApiQuery('roles:suggestPrivileged', { instanceId });
  const set = usePrivilegedMutation();
  const [open, setOpen] = useState(true);
  const list = suggestions.data ?? [];
  if (list.length === 0) return null;
  const busy = (roleId: number, privileged: boolean) =>
    set.isPending && set.variables?.roleId === roleId && set.variables.privileged === privileged;

  return (
    <Paper withBorder p="md" data-testid="privilege-suggestions">
      <UnstyledButton onClick={() => setOpen(!open)} aria-expanded={open} w="100%">
        <Group gap="xs">
          {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          <IconBulb size={18} color="var(--mantine-color-yellow-6)" />
          <Title order={2} size="h3">
            {countOf(list.length, 'role looks', 'roles look')} privileged
          </Title>
          <Text size="sm" c="dimmed">
            Suggested from names, descriptions and holders; approval rules treat privileged roles with extra care.
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap={2} mt="sm">
          {list.map((s) => (
            <Group
              key={s.roleId}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              py={2}
              data-testid="privilege-suggestion"
              data-role-id={s.roleId}
            >
              <Group gap="xs" style={{ minWidth: 0 }}>
                <Anchor href={`#/roles/${s.roleId}`} size="sm" fw={600}>
                  {s.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {countOf(s.holders, 'holder')}
                </Text>
                {s.reasons.map((r) => (
                  <Badge key={r} color="yellow" variant="light" size="sm" tt="none">
                    {r}
                  </Badge>
                ))}
              </Group>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  color="red"
                  variant="light"
                  loading={busy(s.roleId, true)}
                  onClick={() => set.mutate({ instanceId, roleId: s.roleId, privileged: true })}
                  aria-label={`Mark ${s.name} privileged`}
                >
                  Mark privileged
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="gray"
                  loading={busy(s.roleId, false)}
                  onClick={() => set.mutate({ instanceId, roleId: s.roleId, privileged: false })}
                  aria-label={`Mark ${s.name} not privileged`}
                >
                  Not privileged
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      </Collapse>
    </Paper>
  );
}
