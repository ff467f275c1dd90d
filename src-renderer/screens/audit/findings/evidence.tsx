/** A finding's evidence as tables: the sessions and access changes it rests on, and the roles with their part in it. */
import { Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { FindingEvidence } from '../../../../src-preload/contract';
import { percentOf, utc } from './labels';

const ACTION_WORDS: Record<string, string> = { role_added: 'Role given', role_removed: 'Role removed' };

function Sessions({ sessions }: { sessions: NonNullable<FindingEvidence['sessions']> }) {
  return (
    <Table verticalSpacing={4} data-testid="evidence-sessions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Session</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th>Ended</Table.Th>
          <Table.Th>Address</Table.Th>
          <Table.Th>Browser</Table.Th>
          <Table.Th>Why it is evidence</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((s) => (
          <Table.Tr key={s.sessionId}>
            <Table.Td>{s.sessionId}</Table.Td>
            <Table.Td>{utc(s.startedAt)}</Table.Td>
            <Table.Td>{utc(s.endedAt)}</Table.Td>
            <Table.Td>
              <Text ff="monospace" size="sm">
                {s.ip ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs" lineClamp={2} maw={320}>
                {s.userAgent ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{s.note ?? ''}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Events({ events }: { events: NonNullable<FindingEvidence['events']> }) {
  return (
    <Table verticalSpacing={4} data-testid="evidence-events">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Change</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Person</Table.Th>
          <Table.Th>By</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((e) => (
          <Table.Tr key={e.eventId}>
            <Table.Td>{utc(e.at)}</Table.Td>
            <Table.Td>{ACTION_WORDS[e.action] ?? e.action}</Table.Td>
            <Table.Td>{e.roleName ?? '—'}</Table.Td>
            <Table.Td>{e.personName ?? `Person ${e.personId}`}</Table.Td>
            <Table.Td>{e.changedByName ?? (e.changedBy ? `Person ${e.changedBy}` : '—')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Roles({ roles }: { roles: NonNullable<FindingEvidence['roles']> }) {
  const peers = roles.some((r) => r.peerShare !== undefined);
  return (
    <Table verticalSpacing={4} data-testid="evidence-roles">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Role</Table.Th>
          {peers && <Table.Th w={160}>Peers holding it</Table.Th>}
          {peers && <Table.Th w={220}>Contribution to the finding</Table.Th>}
          <Table.Th>Note</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {roles.map((r) => (
          <Table.Tr key={r.roleId} fw={r.subject ? 600 : undefined} data-subject={r.subject ? 'yes' : undefined}>
            <Table.Td>
              <Group gap={6}>
                {r.roleName}
                {r.privileged && (
                  <Badge size="xs" color="red" variant="light">
                    Privileged
                  </Badge>
                )}
              </Group>
            </Table.Td>
            {peers && <Table.Td>{r.peerShare === undefined ? '' : percentOf(r.peerShare)}</Table.Td>}
            {peers && (
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Progress
                    value={(r.contribution ?? 0) * 100}
                    w={120}
                    color={r.subject ? 'red' : 'gray'}
                    aria-label={`Contribution of ${r.roleName}`}
                  />
                  <Text size="xs">{(r.contribution ?? 0).toFixed(2)}</Text>
                </Group>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="xs">{r.note ?? (r.subject ? 'the role this finding is about' : '')}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EvidenceSection({ evidence }: { evidence: FindingEvidence }) {
  const facts = Object.entries(evidence.facts ?? {}).filter(([, v]) => v !== null && v !== '');
  return (
    <Paper withBorder p="md" data-testid="finding-evidence">
      <Title order={3} mb="sm">
        Evidence
      </Title>
      <Stack gap="md">
        {facts.length > 0 && (
          <Group gap="lg" data-testid="evidence-facts">
            {facts.map(([k, v]) => (
              <div key={k}>
                <Text size="xs" c="dimmed">
                  {k.replace(/([A-Z])/g, ' $1').toLowerCase()}
                </Text>
                <Text size="sm">{String(v)}</Text>
              </div>
            ))}
          </Group>
        )}
        {evidence.sessions && evidence.sessions.length > 0 && <Sessions sessions={evidence.sessions} />}
        {evidence.events && evidence.events.length > 0 && <Events events={evidence.events} />}
        {evidence.roles && evidence.roles.length > 0 && <Roles roles={evidence.roles} />}
        {facts.length === 0 && !evidence.sessions?.length && !evidence.events?.length && !evidence.roles?.length && (
          <Text size="sm" c="dimmed">
            The reason above is the whole evidence: it comes from the person&apos;s record.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
