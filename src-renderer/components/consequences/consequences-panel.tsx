/**
 * The consequences of a plan before it is approved: who loses access, roles left with no holder,
 * programs left without a manager or with fewer reviewers, privileged grants, external people
 * gaining internal roles. Each warning is counted and clickable: it filters the plan's operations
 * to the ones behind it (click again, or "Show all", to clear).
 */
import { Alert, Badge, Button, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { Consequence, ConsequenceKind } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';

const TITLES: Record<ConsequenceKind, string> = {
  losesAccess: 'Loses access',
  roleWithoutHolder: 'Role left with no holder',
  programWithoutManager: 'Program left without a manager',
  fewerReviewers: 'Fewer reviewers',
  privilegedGranted: 'Privileged access granted',
  externalGetsInternalRole: 'External person gains an internal role',
};

interface Props {
  planId: string;
  /** The warning whose operations are shown, or null for all. */
  active: ConsequenceKind | null;
  onFilter: (c: Consequence | null) => void;
}

export function ConsequencesPanel({ planId, active, onFilter }: Props) {
  const found = useApiQuery('lifecycle:consequences', { planId });
  if (found.isLoading) return <Loader size="xs" aria-label="Weighing the consequences" />;
  if (found.error) return <Alert color="red">{found.error.message}</Alert>;
  const list = found.data ?? [];
  if (list.length === 0)
    return (
      <Group gap="xs" data-testid="consequences-none">
        <IconCircleCheck size={16} color="var(--mantine-color-green-7)" />
        <Text size="sm" c="dimmed">
          No consequences beyond the operations themselves: no one loses access, no role or program is left without its
          people, nothing privileged is granted.
        </Text>
      </Group>
    );
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title="Consequences before you approve"
      data-testid="consequences"
    >
      <Stack gap={6}>
        {list.map((c) => (
          <UnstyledButton
            key={c.kind}
            onClick={() => onFilter(active === c.kind ? null : c)}
            aria-pressed={active === c.kind}
            data-testid={`consequence-${c.kind}`}
            title={c.names.join(', ')}
          >
            <Group gap="xs" wrap="nowrap">
              <Badge
                color={active === c.kind ? 'orange' : 'gray'}
                variant={active === c.kind ? 'filled' : 'light'}
                style={{ flexShrink: 0, minWidth: 36 }}
              >
                {c.count}
              </Badge>
              <Text size="sm" fw={active === c.kind ? 600 : 400}>
                {TITLES[c.kind]}: {c.message}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {c.operationIds.length} operation{c.operationIds.length === 1 ? '' : 's'}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
        {active && (
          <Group>
            <Button size="compact-xs" variant="subtle" onClick={() => onFilter(null)} data-testid="consequence-clear">
              Show all operations
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
