/** The person's roles, programs, recent logins and access changes, as the mirror holds them. */
import { ActionIcon, Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { PersonDetail } from '../../../src-preload/contract';
import { accessDetailWords } from '../../components/browse/access-detail';
import { useApiQuery } from '../../api';
import { PrivilegedBadge } from '../../components/browse/person-badges';
import { Section } from '../../components/browse/section';
import { duration, wireDateText } from '../../lib/format';

const none = (text: string) => (
  <Text size="sm" c="dimmed">
    {text}
  </Text>
);

/** A small "remove" button beside a role or an assignment: it opens the dialog, nothing more. */
function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={label} withinPortal>
      <ActionIcon
        size="sm"
        variant="subtle"
        color="red"
        aria-label={label}
        onClick={onClick}
        data-testid="remove-button"
      >
        <IconX size={14} />
      </ActionIcon>
    </Tooltip>
  );
}

interface RolesProps {
  roles: PersonDetail['roles'];
  /** Opens the removal of a profile role (absent: no buttons). */
  onRemove?: ((roleId: number) => void) | undefined;
}

export function RolesSection({ roles, onRemove }: RolesProps) {
  // Privileged first: they are what an administrator looks for.
  const sorted = [...roles].sort((a, b) => Number(b.privileged === true) - Number(a.privileged === true));
  return (
    <Section title="Roles" count={roles.length} testId="person-roles">
      {sorted.length === 0 ? (
        none('No roles on the profile.')
      ) : (
        <Stack gap={6}>
          {sorted.map((r) => (
            <Group key={r.id} gap="xs" data-testid="person-role" data-privileged={r.privileged === true || undefined}>
              <Anchor href={`#/roles/${r.id}`} size="sm" fw={500}>
                {r.name ?? `Role ${r.id}`}
              </Anchor>
              <PrivilegedBadge privileged={r.privileged} />
              {r.utaOnly && <Badge color="gray">UTA only</Badge>}
              {onRemove && !r.utaOnly && (
                <RemoveButton label={`Remove ${r.name ?? `role ${r.id}`}…`} onClick={() => onRemove(r.id)} />
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

interface ProgramsProps {
  programs: PersonDetail['programs'];
  /** Opens the removal of an assignment (absent: no buttons). */
  onRemove?: ((associationId: number) => void) | undefined;
}

export function ProgramsSection({ programs, onRemove }: ProgramsProps) {
  return (
    <Section title="Programs" count={programs.length} testId="person-programs">
      {programs.length === 0 ? (
        none('Not assigned to any program.')
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Program</Table.Th>
              <Table.Th>Role on it (UTA)</Table.Th>
              {onRemove && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {programs.map((a) => (
              <Table.Tr key={a.associationId} data-testid="person-program">
                <Table.Td>
                  <Anchor href={`#/programs/${a.programId}`} size="sm">
                    {a.programName ?? `Program ${a.programId}`}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.roleName ?? `Role ${a.roleId}`}</Table.Td>
                {onRemove && (
                  <Table.Td>
                    <RemoveButton
                      label={`Take off ${a.programName ?? `program ${a.programId}`}…`}
                      onClick={() => onRemove(a.associationId)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** "Chrome on macOS" from a user agent: enough to spot a new device. */
export function browserOf(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Other';
  const os = /iPhone|iPad/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

const wireMs = (v: string) => Date.parse(v.replace(' ', 'T') + 'Z');

export function LoginsSection({ logins }: { logins: PersonDetail['recentLogins'] }) {
  return (
    <Section title="Recent logins" count={logins.length} testId="person-logins">
      {logins.length === 0 ? (
        none('No login sessions in the synced log.')
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Length</Table.Th>
              <Table.Th>IP address</Table.Th>
              <Table.Th>Browser</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {logins.map((s) => (
              <Table.Tr key={s.sessionId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{wireDateText(s.startedAt)}</Table.Td>
                <Table.Td>{s.endedAt ? duration(wireMs(s.endedAt) - wireMs(s.startedAt)) : 'open'}</Table.Td>
                <Table.Td ff="monospace">{s.ip ?? '—'}</Table.Td>
                <Table.Td title={s.userAgent ?? undefined}>{browserOf(s.userAgent)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

const ACTION_COLORS: Record<string, string> = {
  activated: 'teal',
  deactivated: 'gray',
  role_added: 'blue',
  role_removed: 'orange',
  password_reset: 'grape',
};

export function AccessChangesSection({
  changes,
  instanceId,
}: {
  changes: PersonDetail['accessChanges'];
  instanceId: string;
}) {
  const roles = useApiQuery('roles:list', { instanceId });
  const names = new Map((roles.data ?? []).map((r) => [r.id, r.name]));
  return (
    <Section title="Access changes" count={changes.length} testId="person-access-changes">
      {changes.length === 0 ? (
        none('No access changes in the synced log.')
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>Detail</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((e) => (
              <Table.Tr key={e.eventId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{wireDateText(e.at)}</Table.Td>
                <Table.Td>
                  <Badge color={ACTION_COLORS[e.action] ?? 'gray'} style={{ overflow: 'visible' }} miw="max-content">
                    {e.action.replace(/_/g, ' ')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {accessDetailWords(e.detail, (id) => names.get(id))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.changedBy ? (
                    <Anchor href={`#/people/${e.changedBy}`} size="sm">
                      {e.changedByName ?? `#${e.changedBy}`}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
