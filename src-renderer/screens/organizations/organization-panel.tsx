/**
 * One organization: where it sits, its counts, and its people (with those of its
 * sub-organizations unless switched off), searchable, through the same paged table as People.
 * Its actions go into the current draft: add a person to it, deactivate its people.
 */
import { Anchor, Badge, Breadcrumbs, Button, Checkbox, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconUserOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Instance, OrganizationNode } from '../../../src-preload/contract';
import { DeactivateOrganizationDialog } from '../../components/actions/deactivate-organization-dialog';
import { NewPersonDialog } from '../../components/actions/new-person-dialog';
import { PeopleTable } from '../../components/browse/people-table';
import { SearchBox } from '../../components/browse/search-box';
import { usePeoplePages } from '../../components/browse/use-people-pages';
import { countOf } from '../../lib/format';

/** The panel is narrow: the department and e-mail are on the person page, the type on the organization. */
const PANEL_HIDDEN_COLUMNS = ['department', 'kind', 'email'] as const;

interface OrganizationPanelProps {
  instance: Instance;
  organization: OrganizationNode;
  /** Root first, the organization last. */
  path: OrganizationNode[];
}

export function OrganizationPanel({ instance, organization: org, path }: OrganizationPanelProps) {
  const hasChildren = org.children.length > 0;
  const [withSubs, setWithSubs] = useState(hasChildren);
  const [debounced, setQuery] = useState('');
  const filters = useMemo(
    () => ({ organizationId: org.id, ...(withSubs ? { includeSubOrganizations: true } : {}) }),
    [org.id, withSubs],
  );
  const pages = usePeoplePages(instance.id, { query: debounced, filters });

  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }} data-testid="organization-panel" data-organization-id={org.id}>
      {path.length > 1 && (
        <Breadcrumbs separator="›" separatorMargin={6} aria-label="Organization path">
          {path.map((o) => (
            <Anchor key={o.id} href={`#/organizations/${o.id}`} size="sm" c={o.id === org.id ? 'dimmed' : undefined}>
              {o.name}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Group gap="xs" align="center">
        <Title order={2}>{org.name}</Title>
        <Badge color={org.isExternal ? 'grape' : 'indigo'}>{org.isExternal ? 'External' : 'Internal'}</Badge>
        {org.status && <Badge color={org.status === 'Active' ? 'teal' : 'gray'}>{org.status}</Badge>}
        {org.removed && <Badge color="red">Removed</Badge>}
        {!org.removed && <OrganizationActions instanceId={instance.id} organization={org} />}
      </Group>
      <Text size="sm" c="dimmed">
        {countOf(org.people, 'person', 'people')} directly in it
        {hasChildren &&
          ` · ${countOf(org.totalPeople, 'person', 'people')} with its ${countOf(org.children.length, 'sub-organization')}`}
      </Text>
      <Group gap="md">
        <SearchBox
          initial=""
          onSearch={setQuery}
          busy={pages.isStale}
          label="Search this organization's people"
          placeholder="Search these people"
          width={300}
        />
        {hasChildren && (
          <Checkbox
            label="Include sub-organizations"
            checked={withSubs}
            onChange={(e) => setWithSubs(e.currentTarget.checked)}
          />
        )}
        <Text size="sm" c="dimmed" ml="auto">
          {pages.isLoading ? '' : countOf(pages.total, 'person', 'people')}
        </Text>
      </Group>
      <div style={{ flex: 1, minHeight: 0 }}>
        <PeopleTable
          pages={pages}
          label={`People of ${org.name}`}
          hideColumns={PANEL_HIDDEN_COLUMNS}
          minWidth={640}
          empty={
            <EmptyState
              icon={<IconUsers size={28} />}
              title={debounced.trim() ? 'Nobody matches' : 'No people here'}
              description={
                debounced.trim()
                  ? `No one here matches “${debounced.trim()}”.`
                  : hasChildren && !withSubs
                    ? 'Nobody is directly in this organization; include its sub-organizations to see theirs.'
                    : 'Nobody in the last sync belongs to this organization.'
              }
            />
          }
        />
      </div>
    </Stack>
  );
}

function OrganizationActions({
  instanceId,
  organization: org,
}: {
  instanceId: string;
  organization: OrganizationNode;
}) {
  const [dialog, setDialog] = useState<'person' | 'deactivate' | null>(null);
  const close = () => setDialog(null);
  return (
    <Group gap="xs" ml="auto" data-testid="organization-actions">
      <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setDialog('person')}>
        Add a person…
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconUserOff size={14} />}
        onClick={() => setDialog('deactivate')}
        disabled={org.totalPeople === 0}
      >
        Deactivate…
      </Button>
      {dialog === 'person' && <NewPersonDialog instanceId={instanceId} organizationId={org.id} onClose={close} />}
      {dialog === 'deactivate' && (
        <DeactivateOrganizationDialog instanceId={instanceId} organization={org} onClose={close} />
      )}
    </Group>
  );
}
