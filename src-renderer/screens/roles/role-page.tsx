/**
 * One role (`#/roles/<id>`): the privileged decision with any suggestion and its reasons, the
 * departments its holders are in, and the holders themselves (the People table, filtered), with
 * "Add holders" and "Remove holders" into the current draft.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconBulb, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useParams } from 'wouter';
import type { Instance, RoleDetail } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { AddPeopleDialog } from '../../components/actions/add-people-dialog';
import { RemoveHoldersDialog } from '../../components/actions/remove-holders-dialog';
import { BrowseGate } from '../../components/browse/browse-gate';
import { PeopleTable } from '../../components/browse/people-table';
import { Section } from '../../components/browse/section';
import { usePeoplePages } from '../../components/browse/use-people-pages';
import { dayTime, formatNumber } from '../../lib/format';
import { PrivilegedControl, usePrivilegedMutation } from './privileged-control';

export function RolePage() {
  const params = useParams<{ id: string }>();
  const roleId = Number(params.id);
  return (
    <Stack gap="md" data-testid="screen-role">
      <Anchor href="#/roles" size="sm" w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Roles
        </Group>
      </Anchor>
      <BrowseGate what="roles">{(instance) => <RoleDetails instance={instance} roleId={roleId} />}</BrowseGate>
    </Stack>
  );
}

function RoleDetails({ instance, roleId }: { instance: Instance; roleId: number }) {
  const role = useApiQuery(
    'roles:get',
    { instanceId: instance.id, roleId },
    { meta: { silent: true }, enabled: Number.isSafeInteger(roleId) },
  );
  if (role.isLoading) return <Loader size="sm" aria-label="Loading the role" />;
  if (!role.data) {
    return (
      <Alert color="yellow" title="This role is not in the mirror" role="alert">
        {role.error?.message ?? 'The address does not name a role.'} It may have been removed on the server.
      </Alert>
    );
  }
  const r = role.data;
  return (
    <Stack gap="md" data-testid="role-page" data-role-id={r.id}>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1}>{r.name}</Title>
          {r.utaOnly && <Badge color="gray">UTA only</Badge>}
          {r.removed && <Badge color="red">Removed</Badge>}
        </Group>
        {r.description && (
          <Text size="sm" c="dimmed">
            {r.description}
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="Privileged">
          <Stack gap="xs">
            <PrivilegedControl instanceId={instance.id} role={r} size="sm" />
            <Text size="sm" c="dimmed">
              {r.privileged === null
                ? 'Not decided yet. Approval rules treat privileged roles with extra care.'
                : `Decided ${r.privilegedSetAt ? dayTime(r.privilegedSetAt) : ''}.`}
            </Text>
            {r.privileged === null && r.suggestedReasons.length > 0 && <Suggestion instanceId={instance.id} role={r} />}
          </Stack>
        </Section>
        <Section title="Departments of its holders" count={r.departments.length}>
          <Departments role={r} />
        </Section>
      </SimpleGrid>
      <Holders instance={instance} role={r} />
    </Stack>
  );
}

function Suggestion({ instanceId, role }: { instanceId: string; role: RoleDetail }) {
  const set = usePrivilegedMutation();
  return (
    <Alert color="yellow" icon={<IconBulb />} title="Looks privileged" data-testid="role-suggestion">
      <Text size="sm">{role.suggestedReasons.join('; ')}.</Text>
      <Button
        mt="xs"
        size="compact-sm"
        color="red"
        variant="light"
        loading={set.isPending}
        onClick={() => set.mutate({ instanceId, roleId: role.id, privileged: true })}
      >
        Mark privileged
      </Button>
    </Alert>
  );
}

function Departments({ role }: { role: RoleDetail }) {
  if (role.departments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {role.utaOnly
          ? 'A UTA role is given on programs, not on profiles: nobody holds it on their profile.'
          : 'Nobody holds this role.'}
      </Text>
    );
  }
  const top = Math.max(...role.departments.map((d) => d.holders));
  return (
    <Table verticalSpacing={4} highlightOnHover={false}>
      <Table.Tbody>
        {role.departments.map((d) => (
          <Table.Tr key={d.department ?? ''}>
            <Table.Td w="45%">
              {d.department ?? (
                <Text span size="sm" c="dimmed">
                  No department
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Progress
                value={(d.holders / top) * 100}
                size="sm"
                aria-label={`${d.department ?? 'No department'}: ${d.holders}`}
              />
            </Table.Td>
            <Table.Td ta="right" w={70}>
              {formatNumber(d.holders)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const HOLDER_COLUMNS_HIDDEN = ['department'] as const;

function Holders({ instance, role }: { instance: Instance; role: RoleDetail }) {
  const filters = useMemo(() => ({ roleId: role.id }), [role.id]);
  const pages = usePeoplePages(instance.id, { query: '', filters });
  const [dialog, setDialog] = useState<'add' | 'remove' | null>(null);
  const close = () => setDialog(null);
  return (
    <Section
      title="Holders"
      count={role.holders}
      testId="role-holders"
      actions={
        !role.removed && (
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setDialog('add')}>
              Add holders…
            </Button>
            {!role.utaOnly && (
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconUserMinus size={14} />}
                onClick={() => setDialog('remove')}
                disabled={role.holders === 0}
              >
                Remove holders…
              </Button>
            )}
          </Group>
        )
      }
    >
      {dialog === 'add' && <AddPeopleDialog instanceId={instance.id} onClose={close} to="role" role={role} />}
      {dialog === 'remove' && <RemoveHoldersDialog instanceId={instance.id} onClose={close} role={role} />}
      {role.holders === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody holds this role on their profile
          {role.assignments > 0
            ? `; it is given ${formatNumber(role.assignments)} times on programs (see Programs).`
            : '.'}
          {role.utaOnly && ' Add holders gives it on a program; take someone off from the program page.'}
        </Text>
      ) : (
        <div style={{ height: Math.min(520, 36 + 34 * role.holders + 2) }}>
          <PeopleTable pages={pages} label={`Holders of ${role.name}`} hideColumns={HOLDER_COLUMNS_HIDDEN} />
        </div>
      )}
    </Section>
  );
}
