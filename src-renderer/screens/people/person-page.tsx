/**
 * One person, from the mirror: profile (custom fields included), roles with the privileged ones
 * flagged, programs with their UTA roles, where they sit in the organization tree, recent logins
 * and access changes. Reached by `#/people/<id>`.
 */
import { Alert, Anchor, Breadcrumbs, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuilding, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'wouter';
import type { Instance } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { BrowseGate } from '../../components/browse/browse-gate';
import { AccessBadges, ExternalBadge, StatusBadge } from '../../components/browse/person-badges';
import { AccessChangesSection, LoginsSection, ProgramsSection, RolesSection } from './person-activity';
import { PersonActions, PersonDialogs, type PersonDialog } from './person-actions';
import { CustomFieldsSection, ProfileSection } from './person-profile';

export function PersonPage() {
  const params = useParams<{ id: string }>();
  const personId = Number(params.id);
  return (
    <Stack gap="md" data-testid="screen-person">
      <Anchor href="#/people" size="sm" w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} /> People
        </Group>
      </Anchor>
      <BrowseGate what="people">
        {(instance) =>
          Number.isSafeInteger(personId) && personId >= 0 ? (
            <PersonDetails instance={instance} personId={personId} />
          ) : (
            <Alert color="red" title="No such person">
              The address does not name a person.
            </Alert>
          )
        }
      </BrowseGate>
    </Stack>
  );
}

function PersonDetails({ instance, personId }: { instance: Instance; personId: number }) {
  // Silent: a person removed meanwhile is said here, not in a notification.
  const person = useApiQuery('people:get', { instanceId: instance.id, personId }, { meta: { silent: true } });
  const [dialog, setDialog] = useState<PersonDialog | null>(null);
  if (person.isLoading) return <Loader size="sm" aria-label="Loading the person" />;
  if (person.error || !person.data) {
    return (
      <Alert
        color={person.error?.code === 'NOT_FOUND' ? 'yellow' : 'red'}
        title="This person is not in the mirror"
        role="alert"
      >
        {person.error?.message ?? 'Not found.'} They may have been removed on the server, or the link belongs to another
        instance.
      </Alert>
    );
  }
  const p = person.data;
  return (
    <Stack gap="md" data-testid="person-page" data-person-id={p.id}>
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1}>
            {p.firstName} {p.lastName}
          </Title>
          <StatusBadge status={p.status} removed={p.removed} />
          <AccessBadges accessType={p.accessType} userType={p.userType} />
          <ExternalBadge isExternal={p.isExternal} />
        </Group>
        <Group gap="md">
          <Text c="dimmed" size="sm">
            {[p.title, p.email].filter(Boolean).join(' · ')}
          </Text>
          <Anchor href={`#/audit/timeline/${p.id}`} size="sm" data-testid="person-timeline-link">
            <Group gap={4}>
              <IconTimeline size={14} /> Timeline, findings and risk
            </Group>
          </Anchor>
        </Group>
        {p.organizationPath.length > 0 && (
          <Group gap={6} wrap="nowrap" data-testid="person-org-path">
            <IconBuilding size={16} color="var(--mantine-color-dimmed)" aria-hidden />
            <Breadcrumbs separator="›" separatorMargin={6} aria-label="Organization path">
              {p.organizationPath.map((o) => (
                <Anchor key={o.id} href={`#/organizations/${o.id}`} size="sm">
                  {o.name}
                </Anchor>
              ))}
            </Breadcrumbs>
          </Group>
        )}
        {!p.removed && <PersonActions instance={instance} person={p} onOpen={setDialog} />}
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <ProfileSection person={p} />
          <RolesSection
            roles={p.roles}
            onRemove={p.removed ? undefined : (roleId) => setDialog({ kind: 'remove-role', roleId })}
          />
          <ProgramsSection
            programs={p.programs}
            onRemove={p.removed ? undefined : (associationId) => setDialog({ kind: 'remove-program', associationId })}
          />
        </Stack>
        <Stack gap="md">
          <CustomFieldsSection raw={p.raw} names={p.peopleNamed} />
          <LoginsSection logins={p.recentLogins} />
          <AccessChangesSection changes={p.accessChanges} instanceId={instance.id} />
        </Stack>
      </SimpleGrid>
      <PersonDialogs instance={instance} person={p} dialog={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
